/**
 * Trend benchmark (issue 19): 10,000 points reporting every second, as the stored aggregates of 90
 * days — the per-hour aggregates of 90 days, the per-minute ones of the last TREND_MINUTE_HOURS
 * hours and the raw readings of the last TREND_RAW_MINUTES minutes, all written with binary COPY
 * (the ingest path's own format) — then the point trend endpoint through the real app: p50/p95 of a
 * 90-day trend (hour aggregates), a 24-hour trend (minute aggregates) and a 1-hour trend (raw), each
 * for a different point every time. Goal on the 2-core reference machine: 90-day p95 ≤ 50 ms.
 */
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { generateSyntheticCreditCode } from '../packages/domain/src/index.ts';
import type { buildApp } from '../packages/server/src/app.ts';
import { markLateReadings } from '../packages/server/src/modules/monitoring/readings-aggregates.ts';
import {
  copyReadings,
  encodeReadings,
  type StoredReading,
} from '../packages/server/src/modules/monitoring/readings-copy.ts';
import { addToAggregatesInTransaction } from './aggregates-in-transaction.ts';
import { benchApp, benchDatabase, measure, printFigures } from './support.ts';

const POINTS = Number(process.env.TREND_POINTS ?? 10_000);
const DAYS = Number(process.env.TREND_DAYS ?? 90);
const MINUTE_HOURS = Number(process.env.TREND_MINUTE_HOURS ?? 24);
const RAW_MINUTES = Number(process.env.TREND_RAW_MINUTES ?? 10);
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const POSTGRES_EPOCH_MS = 946_684_800_000;
const step = (what: string) => console.error(`[trend] ${new Date().toISOString()} ${what}`);

const database = await benchDatabase();
const { db } = database;
let app: Awaited<ReturnType<typeof buildApp>> | null = null;

/** A point's value at an instant: a daily wave around its own level (deterministic). */
const level = (point: number, at: number) => 10 + (point % 50) + 8 * Math.sin((at / DAY_MS) * 2 * Math.PI);

// Binary COPY rows of readings_minute / readings_hour: int4, timestamptz, int4, int4, 4 × float8
// (sum, min, max, last value) around a timestamptz (last_ts), int2.
function encodeAggregates(firstPoint: number, points: number, buckets: number[], stepMs: number): Buffer {
  const rows = points * buckets.length;
  const buffer = Buffer.allocUnsafe(19 + rows * (2 + 8 + 12 + 8 + 8 + 12 + 12 + 12 + 12 + 12 + 6) + 2);
  buffer.write('PGCOPY\n\xff\r\n\0', 0, 'latin1');
  buffer.writeUInt32BE(0, 11);
  buffer.writeUInt32BE(0, 15);
  let o = 19;
  const timestamp = (ms: number) => {
    o = buffer.writeInt32BE(8, o);
    o = buffer.writeBigInt64BE(BigInt(ms - POSTGRES_EPOCH_MS) * 1000n, o);
  };
  const float = (value: number) => {
    o = buffer.writeInt32BE(8, o);
    o = buffer.writeDoubleBE(value, o);
  };
  const int = (value: number) => {
    o = buffer.writeInt32BE(4, o);
    o = buffer.writeInt32BE(value, o);
  };
  for (let p = firstPoint; p < firstPoint + points; p++) {
    for (const bucket of buckets) {
      const n = stepMs / 1000;
      const avg = level(p, bucket);
      o = buffer.writeInt16BE(10, o);
      int(p);
      timestamp(bucket);
      int(n);
      int(n);
      float(avg * n);
      float(avg - 3);
      float(avg + 3);
      timestamp(bucket + stepMs - 1000);
      float(avg);
      o = buffer.writeInt32BE(2, o);
      o = buffer.writeInt16BE(0, o);
    }
  }
  o = buffer.writeInt16BE(-1, o);
  return buffer.subarray(0, o);
}

/** COPYs `table` for all points, `chunk` points per COPY payload. */
async function copyAggregates(table: string, buckets: number[], stepMs: number): Promise<number> {
  const chunk = Math.max(1, Math.floor(200_000 / buckets.length));
  const client = await db.connect();
  try {
    for (let first = 1; first <= POINTS; first += chunk) {
      const count = Math.min(chunk, POINTS - first + 1);
      const stream = client.query(copyFrom(`COPY ${table} FROM STDIN (FORMAT binary)`));
      await pipeline(Readable.from([encodeAggregates(first, count, buckets, stepMs)]), stream);
    }
  } finally {
    client.release();
  }
  return POINTS * buckets.length;
}

