/** Where an alarm stands against its response deadline, for the queue's countdown. */
export interface Countdown {
  /** Whole seconds left (0 when overdue). */
  readonly secondsLeft: number;
  /** Whole seconds past the deadline (0 before it). */
  readonly secondsOver: number;
  readonly overdue: boolean;
  /** Under five minutes left: shown in warning colour. */
  readonly urgent: boolean;
  /** `mm:ss`, or `h:mm:ss` from an hour on; the time left, or the time over once overdue. */
  readonly text: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `mm:ss` below an hour, `h:mm:ss` from an hour, for whole non-negative seconds. */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = s % 60;
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${pad(minutes)}:${pad(seconds)}`;
}

/**
 * The countdown to `respondBy` at `now`. The deadline itself counts as overdue (the domain
 * escalates from exactly `responseMinutes` after firing). Seconds left round up, so the display
 * never shows 00:00 while time remains.
 */
export function responseCountdown(respondBy: string | Date, now: Date | number): Countdown {
  const deadline = typeof respondBy === 'string' ? Date.parse(respondBy) : respondBy.getTime();
  const at = typeof now === 'number' ? now : now.getTime();
  const left = deadline - at;
  if (left > 0) {
    const secondsLeft = Math.ceil(left / 1000);
    return {
      secondsLeft,
      secondsOver: 0,
      overdue: false,
      urgent: secondsLeft <= 300,
      text: formatDuration(secondsLeft),
    };
  }
  const secondsOver = Math.floor((at - deadline) / 1000);
  return { secondsLeft: 0, secondsOver, overdue: true, urgent: true, text: formatDuration(secondsOver) };
}
