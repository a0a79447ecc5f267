import { ref } from 'vue';
import { shouldAlert, type StreamEvent } from '../lib/alarm-alerts.ts';

/**
 * Browser notification and a short sound for new red and orange alarms. Browsers allow both only
 * after a user gesture, so `enable()` is called from a button; the sound is a Web Audio beep (no
 * audio file to ship).
 */
export function useAlarmAlerts() {
  const supported = typeof window !== 'undefined' && 'Notification' in window;
  const permission = ref<NotificationPermission | 'unsupported'>(
    supported ? Notification.permission : 'unsupported',
  );
  const soundOn = ref(false);
  const alerted = new Set<string>();
  let audio: AudioContext | null = null;

  async function enable(): Promise<void> {
    try {
      audio ??= new AudioContext();
      await audio.resume();
      soundOn.value = true;
    } catch {
      soundOn.value = false;
    }
    if (supported && Notification.permission === 'default') {
      permission.value = await Notification.requestPermission();
    } else if (supported) {
      permission.value = Notification.permission;
    }
  }

  function disable(): void {
    soundOn.value = false;
  }

  /** Two short tones: 880 Hz for red, 660 Hz for orange. */
  function beep(colour: string): void {
    if (!audio || !soundOn.value) return;
    const start = audio.currentTime;
    const frequency = colour === 'red' ? 880 : 660;
    for (const offset of [0, 0.25]) {
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.type = 'square';
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.2, start + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.18);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(start + offset);
      oscillator.stop(start + offset + 0.2);
    }
  }

  /** Alerts once per new red or orange alarm; returns whether it did. */
  function consider(
    event: StreamEvent,
    describe: (event: StreamEvent) => { title: string; body: string },
  ): boolean {
    if (!shouldAlert(event, alerted)) return false;
    alerted.add(event.id!);
    beep(event.colour ?? '');
    if (supported && Notification.permission === 'granted') {
      const { title, body } = describe(event);
      try {
        new Notification(title, {
          body,
          tag: `alarm-${event.id}`,
          requireInteraction: event.colour === 'red',
        });
      } catch {
        // Some browsers allow notifications from a service worker only; the sound and the queue remain.
      }
    }
    return true;
  }

  return { supported, permission, soundOn, enable, disable, consider };
}
