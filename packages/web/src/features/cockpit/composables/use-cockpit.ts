import { onBeforeUnmount, ref, shallowRef } from 'vue';
import { cockpitStreamEvents, type Cockpit } from '@anjian/domain';
import { api, apiUrl } from '../../../lib/api.ts';
import { reconnectDelay } from '../../monitoring/lib/reconnect-backoff.ts';
import { createRefreshCoalescer } from '../lib/refresh-coalescer.ts';

export type CockpitLiveState = 'connecting' | 'open' | 'waiting';

/** A burst of change signals costs at most one re-read per this long. */
const REFRESH_DELAY_MS = 1500;

/**
 * The cockpit's figures (GET /cockpit: one scoped round trip) kept live: the change stream
 * (/cockpit/stream, SSE) names what changed and the figures are re-read, coalesced. On a lost
 * connection — a network blip, a server restart — the stream waits with backoff and reconnects,
 * then re-reads the whole snapshot, since events meanwhile were missed. No reload, no polling.
 */
export function useCockpit() {
  const data = shallowRef<Cockpit | null>(null);
  const failed = ref(false);
  const state = ref<CockpitLiveState>('connecting');
  let source: EventSource | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let attempt = 0;
  let everOpened = false;
  let stopped = false;

  async function load(): Promise<void> {
    try {
      data.value = await api.get<Cockpit>('/cockpit');
      failed.value = false;
    } catch (error) {
      failed.value = true;
      throw error;
    }
  }

  const coalescer = createRefreshCoalescer({ delayMs: REFRESH_DELAY_MS, refresh: load });

  function connect(): void {
    if (stopped) return;
    state.value = 'connecting';
    const next = new EventSource(apiUrl('/cockpit/stream'), { withCredentials: true });
    source = next;
    next.onopen = () => {
      state.value = 'open';
      attempt = 0;
      // A reconnection re-reads: what changed while cut off was not told. (The first read runs at once.)
      if (everOpened) void load().catch(() => undefined);
      everOpened = true;
    };
    next.onerror = () => {
      // The browser would retry at a fixed pace; take over with backoff instead.
      next.close();
      if (source !== next || stopped) return;
      source = null;
      state.value = 'waiting';
      timer = setTimeout(connect, reconnectDelay(attempt));
      attempt += 1;
    };
    for (const type of cockpitStreamEvents) next.addEventListener(type, () => coalescer.signal());
  }

  function stop(): void {
    stopped = true;
    coalescer.stop();
    if (timer) clearTimeout(timer);
    source?.close();
    source = null;
  }

  void load().catch(() => undefined);
  connect();
  onBeforeUnmount(stop);
  return { data, failed, state, load };
}
