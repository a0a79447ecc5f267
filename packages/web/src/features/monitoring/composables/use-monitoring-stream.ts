import { onBeforeUnmount, ref } from 'vue';
import { apiUrl } from '../../../lib/api.ts';
import type { StreamEvent } from '../lib/alarm-alerts.ts';
import { reconnectDelay } from '../lib/reconnect-backoff.ts';

export type StreamState = 'connecting' | 'open' | 'waiting';

const EVENT_TYPES = ['alarm', 'warning', 'escalation'] as const;

/**
 * The live stream of alarm and warning changes (SSE, `/monitoring/stream`; the session cookie
 * authenticates it, the server filters by scope). On a lost connection it waits with backoff and
 * reconnects; `onOpen` runs on every (re)connection so the page refetches what it may have missed.
 */
export function useMonitoringStream(handlers: {
  onEvent: (event: StreamEvent) => void;
  onOpen?: (reconnected: boolean) => void;
}) {
  const state = ref<StreamState>('connecting');
  let source: EventSource | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let attempt = 0;
  let everOpened = false;
  let stopped = false;

  function connect(): void {
    if (stopped) return;
    state.value = 'connecting';
    const next = new EventSource(apiUrl('/monitoring/stream'), { withCredentials: true });
    source = next;
    next.onopen = () => {
      state.value = 'open';
      attempt = 0;
      handlers.onOpen?.(everOpened);
      everOpened = true;
    };
    next.onerror = () => {
      // The browser would retry on its own at a fixed pace; take over with backoff instead.
      next.close();
      if (source !== next || stopped) return;
      source = null;
      state.value = 'waiting';
      timer = setTimeout(connect, reconnectDelay(attempt));
      attempt += 1;
    };
    for (const type of EVENT_TYPES) {
      next.addEventListener(type, (message) => {
        try {
          const data = JSON.parse((message as MessageEvent<string>).data) as Omit<StreamEvent, 'type'>;
          handlers.onEvent({ ...data, type } as StreamEvent);
        } catch {
          // A malformed event is skipped; the next refetch corrects the view.
        }
      });
    }
  }

  function stop(): void {
    stopped = true;
    if (timer) clearTimeout(timer);
    source?.close();
    source = null;
  }

  connect();
  onBeforeUnmount(stop);
  return { state, stop };
}
