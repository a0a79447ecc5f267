/**
 * What the ingest transaction did before the roll-up job (commit a5f4138's parent): the batch's
 * readings folded per minute and hour and upserted into the aggregates. Kept here only so that
 * bench/trend.bench.ts can time the write of a batch before and after, interleaved.
 */
import type { PoolClient } from 'pg';
import type { StoredReading } from '../packages/server/src/modules/monitoring/readings-copy.ts';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

/** One bucket's aggregate of a point's readings (docs/monitoring.md, aggregates). */
export interface ReadingAggregate {
  pointNo: number;
  /** Start of the bucket, epoch ms (UTC minute or hour; China time is a whole-hour offset). */
  bucket: number;
  /** Usable readings (no flag, a number): count, sum, min, max, and the newest one. */
  n: number;
  sum: number | null;
  min: number | null;
  max: number | null;
  lastAt: number | null;
  lastValue: number | null;
  /** Every reading, flagged ones included, and the AND of their flag bits. */
  total: number;
  flags: number;
}

/** Folds readings into buckets of `bucketMs`, ordered by point and bucket (the lock order). */
export function aggregateReadings(rows: readonly StoredReading[], bucketMs: number): ReadingAggregate[] {
  const buckets = new Map<string, ReadingAggregate>();
  for (const row of rows) {
    const bucket = Math.floor(row.at / bucketMs) * bucketMs;
    const key = `${row.pointNo}@${bucket}`;
    let aggregate = buckets.get(key);
    if (!aggregate) {
      aggregate = {
        pointNo: row.pointNo,
        bucket,
        n: 0,
        sum: null,
        min: null,
        max: null,
        lastAt: null,
        lastValue: null,
        total: 0,
        flags: row.flags,
      };
      buckets.set(key, aggregate);
    }
    aggregate.total += 1;
    aggregate.flags &= row.flags;
    const value = row.value;
    if (row.flags !== 0 || value === null || !Number.isFinite(value)) continue;
    aggregate.n += 1;
    aggregate.sum = (aggregate.sum ?? 0) + value;
    aggregate.min = aggregate.min === null ? value : Math.min(aggregate.min, value);
    aggregate.max = aggregate.max === null ? value : Math.max(aggregate.max, value);
    if (aggregate.lastAt === null || row.at > aggregate.lastAt) {
      aggregate.lastAt = row.at;
      aggregate.lastValue = value;
    }
  }
  return [...buckets.values()].sort((a, b) => a.pointNo - b.pointNo || a.bucket - b.bucket);
}

const upsert = (table: 'readings_minute' | 'readings_hour') =>
  `INSERT INTO ${table} AS a (point_no, bucket, n, total, sum, min, max, last_ts, last_value, flags)
   SELECT p, to_timestamp(b / 1000.0), n, t, s, mi, ma, to_timestamp(lt / 1000.0), lv, f
     FROM unnest($1::int[], $2::float8[], $3::int[], $4::int[], $5::float8[], $6::float8[], $7::float8[],
                 $8::float8[], $9::float8[], $10::int2[]) AS r (p, b, n, t, s, mi, ma, lt, lv, f)
   ON CONFLICT (point_no, bucket) DO UPDATE SET
     n = a.n + excluded.n,
     total = a.total + excluded.total,
     sum = CASE WHEN a.sum IS NULL THEN excluded.sum WHEN excluded.sum IS NULL THEN a.sum ELSE a.sum + excluded.sum END,
     min = LEAST(a.min, excluded.min),
     max = GREATEST(a.max, excluded.max),
     last_value = CASE WHEN excluded.last_ts > a.last_ts OR a.last_ts IS NULL THEN excluded.last_value ELSE a.last_value END,
     last_ts = GREATEST(a.last_ts, excluded.last_ts),
     flags = a.flags & excluded.flags`;

const columns = (aggregates: readonly ReadingAggregate[]) => [
  aggregates.map((a) => a.pointNo),
  aggregates.map((a) => a.bucket),
  aggregates.map((a) => a.n),
  aggregates.map((a) => a.total),
  aggregates.map((a) => a.sum),
  aggregates.map((a) => a.min),
  aggregates.map((a) => a.max),
  aggregates.map((a) => a.lastAt),
  aggregates.map((a) => a.lastValue),
  aggregates.map((a) => a.flags),
];

/**
 * Adds newly stored readings to the minute and hour aggregates, inside the transaction that stored
 * them (so a reading counts exactly once: a duplicate is never passed here, a rollback undoes both).
 * Rows are upserted in (point, bucket) order, so two writers lock the same rows in the same order.
 */
export async function addToAggregatesInTransaction(
  client: PoolClient,
  rows: readonly StoredReading[],
): Promise<void> {
  if (rows.length === 0) return;
  await client.query(upsert('readings_minute'), columns(aggregateReadings(rows, MINUTE_MS)));
  await client.query(upsert('readings_hour'), columns(aggregateReadings(rows, HOUR_MS)));
}
