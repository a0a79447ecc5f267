import { describe, expect, it } from 'vitest';
import { createRefreshCoalescer } from './refresh-coalescer.ts';

function harness() {
  const timers: { run: () => void; ms: number }[] = [];
  let reads = 0;
  let finish: (() => void) | null = null;
  const coalescer = createRefreshCoalescer({
    delayMs: 1000,
    refresh: () => {
      reads += 1;
      return new Promise<void>((resolve) => (finish = resolve));
    },
    schedule: (run, ms) => timers.push({ run, ms }),
    cancel: () => undefined,
  });
  return {
    coalescer,
    timers,
    reads: () => reads,
    async fire() {
      timers.shift()!.run();
      await Promise.resolve();
    },
    async finish() {
      finish!();
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
  };
}

describe('the refresh coalescer', () => {
  it('folds a burst of 100 signals into one re-read after the delay', async () => {
    const h = harness();
    for (let i = 0; i < 100; i += 1) h.coalescer.signal();
    expect(h.timers).toEqual([{ run: expect.any(Function), ms: 1000 }]);
    await h.fire();
    expect(h.reads()).toBe(1);
    await h.finish();
    expect(h.timers).toHaveLength(0);
  });

  it('re-reads once more when signals arrive during a re-read', async () => {
    const h = harness();
    h.coalescer.signal();
    await h.fire();
    h.coalescer.signal();
    h.coalescer.signal();
    expect(h.timers).toHaveLength(0);
    await h.finish();
    expect(h.timers).toHaveLength(1);
    await h.fire();
    expect(h.reads()).toBe(2);
  });

  it('does nothing once stopped', () => {
    const h = harness();
    h.coalescer.stop();
    h.coalescer.signal();
    expect(h.timers).toHaveLength(0);
  });
});
