import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPool, type Db } from '../../platform/db.ts';
import { migrate, migrationNames } from '../../platform/migrate.ts';
import { withDatabase } from '../../../test/global-setup.ts';

/**
 * Migrations 0049, 0052 and 0079 on a database that already has readings: every row moves into the
 * partitioned table (today's and a year-old day get partitions, a far-future one the default), the
 * key still refuses a duplicate, and the aggregates of what was there are made.
 */
describe('migrating the readings into day partitions (issue 19)', () => {
  let db: Db;
  let admin: pg.Client;
  const name = `anjian_t_${randomUUID().replace(/-/g, '')}`;

  beforeAll(async () => {
    const server = inject('pgServerUrl');
    admin = new pg.Client({ connectionString: withDatabase(server, 'postgres') });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    db = createPool(withDatabase(server, name), 4);
  });
  afterAll(async () => {
    await db.end();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it('moves every reading, keeps the key, and aggregates what was there', async () => {
    const before = migrationNames().filter((m) => m < '0049');
    await migrate(db, { through: before.at(-1)! });
    // Both readings of point 1 lie in a minute before the migration's: 0079 builds the aggregates up
    // to the minute it runs in, so a reading 59 s back could fall in that minute when the insert
    // happens in a minute's last second.
    await db.query(`INSERT INTO readings (point_no, ts, value, flags) VALUES
      (1, now() - interval '2 minutes', 2, 0), (1, now() - interval '2 minutes' + interval '1 second', 4, 0),
      (1, now() - interval '200 days', 7, 0), (2, now() + interval '3 years', 1, 2), (2, now() - interval '1 hour', null, 1)`);
    await migrate(db);

    expect((await db.query('SELECT count(*)::int AS n FROM readings')).rows[0].n).toBe(5);
    expect((await db.query('SELECT count(*)::int AS n FROM readings_default')).rows[0].n).toBe(1);
    const where = await db.query<{ partition: string; n: number }>(
      `SELECT tableoid::regclass::text AS partition, count(*)::int AS n FROM readings GROUP BY 1 ORDER BY 1`,
    );
    expect(where.rows.map((row) => row.partition).every((p) => /^readings_(p\d{8}|default)$/.test(p))).toBe(
      true,
    );
    expect(where.rows.find((row) => row.partition === 'readings_default')?.n).toBe(1);
    await expect(
      db.query(
        `INSERT INTO readings (point_no, ts, value) SELECT point_no, ts, 9 FROM readings WHERE value = 7`,
      ),
    ).rejects.toMatchObject({ code: '23505' });

    const minutes = await db.query<{ point_no: number; n: number; total: number; sum: number; max: number }>(
      'SELECT point_no, n, total, sum, max FROM readings_minute ORDER BY bucket',
    );
    expect(minutes.rows.map((row) => [row.point_no, row.n, row.total])).toHaveLength(
      new Set(
        (
          await db.query<{ k: string }>(
            // 0079 leaves the minutes from its own on (the far-future reading's) to the roll-up job.
            `SELECT point_no || '@' || date_bin('1 minute', ts, '2000-01-01') AS k FROM readings
              WHERE ts < (SELECT built_to FROM readings_rollup_state)`,
          )
        ).rows.map((row) => row.k),
      ).size,
    );
    const hour = await db.query<{ n: number; sum: number; min: number; max: number }>(
      `SELECT sum(n)::int AS n, sum(sum) AS sum, min(min) AS min, max(max) AS max FROM readings_hour WHERE point_no = 1`,
    );
    expect(hour.rows[0]).toEqual({ n: 3, sum: 13, min: 2, max: 7 });
    // The roll-up's watermark starts at the minute of the migration: nothing built at or after it.
    const state = await db.query<{ behind: boolean; after: number }>(
      `SELECT built_to = marked_to AND built_to <= now() AND built_to > now() - interval '10 minutes' AS behind,
              (SELECT count(*)::int FROM readings_minute WHERE bucket >= built_to) AS after FROM readings_rollup_state`,
    );
    expect(state.rows[0]).toEqual({ behind: true, after: 0 });
  });
});
