import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/test-app.ts';
import type { Db } from '../db.ts';
import { inTransactionWithEvents, createMemoryEventBus, type EventBus } from './event-bus.ts';
import type { AppEvents } from './event-types.ts';
import { startPostgresEventBus, type PostgresEventBus } from './postgres-event-bus.ts';

const alarm = (id: string, status = 'firing'): AppEvents['alarm.changed'] => ({
  id,
  pointId: 'p1',
  status,
  colour: 'red',
  county: '530402',
  enterpriseId: 'e1',
  objectId: 'o1',
  at: '2026-11-29T02:00:00.000Z',
});

function collect(bus: EventBus): string[] {
  const seen: string[] = [];
  bus.subscribe('alarm.changed', (event) => void seen.push(`${event.id}:${event.status}`));
  return seen;
}

describe('event bus on PostgreSQL (LISTEN/NOTIFY)', () => {
  let database: { db: Db; url: string; drop(): Promise<void> };
  let a: PostgresEventBus;
  let b: PostgresEventBus;

  beforeAll(async () => {
    database = await createTestDatabase();
    const open = () =>
      startPostgresEventBus({
        connectionString: database.url,
        db: database.db,
        reconnect: { initialMs: 50, maxMs: 200 },
      });
    a = await open();
    b = await open();
  });

  afterAll(async () => {
    await a.close();
    await b.close();
    await database.drop();
  });

  it('delivers an event published by one process to every process exactly once, in order', async () => {
    const onA = collect(a);
    const onB = collect(b);
    for (let i = 1; i <= 20; i += 1) await a.publish('alarm.changed', alarm(`x${i}`));
    await inTransactionWithEvents(database.db, a, async (_tx, events) => {
      // The same event twice in one transaction: PostgreSQL would fold identical NOTIFYs into one.
      events.publish('alarm.changed', alarm('y', 'acknowledged'));
      events.publish('alarm.changed', alarm('y', 'acknowledged'));
    });
    const expected = [
      ...Array.from({ length: 20 }, (_, i) => `x${i + 1}:firing`),
      'y:acknowledged',
      'y:acknowledged',
    ];
    await expect.poll(() => onB.length).toBe(22);
    await expect.poll(() => onA.length).toBe(22);
    // Nothing late or repeated arrives after a pause.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(onB).toEqual(expected);
    expect(onA).toEqual(expected);
  });

  it('never delivers the events of a transaction that rolled back, and only after a commit', async () => {
    const onB = collect(b);
    await expect(
      inTransactionWithEvents(database.db, a, async (_tx, events) => {
        events.publish('alarm.changed', alarm('rolled-back'));
        throw new Error('the write failed');
      }),
    ).rejects.toThrow('the write failed');

    const client = await database.db.connect();
    try {
      await client.query('BEGIN');
      const batch = a.batch();
      batch.publish('alarm.changed', alarm('committed-later'));
      await batch.flush(client);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(onB).toEqual([]);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    await expect.poll(() => onB).toEqual(['committed-later:firing']);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(onB).toEqual(['committed-later:firing']);
  });

  it('stops delivering to a handler once it unsubscribed', async () => {
    const seen: string[] = [];
    const unsubscribe = b.subscribe('alarm.changed', (event) => void seen.push(event.id));
    const marker: string[] = [];
    b.subscribe('alarm.changed', (event) => void marker.push(event.id));
    await a.publish('alarm.changed', alarm('before'));
    await expect.poll(() => seen).toEqual(['before']);
    unsubscribe();
    await a.publish('alarm.changed', alarm('after'));
    await expect.poll(() => marker).toEqual(['before', 'after']);
    expect(seen).toEqual(['before']);
  });

  it('reconnects after losing its connection, tells its consumers to resync, and delivers again', async () => {
    let resyncs = 0;
    b.onResync(() => (resyncs += 1));
    const onB = collect(b);
    await database.db.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE application_name = 'anjian-events' AND datname = current_database() AND pid <> pg_backend_pid()`,
    );
    // Both listeners were cut; each comes back on its own.
    await expect.poll(() => a.listening && b.listening && resyncs === 1, { timeout: 5_000 }).toBe(true);
    await a.publish('alarm.changed', alarm('after-reconnect'));
    await expect.poll(() => onB).toEqual(['after-reconnect:firing']);
  });

  it('refuses an event too big for NOTIFY instead of losing it silently', async () => {
    const big = { ...alarm('big'), status: 'x'.repeat(8_000) };
    await expect(a.publish('alarm.changed', big)).rejects.toThrow(/bytes; send ids/);
  });
});

describe('event bus in one process', () => {
  it('delivers a write’s events after its commit only, and a rolled-back write’s never', async () => {
    const bus = createMemoryEventBus();
    const seen = collect(bus);
    const batch = bus.batch();
    batch.publish('alarm.changed', alarm('a'));
    expect(seen).toEqual([]);
    batch.committed();
    expect(seen).toEqual(['a:firing']);
    const abandoned = bus.batch();
    abandoned.publish('alarm.changed', alarm('b'));
    await bus.publish('alarm.changed', alarm('c', 'cleared'));
    expect(seen).toEqual(['a:firing', 'c:cleared']);
  });

  it('keeps delivering to the other handlers when one throws', async () => {
    const logged: string[] = [];
    const bus = createMemoryEventBus({ log: (_level, message) => void logged.push(message) });
    bus.subscribe('alarm.changed', () => {
      throw new Error('broken consumer');
    });
    const seen = collect(bus);
    await bus.publish('alarm.changed', alarm('a'));
    expect(seen).toEqual(['a:firing']);
    expect(logged).toEqual(['event handler of alarm.changed failed']);
  });
});