async function copyRaw(from: number, to: number): Promise<number> {
  const client = await db.connect();
  let written = 0;
  try {
    for (let at = from; at < to; at += 10_000) {
      const rows: StoredReading[] = [];
      for (let second = at; second < Math.min(to, at + 10_000); second += 1000)
        for (let p = 1; p <= POINTS; p++)
          rows.push({ pointNo: p, at: second, value: level(p, second), flags: 0 });
      const stream = client.query(
        copyFrom('COPY readings (point_no, ts, value, flags) FROM STDIN (FORMAT binary)'),
      );
      await pipeline(Readable.from([encodeReadings(rows)]), stream);
      written += rows.length;
    }
  } finally {
    client.release();
  }
  return written;
}

try {
  const enterprise = await db.query<{ id: string }>(
    `INSERT INTO enterprises (name, credit_code, county, created_at, updated_at)
     VALUES ('基准测试企业', $1, '530402', now(), now()) RETURNING id`,
    [generateSyntheticCreditCode(1, { divisionCode: '530402' })],
  );
  const enterpriseId = enterprise.rows[0]!.id;
  await db.query(
    `INSERT INTO regulated_objects (kind, name, enterprise_id, county, lon, lat, created_at, updated_at)
     SELECT 'major_hazard_source', '基准罐区' || i, $1, '530402', 102.5, 24.3, now(), now() FROM generate_series(1, 100) i`,
    [enterpriseId],
  );
  await db.query(
    `INSERT INTO monitoring_points (code, name, object_id, enterprise_id, county, type, unit, range_min, range_max,
       expected_interval_seconds, thresholds, created_at, updated_at)
     SELECT 'B-' || lpad(n::text, 5, '0'), '基准点' || n, o.id, $1, '530402', 'combustible_gas', '%LEL', 0, 100, 1,
            '{"scheme":"process","H":{"value":20},"HH":{"value":40}}', now(), now()
       FROM generate_series(0, $2 - 1) n
       JOIN LATERAL (SELECT id FROM regulated_objects ORDER BY id OFFSET n / 100 LIMIT 1) o ON true`,
    [enterpriseId, POINTS],
  );
  const ids = (await db.query<{ id: string }>('SELECT id FROM monitoring_points ORDER BY no')).rows.map(
    (r) => r.id,
  );

  const now = Date.now();
  const thisHour = Math.floor(now / HOUR_MS) * HOUR_MS;
  const thisMinute = Math.floor(now / MINUTE_MS) * MINUTE_MS;
  const hours = Array.from({ length: DAYS * 24 }, (_, i) => thisHour - (DAYS * 24 - 1 - i) * HOUR_MS);
  const minutes = Array.from(
    { length: MINUTE_HOURS * 60 },
    (_, i) => thisMinute - (MINUTE_HOURS * 60 - 1 - i) * MINUTE_MS,
  );

  step('points made; loading');
  let start = performance.now();
  const hourRows = await copyAggregates('readings_hour', hours, HOUR_MS);
  const hourSeconds = (performance.now() - start) / 1000;
  start = performance.now();
  const minuteRows = await copyAggregates('readings_minute', minutes, MINUTE_MS);
  const minuteSeconds = (performance.now() - start) / 1000;
  start = performance.now();
  const rawRows = await copyRaw(
    Math.floor(now / 1000) * 1000 - RAW_MINUTES * MINUTE_MS,
    Math.floor(now / 1000) * 1000,
  );
  const rawSeconds = (performance.now() - start) / 1000;
  // As a roll-up job that keeps up leaves it: built up to two minutes ago, so a minute or hour
  // trend also reads its last two minutes from the raw readings (the tail, docs/monitoring.md).
  const builtTo = new Date(Math.floor(now / 60_000) * 60_000 - 120_000);
  await db.query('UPDATE readings_rollup_state SET marked_to = $1, built_to = $1', [builtTo]);
  step('loaded; vacuum');
  await db.query('VACUUM ANALYZE readings_hour, readings_minute, readings');
  step('measuring trends');

  const bench = await benchApp(database, { username: 'bench_city', displayName: '压测' });
  app = bench.app;
  const { headers } = bench;
  // Every run asks for another point (spread over all of them), so no answer comes from a warm row.
  const trend = (spanMs: number, expected: string, minRows: number) => async (i: number) => {
    const id = ids[(i * 7_919) % ids.length]!;
    const to = new Date(Date.now());
    const from = new Date(to.getTime() - spanMs);
    const response = await app!.inject({
      method: 'GET',
      url: `/api/v1/monitoring/points/${id}/readings?from=${from.toISOString()}&to=${to.toISOString()}`,
      headers,
    });
    if (response.statusCode !== 200)
      throw new Error(`trend → ${response.statusCode} ${response.body.slice(0, 200)}`);
    const body = response.json<{ resolution: string; readings: unknown[] }>();
    if (body.resolution !== expected || body.readings.length < minRows)
      throw new Error(`trend ${expected}: ${body.resolution} with ${body.readings.length} rows`);
  };
  const figures = {
    trend90Days: await measure(300, trend(DAYS * DAY_MS, 'hour', Math.min(600, DAYS * 24))),
    trend24Hours: await measure(300, trend(24 * HOUR_MS, 'minute', Math.min(60, MINUTE_HOURS * 60))),
    trend1Hour: await measure(300, trend(HOUR_MS, 'raw', Math.min(60, RAW_MINUTES * 60))),
  };
  // The ingest transaction's write of one second of all points (10,000 readings), interleaved so
  // the machine's load weighs on each alike: into an unpartitioned table with the old key (before
  // issue 19), into the partitioned readings, into them with the minute and hour aggregates upserted
  // (what the ingest transaction did until the roll-up job), and as the ingest transaction does now
  // (COPY, then the roll-up's watermark read to mark late readings). Each run is rolled back.
  step('measuring batch writes');
  await db.query('CREATE TABLE readings_unpartitioned (LIKE readings INCLUDING ALL)');
  const writes = {
    unpartitioned: [] as number[],
    partitioned: [] as number[],
    partitionedWithAggregates: [] as number[],
    partitionedWithRollupMark: [] as number[],
  };
  const writer = await db.connect();
  try {
    const batch = (i: number): StoredReading[] =>
      Array.from({ length: POINTS }, (_, p) => ({
        pointNo: p + 1,
        at: now + 60_000 + i * 1000,
        value: 5,
        flags: 0,
      }));
    const kinds = [
      'unpartitioned',
      'partitioned',
      'partitionedWithAggregates',
      'partitionedWithRollupMark',
    ] as const;
    for (let i = 0; i < 84; i++) {
      const rows = batch(i);
      const kind = kinds[i % kinds.length]!;
      await writer.query('BEGIN');
      const begun = performance.now();
      if (kind === 'unpartitioned') {
        const stream = writer.query(
          copyFrom('COPY readings_unpartitioned (point_no, ts, value, flags) FROM STDIN (FORMAT binary)'),
        );
        await pipeline(Readable.from([encodeReadings(rows)]), stream);
      } else {
        await copyReadings(writer, rows);
        if (kind === 'partitionedWithAggregates') await addToAggregatesInTransaction(writer, rows);
        if (kind === 'partitionedWithRollupMark') await markLateReadings(writer, rows);
      }
      if (i >= kinds.length) writes[kind].push(performance.now() - begun);
      await writer.query('ROLLBACK');
    }
  } finally {
    await writer.query('ROLLBACK').catch(() => undefined);
    writer.release();
  }
  const summary = (times: number[]) => {
    const sorted = [...times].sort((a, b) => a - b);
    const p = (q: number) =>
      +sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!.toFixed(1);
    return { n: sorted.length, p50: p(0.5), p95: p(0.95) };
  };
  const writeFigures = Object.fromEntries(Object.entries(writes).map(([k, v]) => [k, summary(v)]));
  console.log(
    `\nwriting one batch of ${POINTS} readings (ms, interleaved)\n| into | n | p50 ms | p95 ms |\n|---|---|---|---|`,
  );
  for (const [k, v] of Object.entries(writeFigures)) console.log(`| ${k} | ${v.n} | ${v.p50} | ${v.p95} |`);
  console.log(JSON.stringify({ benchmark: 'trend-ingest-write', batch: POINTS, ...writeFigures }));

  const sizes = await db.query<{ name: string; size: string }>(
    `SELECT t AS name, pg_size_pretty(pg_total_relation_size(t::regclass) +
            coalesce((SELECT sum(pg_total_relation_size(inhrelid)) FROM pg_inherits WHERE inhparent = t::regclass), 0)) AS size
       FROM unnest(ARRAY['readings_hour', 'readings_minute', 'readings']) t`,
  );
  printFigures('trend', figures, {
    points: POINTS,
    rows: { hour: hourRows, minute: minuteRows, raw: rawRows },
    loadSeconds: {
      hour: +hourSeconds.toFixed(1),
      minute: +minuteSeconds.toFixed(1),
      raw: +rawSeconds.toFixed(1),
    },
    sizes: Object.fromEntries(sizes.rows.map((r) => [r.name, r.size])),
  });
  console.log(
    `${POINTS} points: ${DAYS} days of hour aggregates (${hourRows} rows, COPY ${hourSeconds.toFixed(1)} s), ` +
      `${MINUTE_HOURS} h of minute aggregates (${minuteRows} rows, ${minuteSeconds.toFixed(1)} s), ` +
      `${RAW_MINUTES} min of raw readings (${rawRows} rows, ${rawSeconds.toFixed(1)} s). Goal: 90-day p95 ≤ 50 ms.`,
  );
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await app?.close();
  await database.close();
}
