import type { PoolClient } from 'pg';
import type { Queryable } from '../../platform/db.ts';
import type { StoredReading } from './readings-copy.ts';

export const MINUTE_MS = 60_000;
/** The buckets' origin: UTC minutes and hours (China time is a whole-hour offset). */
export const ORIGIN = `'2000-01-01 00:00+00'::timestamptz`;

/**
 * A bucket's aggregate from its raw readings (after point_no and bucket): n and the figures of the
 * usable readings (no flag, hence a number), the newest usable one, every reading, the AND of flags.
 */
export const fromRaw = `count(*) FILTER (WHERE flags = 0 AND value IS NOT NULL), count(*),
  sum(value) FILTER (WHERE flags = 0), min(value) FILTER (WHERE flags = 0), max(value) FILTER (WHERE flags = 0),
  max(ts) FILTER (WHERE flags = 0 AND value IS NOT NULL),
  (array_agg(value ORDER BY ts DESC) FILTER (WHERE flags = 0 AND value IS NOT NULL))[1], bit_and(flags)`;

/**
 * In the ingest transaction, after its readings are written: the ones older than the roll-up's
 * `marked_to` (late: the job may have passed their minute) mark their (point, minute) dirty, and the
 * job builds those buckets again. The mark is read after the COPY on purpose — the job waits for
 * the transactions that hold the readings' lock before it builds up to a new mark (readings-rollup.ts).
 * Answers how many buckets were marked (0 in the common case: one extra round trip).
 */
export async function markLateReadings(client: PoolClient, rows: readonly StoredReading[]): Promise<number> {
  if (rows.length === 0) return 0;
  const state = await client.query<{ marked: number }>(
    'SELECT (extract(epoch FROM marked_to) * 1000)::float8 AS marked FROM readings_rollup_state',
  );
  const marked = state.rows[0]?.marked ?? 0;
  const buckets = new Map<string, [number, number]>();
  for (const row of rows) {
    if (row.at >= marked) continue;
    const bucket = Math.floor(row.at / MINUTE_MS) * MINUTE_MS;
    buckets.set(`${row.pointNo}@${bucket}`, [row.pointNo, bucket]);
  }
  if (buckets.size === 0) return 0;
  const list = [...buckets.values()];
  await client.query(
    `INSERT INTO readings_dirty (point_no, bucket)
     SELECT p, to_timestamp(b / 1000.0) FROM unnest($1::int[], $2::float8[]) AS d (p, b)`,
    [list.map(([point]) => point), list.map(([, bucket]) => bucket)],
  );
  return list.length;
}

export interface AggregateRow {
  at: number;
  n: number;
  min: number | null;
  max: number | null;
  avg: number | null;
  last: number | null;
  flags: number;
}

/**
 * A point's aggregates between two instants, re-bucketed to `bucketSeconds` (0: as stored). The
 * re-bucketing keeps them exact: min of mins, max of maxes, sum / count, the newest last. The tail
 * the roll-up has not built yet (from its `built_to`, a minute or two behind) comes from the raw
 * readings, folded the same way; an hour row holds exactly its minutes before `built_to`, so the two
 * parts never overlap.
 */
export async function readAggregates(
  db: Queryable,
  resolution: 'minute' | 'hour',
  pointNo: number,
  from: Date,
  to: Date,
  bucketSeconds: number,
): Promise<AggregateRow[]> {
  const table = resolution === 'minute' ? 'readings_minute' : 'readings_hour';
  const step = resolution === 'minute' ? `'1 minute'` : `'1 hour'`;
  const at = bucketSeconds > 0 ? `date_bin(make_interval(secs => $4), bucket, ${ORIGIN})` : 'bucket';
  const result = await db.query<AggregateRow>(
    `WITH parts (bucket, n, sum, min, max, last_ts, last_value, flags) AS (
       SELECT bucket, n, sum, min, max, last_ts, last_value, flags
         FROM ${table} WHERE point_no = $1 AND bucket >= $2 AND bucket < $3
       UNION ALL
       SELECT bucket, n, sum, min, max, last_ts, last_value, flags FROM (
         SELECT point_no, date_bin(${step}, ts, ${ORIGIN}) AS bucket, ${fromRaw}
           FROM readings
          WHERE point_no = $1 AND ts < $3 AND ts >= greatest($2, (SELECT built_to FROM readings_rollup_state))
          GROUP BY 1, 2) AS tail (point_no, bucket, n, total, sum, min, max, last_ts, last_value, flags))
     SELECT (extract(epoch FROM ${at}) * 1000)::float8 AS at, sum(n)::int AS n, min(min) AS min, max(max) AS max,
            sum(sum) / nullif(sum(n), 0) AS avg,
            (array_agg(last_value ORDER BY last_ts DESC NULLS LAST))[1] AS last, bit_and(flags)::int AS flags
       FROM parts GROUP BY 1 ORDER BY 1`,
    bucketSeconds > 0 ? [pointNo, from, to, bucketSeconds] : [pointNo, from, to],
  );
  return result.rows;
}
