import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';
import { createPool, type Db } from '../../platform/db.ts';
import { leaderLockKeys } from '../../platform/leader-lock.ts';
import {
  createPoint,
  deviceToken,
  gasPoint,
  monitoredSite,
  send,
} from './monitoring-fixtures.test-support.ts';
import { createMonitoringRepository } from './monitoring.repository.ts';
import { rollUpReadings } from './readings-rollup.ts';
import { rollupTestSettings } from './readings-rollup.test-support.ts';

const COUNTY = '530403';
const at = (time: string) => Date.parse(`2026-11-29T${time}Z`); // the test clock reads 02:00:00Z
const HOUR = 3_600_000;

const columns = `to_char(bucket AT TIME ZONE 'UTC', 'HH24:MI') AS bucket, n, total, sum, min, max,
  to_char(last_ts AT TIME ZONE 'UTC', 'HH24:MI:SS') AS last_at, last_value AS last, flags`;

/**
 * The roll-up job (issue 19, ingest figures): minutes of closed minutes built past a watermark,
 * late readings through dirty buckets, the run lock across processes, duplicates never counted.
 */
describe('the readings roll-up job builds the aggregates outside the ingest transaction', () => {
  let t: TestContext;
  let other: Db;
  let officer: Caller;
  let token: string;
  let pointId: string;
  let pointNo: number;

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    other = createPool(t.dbUrl, 4);
    officer = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: [COUNTY] } }),
    );
    const site = await monitoredSite(t, COUNTY);
    pointId = await createPoint(t, officer, gasPoint(site.objectId, 'T-RUP-01'));
    token = await deviceToken(t, officer, site.enterpriseId);
    pointNo = (await t.db.query<{ no: number }>('SELECT no FROM monitoring_points WHERE id = $1', [pointId]))
      .rows[0]!.no;
    // The watermark as a fresh install on the test clock's day has it: everything from 01:50 is new.
    await t.db.query('UPDATE readings_rollup_state SET marked_to = $1, built_to = $1', [
      new Date(at('01:50:00')),
    ]);
  });
  afterAll(async () => {
    await other.end();
    await t.close();
  });

  const rollUp = (db: Db = t.db, now = t.clock.now()) => rollUpReadings(db, now, rollupTestSettings);
  const state = async () =>
    (
      await t.db.query<{ marked: string; built: string }>(
        `SELECT to_char(marked_to AT TIME ZONE 'UTC', 'HH24:MI') AS marked,
                to_char(built_to AT TIME ZONE 'UTC', 'HH24:MI') AS built FROM readings_rollup_state`,
      )
    ).rows[0];
  const minutes = async () =>
    (await t.db.query(`SELECT ${columns} FROM readings_minute WHERE point_no = $1 ORDER BY 1`, [pointNo]))
      .rows;
  const hours = async () =>
    (await t.db.query(`SELECT ${columns} FROM readings_hour WHERE point_no = $1 ORDER BY 1`, [pointNo])).rows;
  /** What the raw readings give, by minute or hour, for the buckets before `before`. */
  const fromRaw = async (step: '1 minute' | '1 hour', before: string) =>
    (
      await t.db.query(
        `SELECT ${columns} FROM (
           SELECT date_bin('${step}', ts, '2000-01-01 00:00+00') AS bucket,
                  count(*) FILTER (WHERE flags = 0 AND value IS NOT NULL)::int AS n, count(*)::int AS total,
                  sum(value) FILTER (WHERE flags = 0) AS sum, min(value) FILTER (WHERE flags = 0) AS min,
                  max(value) FILTER (WHERE flags = 0) AS max, max(ts) FILTER (WHERE flags = 0 AND value IS NOT NULL) AS last_ts,
                  (array_agg(value ORDER BY ts DESC) FILTER (WHERE flags = 0 AND value IS NOT NULL))[1] AS last_value,
                  bit_and(flags) AS flags
             FROM readings WHERE point_no = $1 AND ts < $2 GROUP BY 1) r ORDER BY 1`,
        [pointNo, new Date(at(`${before}:00`))],
      )
    ).rows;
  const dirtyMarks = async () =>
    (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM readings_dirty')).rows[0]!.n;

  it('builds the closed minutes past the watermark, and the trend fills the open tail from raw', async () => {
    const readings = [];
    for (let second = 0; second < 240; second += 5)
      readings.push({ point: 'T-RUP-01', ts: at('01:55:30') + second * 1000, value: (second % 40) / 4 });
    expect((await send(t, token, readings)).json()).toMatchObject({ accepted: 48, duplicates: 0 });
    // Past the watermark: nothing is marked dirty, nothing is built yet.
    expect(await dirtyMarks()).toBe(0);
    expect(await minutes()).toEqual([]);
    // A restart still finds the newest stored reading of a point without any aggregate yet.
    const [row] = await createMonitoringRepository(t.db).livePointRows(t.db, [pointId]);
    expect(row!.last_stored).toEqual(new Date(at('01:59:25')));

    // At 02:00 with a minute of grace, minutes up to 01:59 are closed.
    expect(await rollUp()).toMatchObject({ readings: 42, minutes: 4, dirty: 0 });
    expect(await state()).toEqual({ marked: '01:59', built: '01:59' });
    expect((await minutes()).map((row) => row.bucket)).toEqual(['01:55', '01:56', '01:57', '01:58']);
    expect(await minutes()).toEqual(await fromRaw('1 minute', '01:59'));
    expect(await hours()).toEqual(await fromRaw('1 hour', '01:59'));

    // The minute trend's tail (01:59, not built) comes from the raw readings, exactly.
    const trend = await t.request({
      method: 'GET',
      url: `/api/v1/monitoring/points/${pointId}/readings?from=${new Date(at('02:00:00') - 12 * HOUR).toISOString()}&to=${new Date(at('02:00:00')).toISOString()}`,
      as: officer,
    });
    expect(trend.json()).toMatchObject({ resolution: 'minute' });
    const rows = trend.json().aggregates as number[][];
    expect(rows.map((row) => row[0])).toEqual(
      ['01:55', '01:56', '01:57', '01:58', '01:59'].map((m) => at(`${m}:00`)),
    );
    // 01:59:00 … 01:59:25 every 5 s: (second % 40) / 4 for seconds 210 … 235.
    expect(rows.at(-1)).toEqual([at('01:59:00'), 2.5, 5.625, 8.75, 8.75, 6]);
  });

  it('rebuilds a bucket exactly when a reading arrives after the job passed it; a duplicate never counts twice', async () => {
    const before = await minutes();
    expect(
      (await send(t, token, [{ point: 'T-RUP-01', ts: at('01:56:02'), value: 50 }])).json(),
    ).toMatchObject({
      accepted: 1,
      duplicates: 0,
    });
    expect(await dirtyMarks()).toBe(1);
    // Until the next run the built minute is stale (the trend's tail covers only what is not built).
    expect(await minutes()).toEqual(before);
    expect(await rollUp()).toMatchObject({ dirty: 1, minutes: 0 });
    expect(await dirtyMarks()).toBe(0);
    const rebuilt = (await minutes()).find((row) => row.bucket === '01:56');
    expect(rebuilt).toMatchObject({ max: 50, total: 13 });
    expect(await minutes()).toEqual(await fromRaw('1 minute', '01:59'));
    expect(await hours()).toEqual(await fromRaw('1 hour', '01:59'));

    // The same reading again (another value): a duplicate, not stored, nothing marked, nothing changes.
    expect(
      (await send(t, token, [{ point: 'T-RUP-01', ts: at('01:56:02'), value: 7 }])).json(),
    ).toMatchObject({
      accepted: 0,
      duplicates: 1,
    });
    expect(await dirtyMarks()).toBe(0);
    const settled = await minutes();
    await rollUp();
    await rollUp();
    expect(await minutes()).toEqual(settled);
    expect(await hours()).toEqual(await fromRaw('1 hour', '01:59'));
  });

  it('lets one process run at a time: a held lock skips the run; two at once count every reading once', async () => {
    const holder = await other.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT pg_advisory_xact_lock($1)', [leaderLockKeys.readingsRollup]);
      expect(await rollUp(t.db, new Date(at('02:05:00')))).toBeNull();
      expect(await state()).toEqual({ marked: '01:59', built: '01:59' });
    } finally {
      await holder.query('ROLLBACK');
      holder.release();
    }
    // Two clients of two pools (as two processes) at once: the lock lets one build each step.
    const runs = await Promise.all([
      rollUp(t.db, new Date(at('02:05:00'))),
      rollUp(other, new Date(at('02:05:00'))),
    ]);
    expect(runs.some((run) => run !== null)).toBe(true);
    expect(runs.reduce((sum, run) => sum + (run?.readings ?? 0), 0)).toBe(6);
    expect(await state()).toEqual({ marked: '02:04', built: '02:04' });
    expect(await minutes()).toEqual(await fromRaw('1 minute', '02:04'));
    expect(await hours()).toEqual(await fromRaw('1 hour', '02:04'));
  });

  it('waits for a writer that read the old watermark before it builds past it', async () => {
    // A writer in flight: its reading (02:05:10) lies below the next mark, and it has not marked it.
    const writer = await other.connect();
    try {
      await writer.query('BEGIN');
      await writer.query(`INSERT INTO readings (point_no, ts, value, flags) VALUES ($1, $2, 9, 0)`, [
        pointNo,
        new Date(at('02:05:10')),
      ]);
      let finished = false;
      const run = rollUp(t.db, new Date(at('02:07:00'))).finally(() => (finished = true));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(finished).toBe(false);
      await writer.query('COMMIT');
      expect(await run).toMatchObject({ readings: 1, minutes: 1 });
    } finally {
      writer.release();
    }
    expect(await state()).toEqual({ marked: '02:06', built: '02:06' });
    expect(await minutes()).toEqual(await fromRaw('1 minute', '02:06'));
    expect(await hours()).toEqual(await fromRaw('1 hour', '02:06'));
  });

  it('runs as the application’s restricted role (no superuser, table grants only)', async () => {
    const role = `rollup_t_${process.pid}_${Date.now() % 100_000}`;
    await t.db.query(`CREATE ROLE ${role} NOLOGIN NOSUPERUSER`);
    await t.db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`);
    const url = new URL(t.dbUrl);
    // The test's login takes the role at connect (as SET ROLE): every check is the role's.
    url.searchParams.set('options', `-c role=${role}`);
    const restricted = createPool(url.toString(), 2);
    try {
      const who = await restricted.query<{ super: boolean }>(
        'SELECT rolsuper AS super FROM pg_roles WHERE rolname = current_user',
      );
      expect(who.rows[0]!.super).toBe(false);
      await send(t, token, [
        { point: 'T-RUP-01', ts: at('01:57:31'), value: 3 },
        { point: 'T-RUP-01', ts: at('02:06:30'), value: 4 },
      ]);
      expect(await dirtyMarks()).toBe(1);
      expect(await rollUp(restricted, new Date(at('02:08:00')))).toMatchObject({ dirty: 1, minutes: 1 });
      expect(await minutes()).toEqual(await fromRaw('1 minute', '02:07'));
      expect(await hours()).toEqual(await fromRaw('1 hour', '02:07'));
    } finally {
      await restricted.end();
      await t.db.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${role}`);
      await t.db.query(`DROP ROLE ${role}`);
    }
  });
});
