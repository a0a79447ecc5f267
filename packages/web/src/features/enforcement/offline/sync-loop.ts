import type { SyncEngine } from './sync-engine.ts';

export const SYNC_INTERVAL_MS = 10_000;

interface LoopHost {
  addEventListener(type: 'online', listener: () => void): void;
  removeEventListener(type: 'online', listener: () => void): void;
  setInterval(handler: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

/**
 * Drives the engine: one pass now, one on every `online` event (ignoring the back-off, since the
 * reason for it is gone) and one every interval for items whose back-off has run out. Returns stop.
 */
export function startSyncLoop(engine: SyncEngine, host: LoopHost, intervalMs = SYNC_INTERVAL_MS): () => void {
  const swallow = (pass: Promise<unknown>) => void pass.catch(() => undefined);
  const onOnline = () => swallow(engine.syncDue({ ignoreBackoff: true }));
  host.addEventListener('online', onOnline);
  const timer = host.setInterval(() => swallow(engine.syncDue()), intervalMs);
  swallow(engine.recover().then(() => engine.syncDue({ ignoreBackoff: true })));
  return () => {
    host.removeEventListener('online', onOnline);
    host.clearInterval(timer);
  };
}
