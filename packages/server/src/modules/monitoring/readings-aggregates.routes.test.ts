import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';
import {
  createPoint,
  deviceToken,
  gasPoint,
  monitoredSite,
  send,
} from './monitoring-fixtures.test-support.ts';
import { rollUpReadings } from './readings-rollup.ts';
import { rollupTestSettings } from './readings-rollup.test-support.ts';

const COUNTY = '530403';
const at = (time: string) => Date.parse(`2026-11-29T${time}Z`); // the test clock reads 02:00:00Z
const HOUR = 3_600_000;
const DAY = 86_400_000;

/** The aggregates of a table as [bucket ISO, n, total, sum, min, max, last_ts ISO, last, flags]. */
const aggregateColumns = `to_char(bucket AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI') AS bucket, n, total, sum, min, max,
  to_char(last_ts AT TIME ZONE 'UTC', 'HH24:MI:SS') AS last_at, last_value AS last, flags`;

describe('minute and hour aggregates of the readings, and the trend resolution (issue 19)', () => {
  let t: TestContext;
  let officer: Caller;
  let token: string;
  let pointId: string;
  let pointNo: number;

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    officer = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: [COUNTY] } }),
    );
    const site = await monitoredSite(t, COUNTY);
    pointId = await createPoint(t, officer, gasPoint(site.objectId, 'T-AGG-01'));
    token = await deviceToken(t, officer, site.enterpriseId);
    pointNo = (await t.db.query<{ no: number }>('SELECT no FROM monitoring_points WHERE id = $1', [pointId]))
      .rows[0]!.no;
  });
  afterAll(() => t.close());

  /** One run of the roll-up job (the aggregates are built there, not in the ingest transaction). */
  const rollUp = () => rollUpReadings(t.db, t.clock.now(), rollupTestSettings);

  const table = async (name: 'readings_minute' | 'readings_hour') =>
    (
      await t.db.query(`SELECT ${aggregateColumns} FROM ${name} WHERE point_no = $1 ORDER BY bucket`, [
        pointNo,
      ])
    ).rows;

  /** The same aggregates computed from the raw readings, for comparison. */
  const fromRaw = async (step: '1 minute' | '1 hour') =>
    (
      await t.db.query(
        `SELECT ${aggregateColumns} FROM (
           SELECT date_bin('${step}', ts, '2000-01-01 00:00+00') AS bucket,
                  count(*) FILTER (WHERE flags = 0 AND value IS NOT NULL)::int AS n, count(*)::int AS total,
                  sum(value) FILTER (WHERE flags = 0) AS sum, min(value) FILTER (WHERE flags = 0) AS min,
                  max(value) FILTER (WHERE flags = 0) AS max, max(ts) FILTER (WHERE flags = 0 AND value IS NOT NULL) AS last_ts,
                  (array_agg(value ORDER BY ts DESC) FILTER (WHERE flags = 0 AND value IS NOT NULL))[1] AS last_value,
                  bit_and(flags) AS flags
             FROM readings WHERE point_no = $1 GROUP BY 1) r ORDER BY bucket`,
        [pointNo],
      )
    ).rows;

  it('keeps exact min, max, sum, count and last per minute and hour as readings are ingested', async () => {
    const first = await send(t, token, [
      { point: 'T-AGG-01', ts: at('01:58:00'), value: 1 },
      { point: 'T-AGG-01', ts: at('01:58:10'), value: 2 },
      { point: 'T-AGG-01', ts: at('01:58:20'), value: null },
      { point: 'T-AGG-01', ts: at('01:58:50'), value: 6 },
      { point: 'T-AGG-01', ts: at('01:59:00'), value: 10 },
      { point: 'T-AGG-01', ts: at('01:59:30'), value: 150 },
    ]);
    expect(first.json()).toMatchObject({ accepted: 6, duplicates: 0 });
    // A re-sent reading (a duplicate, not counted again) and a late one (stored, counted once).
    const second = await send(t, token, [
      { point: 'T-AGG-01', ts: at('01:58:00'), value: 99 },
      { point: 'T-AGG-01', ts: at('01:58:05'), value: 4 },
    ]);
    expect(second.json()).toMatchObject({ accepted: 1, duplicates: 1 });
    // The roll-up's watermark starts at the migration (real time, after the test clock's day), so
    // these readings are all late: their buckets are marked dirty and the run builds them.
    expect(await rollUp()).toMatchObject({ dirty: 2 });

    expect(await table('readings_minute')).toEqual([
      // 1, 4, 2, 6 usable; the null (nan) counts in total only.
      {
        bucket: '2026-11-29T01:58',
        n: 4,
        total: 5,
        sum: 13,
        min: 1,
        max: 6,
        last_at: '01:58:50',
        last: 6,
        flags: 0,
      },
      // 150 is out of range (flag 4): not in the figures.
      {
        bucket: '2026-11-29T01:59',
        n: 1,
        total: 2,
        sum: 10,
        min: 10,
        max: 10,
        last_at: '01:59:00',
        last: 10,
        flags: 0,
      },
    ]);
    expect(await table('readings_hour')).toEqual([
      {
        bucket: '2026-11-29T01:00',
        n: 5,
        total: 7,
        sum: 23,
        min: 1,
        max: 10,
        last_at: '01:59:00',
        last: 10,
        flags: 0,
      },
    ]);
    expect(await table('readings_minute')).toEqual(await fromRaw('1 minute'));
    expect(await table('readings_hour')).toEqual(await fromRaw('1 hour'));
  });

  it('equals what the raw readings give over many readings and several batches', async () => {
    // Two days back, every 7 s for 3 hours, in batches of 500, values with exact binary sums.
    const start = at('01:00:00') - 2 * DAY;
    const readings = Array.from({ length: (3 * HOUR) / 7_000 }, (_, i) => ({
      point: 'T-AGG-01',
      ts: start + i * 7_000,
      value: i % 9 === 4 ? null : ((i * 37) % 80) / 4,
    }));
    for (let i = 0; i < readings.length; i += 500) {
      const response = await send(t, token, readings.slice(i, i + 500));
      expect(response.statusCode).toBe(200);
    }
    await rollUp();
    const minutes = await table('readings_minute');
    expect(minutes.length).toBe(2 + 180);
    expect(minutes).toEqual(await fromRaw('1 minute'));
    expect(await table('readings_hour')).toEqual(await fromRaw('1 hour'));
  });

  const trend = (spanMs: number, to = at('02:00:00')) =>
    t.request({
      method: 'GET',
      url: `/api/v1/monitoring/points/${pointId}/readings?from=${new Date(to - spanMs).toISOString()}&to=${new Date(to).toISOString()}`,
      as: officer,
    });

  it('answers raw readings up to 6 hours, minutes up to 7 days, hours beyond', async () => {
    const raw = await trend(HOUR);
    expect(raw.statusCode).toBe(200);
    expect(raw.json()).toMatchObject({ resolution: 'raw', bucketSeconds: 0 });
    expect(raw.json().readings).toEqual([
      [at('01:58:00'), 1, 0],
      [at('01:58:05'), 4, 0],
      [at('01:58:10'), 2, 0],
      [at('01:58:20'), null, 1],
      [at('01:58:50'), 6, 0],
      [at('01:59:00'), 10, 0],
      [at('01:59:30'), 150, 4],
    ]);
    expect(raw.json().aggregates).toBeUndefined();

    const minutes = await trend(12 * HOUR);
    expect(minutes.json()).toMatchObject({ resolution: 'minute', bucketSeconds: 0 });
    // [epochMs, min, avg, max, last, count]; the reading is the bucket's peak.
    expect(minutes.json().aggregates).toEqual([
      [at('01:58:00'), 1, 3.25, 6, 6, 4],
      [at('01:59:00'), 10, 10, 10, 10, 1],
    ]);
    expect(minutes.json().readings).toEqual([
      [at('01:58:00'), 6, 0],
      [at('01:59:00'), 10, 0],
    ]);

    const hours = await trend(30 * DAY);
    expect(hours.json()).toMatchObject({ resolution: 'hour', bucketSeconds: 0 });
    const hourRows = hours.json().aggregates as number[][];
    expect(hourRows.map((row) => row[0])).toEqual([
      at('01:00:00') - 2 * DAY,
      at('02:00:00') - 2 * DAY,
      at('03:00:00') - 2 * DAY,
      at('01:00:00'),
    ]);
    expect(hourRows.at(-1)).toEqual([at('01:00:00'), 1, 23 / 5, 10, 10, 5]);

    // 90 days of hours (2,160 rows at most) are drawn in 3-hour buckets, still exact.
    const quarter = await trend(90 * DAY);
    expect(quarter.json()).toMatchObject({ resolution: 'hour', bucketSeconds: 10_800 });
    const fromHours = await t.db.query<{ n: number; max: number }>(
      `SELECT sum(n)::int AS n, max(max) AS max FROM readings_hour WHERE point_no = $1`,
      [pointNo],
    );
    const buckets = quarter.json().aggregates as number[][];
    expect(buckets.reduce((sum, row) => sum + row[5]!, 0)).toBe(fromHours.rows[0]!.n);
    expect(Math.max(...buckets.map((row) => row[3]!))).toBe(fromHours.rows[0]!.max);
  });

  it('refuses a trend over more than 400 days with a stable code', async () => {
    const response = await trend(401 * DAY);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('request.invalid');
  });
});
