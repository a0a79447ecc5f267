import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/test-app.ts';
import { createPool, type Db } from './db.ts';
import { startLeaderLock, type LeaderLock } from './leader-lock.ts';

describe('leader lock (one process runs the monitoring tick)', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  const pools: Db[] = [];
  const locks: LeaderLock[] = [];

  /** A process: its own pool and its own lock on the same key. */
  function startProcess(): LeaderLock {
    const db = createPool(database.url, 2);
    pools.push(db);
    const lock = startLeaderLock({ db, key: 4242, name: 'test worker', retryMs: 100 });
    locks.push(lock);
    return lock;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await Promise.all(locks.map((lock) => lock.close()));
    await Promise.all(pools.map((pool) => pool.end()));
    await database.drop();
  });

  it('is held by exactly one process, and taken over when the holder stops or loses its connection', async () => {
    const a = startProcess();
    await expect.poll(() => a.held).toBe(true);
    const b = startProcess();
    const c = startProcess();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect([a.held, b.held, c.held]).toEqual([true, false, false]);

    await a.close();
    await expect.poll(() => [b.held, c.held].filter(Boolean).length).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect([b.held, c.held].filter(Boolean)).toHaveLength(1);

    // The holder's connection is cut (a network failure, a restarted PostgreSQL): the other takes over.
    const [holder, other] = b.held ? [b, c] : [c, b];
    await database.db.query(
      `SELECT pg_terminate_backend(l.pid) FROM pg_locks l
        WHERE l.locktype = 'advisory' AND l.granted AND l.objid = 4242 AND l.database =
          (SELECT oid FROM pg_database WHERE datname = current_database())`,
    );
    // Who takes over is the outcome; how soon is the machine's load (CI runs two suites side by side).
    await expect.poll(() => other.held, { timeout: 20_000 }).toBe(true);
    await expect.poll(() => holder.held, { timeout: 20_000 }).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect([holder.held, other.held]).toEqual([false, true]);
  });
});
