import { describe, expect, it } from 'vitest';
import { DomainError } from '@anjian/domain';
import { createHashGate } from './hash-gate.ts';

/** A piece of work the test finishes by hand. */
function deferred() {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { done, finish };
}

describe('the password-hashing gate', () => {
  it('runs at most `concurrency` hashes at once and lets clean sign-ins overtake suspect ones', async () => {
    const gate = createHashGate({ concurrency: 2, queueLimit: 10 });
    const order: string[] = [];
    const blockers = [deferred(), deferred()];
    const running = blockers.map((b, i) =>
      gate.run('suspect', async () => (await b.done, order.push(`first${i}`))),
    );
    const suspects = [0, 1, 2].map((i) => gate.run('suspect', async () => order.push(`suspect${i}`)));
    const clean = gate.run('clean', async () => order.push('clean'));
    await Promise.resolve();
    expect(gate.stats).toMatchObject({ running: 2, waiting: 4 });
    blockers[0]!.finish();
    await Promise.all([running[0], clean]);
    // The freed slot went to the clean sign-in, though three suspect ones were waiting before it.
    expect(order.slice(0, 2)).toEqual(['first0', 'clean']);
    blockers[1]!.finish();
    await Promise.all([...running, ...suspects]);
    expect(order.filter((name) => name.startsWith('suspect'))).toEqual(['suspect0', 'suspect1', 'suspect2']);
    expect(order).toHaveLength(6);
    expect(gate.stats).toMatchObject({ running: 0, waiting: 0 });
  });

  it('refuses a suspect attempt with auth.busy when its queue is full, but still queues a clean one', async () => {
    const gate = createHashGate({ concurrency: 1, queueLimit: 1 });
    const blocker = deferred();
    const first = gate.run('suspect', () => blocker.done);
    const queued = gate.run('suspect', async () => 'queued');
    await expect(gate.run('suspect', async () => 'refused')).rejects.toEqual(new DomainError('auth.busy'));
    const clean = gate.run('clean', async () => 'clean');
    blocker.finish();
    expect(await Promise.all([first, queued, clean])).toEqual([undefined, 'queued', 'clean']);
  });

  it('releases its slot when the work fails', async () => {
    const gate = createHashGate({ concurrency: 1, queueLimit: 1 });
    await expect(gate.run('clean', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await gate.run('clean', async () => 'next')).toBe('next');
  });
});
