import { describe, expect, it } from 'vitest';
import { fakeServer, finishedDraft, memoryOfflineStore, T0 } from './offline.test-support.ts';
import { createSyncEngine } from './sync-engine.ts';
import { startSyncLoop } from './sync-loop.ts';

/** A window stand-in whose `online` event and interval the test fires by hand. */
function manualHost() {
  const listeners = new Set<() => void>();
  const ticks = new Map<number, () => void>();
  let next = 0;
  return {
    addEventListener: (_type: 'online', listener: () => void) => listeners.add(listener),
    removeEventListener: (_type: 'online', listener: () => void) => listeners.delete(listener),
    setInterval: (handler: () => void) => {
      ticks.set(++next, handler);
      return next;
    },
    clearInterval: (handle: unknown) => ticks.delete(handle as number),
    goOnline: () => listeners.forEach((listener) => listener()),
    tick: () => ticks.forEach((handler) => handler()),
    listening: () => listeners.size + ticks.size,
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the sync loop', () => {
  it('syncs at start, on the interval after the back-off and at once when the connection returns', async () => {
    const store = memoryOfflineStore();
    const server = fakeServer();
    let now = T0;
    const engine = createSyncEngine({
      store,
      transport: server.transport,
      now: () => now,
      random: () => 0.5,
      currentUserId: () => 'u-inspector',
    });
    await store.addPhoto('insp-1', new Blob(['j']), 'image/jpeg', 'p1');
    await store.addPhoto('insp-1', new Blob(['s']), 'image/png', 's1');
    await store.enqueue(finishedDraft('p1', 's1'), new Date(T0));
    server.answerUploads({ status: 0 }, { status: 0 });

    const host = manualHost();
    const stop = startSyncLoop(engine, host);
    await settle();
    expect((await store.queued())[0]?.attempts).toBe(1);

    host.tick(); // back-off (1.5 s) not over: nothing sent
    await settle();
    expect((await store.queued())[0]?.attempts).toBe(1);

    host.goOnline(); // the connection is back: sent at once, whatever the back-off
    await settle();
    expect((await store.queued())[0]?.attempts).toBe(2);

    now += 60_000;
    host.tick();
    await settle();
    await settle();
    expect(await store.queued()).toEqual([]);
    expect(server.records.size).toBe(1);

    stop();
    expect(host.listening()).toBe(0);
  });
});
