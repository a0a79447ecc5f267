import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../platform/clock.ts';
import { createPool, type Db } from '../../platform/db.ts';
import { createTestDatabase } from '../../../test/test-app.ts';
import { maintainReadingPartitions } from './readings-partitions.ts';

const settings = { rawDays: 3, minuteDays: 10, hourDays: 30, aheadDays: 2 };

describe('readings partitioned by China day: made ahead, dropped by retention (issue 19)', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: Db;
  const pools: Db[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
  });
  afterAll(async () => {
    await Promise.all(pools.map((pool) => pool.end()));
    await database.drop();
  });

  /** The day partitions of a table: name → its bounds, as PostgreSQL states them. */
  const partitions = async (table: string, like: string) =>
    Object.fromEntries(
      (
        await db.query<{ name: string; bound: string }>(
          `SELECT c.relname AS name, pg_get_expr(c.relpartbound, c.oid) AS bound
             FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
            WHERE i.inhparent = $1::regclass AND c.relname LIKE $2 ORDER BY 1`,
          [table, like],
        )
      ).rows.map((row) => [row.name, row.bound]),
    );
  const rowsIn = async (table: string) =>
    (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;

  it('makes the partitions of today and the days ahead once, each a China day', async () => {
    // 2026-11-29T20:00Z is already 11-30 in China.
    const clock = createManualClock(new Date('2026-11-29T20:00:00Z'));
    const run = await maintainReadingPartitions(db, clock, settings);
    expect(run?.created).toEqual([
      'readings_p20261130',
      'readings_p20261201',
      'readings_p20261202',
      'readings_minute_p20261130',
      'readings_minute_p20261201',
      'readings_minute_p20261202',
    ]);
    const made = await partitions('readings', 'readings_p202611%');
    // 00:00 in China is 16:00 UTC the day before (the session shows UTC).
    expect(made['readings_p20261130']).toBe(
      "FOR VALUES FROM ('2026-11-29 16:00:00+00') TO ('2026-11-30 16:00:00+00')",
    );
    // A second run makes nothing new.
    expect((await maintainReadingPartitions(db, clock, settings))?.created).toEqual([]);
    // A reading goes to its day's partition.
    await db.query(`INSERT INTO readings (point_no, ts, value) VALUES (1, '2026-11-30T15:59:59Z', 1)`);
    expect(await rowsIn('readings_p20261130')).toBe(1);
  });

  it('takes a reading of a day without a partition into the default partition, and moves it out later', async () => {
    await db.query(
      `INSERT INTO readings (point_no, ts, value) VALUES (1, '2027-02-10T03:00:00Z', 5), (2, '2027-02-10T17:00:00Z', 6)`,
    );
    expect(await rowsIn('readings_default')).toBe(2);
    const clock = createManualClock(new Date('2027-02-09T02:00:00Z'));
    const run = await maintainReadingPartitions(db, clock, { ...settings, rawDays: 3650, minuteDays: 3650 });
    expect(run?.created).toContain('readings_p20270210');
    expect(await rowsIn('readings_p20270210')).toBe(1);
    expect(await rowsIn('readings_p20270211')).toBe(1);
    expect(await rowsIn('readings_default')).toBe(0);
  });

  it('drops the day partitions older than the retention and logs what it dropped', async () => {
    // Readings on 12-01 and 12-02 (China); minute aggregates on 12-01; an hour aggregate of 11-01.
    await db.query(`INSERT INTO readings (point_no, ts, value) VALUES
      (1, '2026-12-01T01:00:00Z', 1), (1, '2026-12-01T01:00:01Z', 2), (1, '2026-12-02T01:00:00Z', 3)`);
    await db.query(`INSERT INTO readings_minute (point_no, bucket, n, total, sum, min, max, flags)
                    VALUES (1, '2026-12-01T01:00:00Z', 2, 2, 3, 1, 2, 0)`);
    await db.query(`INSERT INTO readings_hour (point_no, bucket, n, total, sum, min, max, flags) VALUES
      (1, '2026-11-01T01:00:00Z', 2, 2, 3, 1, 2, 0), (1, '2026-12-01T01:00:00Z', 2, 2, 3, 1, 2, 0)`);
    // On 12-05 (China) with 3 days kept: 12-02 … 12-05 stay, 12-01 and older go.
    const clock = createManualClock(new Date('2026-12-05T02:00:00Z'));
    const run = await maintainReadingPartitions(db, clock, settings);
    expect(run?.dropped.filter((name) => name.startsWith('readings_p'))).toEqual(
      expect.arrayContaining(['readings_p20261130', 'readings_p20261201']),
    );
    expect(run?.dropped).not.toContain('readings_p20261202');
    // Minute aggregates are kept 10 days, hours 30.
    expect(run?.dropped.filter((name) => name.startsWith('readings_minute'))).toEqual([]);
    expect(run?.pruned).toEqual([{ table: 'readings_hour', rows: 1 }]);
    expect(Object.keys(await partitions('readings', 'readings_p202612%'))).not.toContain(
      'readings_p20261201',
    );
    expect(await rowsIn('readings_p20261202')).toBe(1);
    expect(await rowsIn('readings_hour')).toBe(1);
    const log = await db.query(
      `SELECT table_name, partition, to_char(day, 'YYYY-MM-DD') AS day, rows::int AS rows, retention_days
         FROM readings_retention_log WHERE partition IN ('readings_p20261130', 'readings_p20261201') OR table_name = 'readings_hour'
        ORDER BY id`,
    );
    expect(log.rows).toEqual([
      {
        table_name: 'readings',
        partition: 'readings_p20261130',
        day: '2026-11-30',
        rows: 1,
        retention_days: 3,
      },
      {
        table_name: 'readings',
        partition: 'readings_p20261201',
        day: '2026-12-01',
        rows: 2,
        retention_days: 3,
      },
      { table_name: 'readings_hour', partition: null, day: null, rows: 1, retention_days: 30 },
    ]);
    // The 12-01 minute partition goes once the clock is 10 days on.
    clock.set(new Date('2026-12-12T02:00:00Z'));
    const later = await maintainReadingPartitions(db, clock, settings);
    expect(later?.dropped).toContain('readings_minute_p20261201');
  });

  it('makes each partition once when two processes run the job at the same moment', async () => {
    const [a, b] = [createPool(database.url, 2), createPool(database.url, 2)];
    pools.push(a, b);
    const clock = createManualClock(new Date('2027-06-01T02:00:00Z'));
    const wide = { ...settings, rawDays: 3650, minuteDays: 3650, aheadDays: 20 };
    const runs = await Promise.all([
      maintainReadingPartitions(a, clock, wide),
      maintainReadingPartitions(b, clock, wide),
    ]);
    const created = runs.flatMap((run) => run?.created ?? []);
    expect(created).toHaveLength(2 * 21);
    expect(new Set(created).size).toBe(created.length);
    expect(Object.keys(await partitions('readings', 'readings_p202706%'))).toHaveLength(21);
    // Even the partition function itself, called by both at once, makes it once.
    const both = await Promise.all(
      [a, b].map((pool) =>
        pool.query<{ made: boolean }>(`SELECT ensure_day_partition('readings', '2027-09-01') AS made`),
      ),
    );
    expect(both.map((r) => r.rows[0]!.made).sort()).toEqual([false, true]);
  });
});
