/**
 * Parts of the ingestion benchmark measured without the server (issue 19, ingest figures):
 * the ceiling — binary COPY into `readings` alone, one client, no HTTP, no evaluation, one
 * transaction per batch as the ingest commits — and the roll-up job's cost on what a phase stored.
 */
import { performance } from 'node:perf_hooks';
import type { Db } from '../packages/server/src/platform/db.ts';
import { copyReadings, type StoredReading } from '../packages/server/src/modules/monitoring/readings-copy.ts';
import { rollUpReadings } from '../packages/server/src/modules/monitoring/readings-rollup.ts';

const POINTS = 10_000;

/** Rows/s of binary COPY into `readings` in batches of `batch` rows, for `seconds`; the rows are removed after. */
export async function copyCeiling(db: Db, batch: number, seconds: number): Promise<number> {
  const client = await db.connect();
  let written = 0;
  try {
    // Point numbers no monitoring point has; one reading per point and second, time going forward.
    let cursor = 0;
    let clock = Math.floor(Date.now() / 1000) * 1000;
    const started = performance.now();
    const deadline = started + seconds * 1000;
    while (performance.now() < deadline) {
      const rows: StoredReading[] = [];
      for (let i = 0; i < batch; i++) {
        const index = cursor % POINTS;
        cursor += 1;
        if (index === 0) clock += 1_000;
        rows.push({ pointNo: 5_000_000 + index, at: clock, value: 2 + (index % 7) * 0.5, flags: 0 });
      }
      await client.query('BEGIN');
      await copyReadings(client, rows);
      await client.query('COMMIT');
      written += rows.length;
    }
    const rate = written / ((performance.now() - started) / 1000);
    await client.query('DELETE FROM readings WHERE point_no >= 5000000');
    await client.query('VACUUM readings');
    return Math.round(rate);
  } finally {
    client.release();
  }
}

/**
 * The roll-up job over everything stored so far: the watermark is put back to the first reading's
 * minute and one run (called directly, as the server's job calls it) builds up to the last reading's
 * minute — not past it, so the next phase's readings (on the wall clock) are not late for it.
 * Answers readings aggregated per second and minutes built; the aggregates are left as built.
 */
export async function rollupCost(
  db: Db,
): Promise<{ readings: number; minutes: number; seconds: number; readingsPerSecond: number }> {
  const span = await db.query<{ first: Date | null; last: Date | null }>(
    'SELECT min(ts) AS first, max(ts) AS last FROM readings',
  );
  const { first, last } = span.rows[0]!;
  if (!first || !last) return { readings: 0, minutes: 0, seconds: 0, readingsPerSecond: 0 };
  const from = new Date(Math.floor(first.getTime() / 60_000) * 60_000);
  await db.query('DELETE FROM readings_minute');
  await db.query('DELETE FROM readings_hour');
  await db.query('DELETE FROM readings_dirty');
  await db.query('UPDATE readings_rollup_state SET marked_to = $1, built_to = $1', [from]);
  const started = performance.now();
  const run = await rollUpReadings(db, new Date(last.getTime() + 60_000), {
    graceMs: 60_000,
    chunkMs: 10 * 60_000,
    dirtyPerRun: 20_000,
    rawDays: 3650,
    minuteDays: 3650,
    waitMs: 30_000,
  });
  const seconds = (performance.now() - started) / 1000;
  const readings = run?.readings ?? 0;
  return {
    readings,
    minutes: run?.minutes ?? 0,
    seconds: +seconds.toFixed(2),
    readingsPerSecond: Math.round(readings / seconds),
  };
}
