import { chinaDate, chinaDayStart } from '@anjian/domain';
import type { PoolClient } from 'pg';
import type { Clock } from '../../platform/clock.ts';
import type { Config } from '../../platform/config.ts';
import { inTransaction, type Db } from '../../platform/db.ts';
import { leaderLockKeys, takeRunLock } from '../../platform/leader-lock.ts';
import { startPeriodic } from '../../platform/periodic.ts';
import { fromRaw, MINUTE_MS, ORIGIN } from './readings-aggregates.ts';

const DAY_MS = 86_400_000;

/** The roll-up's settings (docs/operations.md): how often, how long a minute stays open, how much a run takes. */
export interface RollupSettings {
  /** A minute is built once it ended this long ago (readings in flight still arrive in time). */
  readonly graceMs: number;
  /** At most this much time is built per transaction (a long catch-up goes in several). */
  readonly chunkMs: number;
  /** Dirty buckets taken per transaction. */
  readonly dirtyPerRun: number;
  /** Late readings older than the shorter of these retentions are pruned anyway and not rebuilt. */
  readonly rawDays: number;
  readonly minuteDays: number;
  /** How long to wait at most for the ingest transactions in flight (then the run gives up). */
  readonly waitMs: number;
}

/** The settings from the configuration (READINGS_ROLLUP_GRACE_SECONDS and the retentions). */
export function rollupSettings(readings: Config['readings']): RollupSettings {
  return {
    graceMs: readings.rollupGraceMs,
    chunkMs: 10 * MINUTE_MS,
    dirtyPerRun: 20_000,
    rawDays: readings.rawDays,
    minuteDays: readings.minuteDays,
    waitMs: 30_000,
  };
}

/** What one run did: raw readings aggregated, minute buckets built, dirty buckets rebuilt, where it stands. */
export interface RollupRun {
  readings: number;
  minutes: number;
  hours: number;
  dirty: number;
  builtTo: Date;
}

/** Minute and hour buckets (replaced, not added to): every field from the readings or the minutes. */
const replaceSet = `n = excluded.n, total = excluded.total, sum = excluded.sum, min = excluded.min,
  max = excluded.max, last_ts = excluded.last_ts, last_value = excluded.last_value, flags = excluded.flags`;
/** Adding minutes to an hour that holds the hour's earlier minutes (they never overlap). */
const addSet = `n = a.n + excluded.n, total = a.total + excluded.total,
  sum = CASE WHEN a.sum IS NULL THEN excluded.sum WHEN excluded.sum IS NULL THEN a.sum ELSE a.sum + excluded.sum END,
  min = LEAST(a.min, excluded.min), max = GREATEST(a.max, excluded.max),
  last_value = CASE WHEN excluded.last_ts > a.last_ts OR a.last_ts IS NULL THEN excluded.last_value ELSE a.last_value END,
  last_ts = GREATEST(a.last_ts, excluded.last_ts), flags = a.flags & excluded.flags`;
const COLUMNS = '(point_no, bucket, n, total, sum, min, max, last_ts, last_value, flags)';
/** Hours from minutes: sums, extremes and the newest last. */
const fromMinutes = `point_no, date_bin('1 hour', m.bucket, ${ORIGIN}), sum(n), sum(total), sum(sum), min(min), max(max),
  max(last_ts), (array_agg(last_value ORDER BY last_ts DESC NULLS LAST))[1], bit_and(flags)`;

const floorMinute = (ms: number) => Math.floor(ms / MINUTE_MS) * MINUTE_MS;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until the transactions now writing readings have ended (committed or not): one that read the
 * old `marked_to` may store a reading below the new one without marking it dirty, so the job may only
 * build up to the new mark once it sees that transaction's rows. Found as holders of a row-exclusive
 * lock on `readings` (an ingest transaction takes it at its COPY, before it reads the mark). False
 * when they are not done within `waitMs`.
 */
async function waitForWriters(db: Db, waitMs: number): Promise<boolean> {
  const holders = await db.query<{ ids: string[] }>(
    `SELECT coalesce(array_agg(DISTINCT virtualtransaction), '{}') AS ids FROM pg_locks
      WHERE locktype = 'relation' AND relation = 'readings'::regclass AND mode = 'RowExclusiveLock'
        AND pid <> pg_backend_pid()`,
  );
  const ids = holders.rows[0]!.ids;
  const deadline = Date.now() + waitMs;
  while (ids.length > 0) {
    const left = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'virtualxid' AND virtualxid = ANY ($1)`,
      [ids],
    );
    if (left.rows[0]!.n === 0) return true;
    if (Date.now() > deadline) return false;
    await sleep(10);
  }
  return true;
}

/** Builds the minutes of [from, to) from the readings, and adds them to their hours. */
async function buildRange(tx: PoolClient, from: Date, to: Date) {
  const minutes = await tx.query<{ readings: number; minutes: number }>(
    `WITH built AS (
       INSERT INTO readings_minute ${COLUMNS}
       SELECT point_no, date_bin('1 minute', ts, ${ORIGIN}), ${fromRaw}
         FROM readings WHERE ts >= $1 AND ts < $2 GROUP BY 1, 2
       ON CONFLICT (point_no, bucket) DO UPDATE SET ${replaceSet}
       RETURNING total)
     SELECT coalesce(sum(total), 0)::float8 AS readings, count(*)::int AS minutes FROM built`,
    [from, to],
  );
  const hours = await tx.query(
    `INSERT INTO readings_hour AS a ${COLUMNS}
     SELECT ${fromMinutes} FROM readings_minute m WHERE m.bucket >= $1 AND m.bucket < $2 GROUP BY 1, 2
     ON CONFLICT (point_no, bucket) DO UPDATE SET ${addSet}`,
    [from, to],
  );
  const row = minutes.rows[0]!;
  return { readings: row.readings, minutes: row.minutes, hours: hours.rowCount ?? 0 };
}

/**
 * Rebuilds dirty buckets below `builtTo` (and not older than `keepFrom`): each minute again from its
 * readings, each of their hours again from its minutes. Takes at most `limit` marks; answers how many.
 */
async function rebuildDirty(tx: PoolClient, builtTo: Date, keepFrom: Date, limit: number) {
  const marks = await tx.query<{ point_no: number; bucket: Date }>(
    `DELETE FROM readings_dirty WHERE ctid = ANY (ARRAY(SELECT ctid FROM readings_dirty LIMIT $1))
     RETURNING point_no, bucket`,
    [limit],
  );
  const buckets = new Map<string, { pointNo: number; bucket: number }>();
  for (const mark of marks.rows) {
    const at = mark.bucket.getTime();
    // At or past built_to the range builds it; older than the retention it is pruned anyway.
    if (at >= builtTo.getTime() || at < keepFrom.getTime()) continue;
    buckets.set(`${mark.point_no}@${at}`, { pointNo: mark.point_no, bucket: at });
  }
  if (buckets.size === 0) return { taken: marks.rowCount ?? 0, rebuilt: 0 };
  const list = [...buckets.values()].sort((a, b) => a.pointNo - b.pointNo || a.bucket - b.bucket);
  const points = list.map((b) => b.pointNo);
  const starts = list.map((b) => new Date(b.bucket));
  await tx.query(
    `INSERT INTO readings_minute ${COLUMNS}
     SELECT r.point_no, d.b, ${fromRaw}
       FROM unnest($1::int[], $2::timestamptz[]) AS d (p, b)
       JOIN readings r ON r.point_no = d.p AND r.ts >= d.b AND r.ts < d.b + interval '1 minute'
      GROUP BY 1, 2
     ON CONFLICT (point_no, bucket) DO UPDATE SET ${replaceSet}`,
    [points, starts],
  );
  await tx.query(
    `INSERT INTO readings_hour ${COLUMNS}
     SELECT ${fromMinutes}
       FROM (SELECT DISTINCT p, date_bin('1 hour', b, ${ORIGIN}) AS h FROM unnest($1::int[], $2::timestamptz[]) AS d (p, b)) d
       JOIN readings_minute m ON m.point_no = d.p AND m.bucket >= d.h AND m.bucket < d.h + interval '1 hour' AND m.bucket < $3
      GROUP BY 1, 2
     ON CONFLICT (point_no, bucket) DO UPDATE SET ${replaceSet}`,
    [points, starts, builtTo],
  );
  return { taken: marks.rowCount ?? 0, rebuilt: list.length };
}

/**
 * One run of the roll-up (docs/monitoring.md, aggregates). Safe with several processes: each
 * transaction takes the run lock and a process that does not get it does nothing (answers null).
 *  1. moves `marked_to` to the last closed minute (now − grace, floored) and commits: from then on an
 *     ingest transaction storing an older reading marks its bucket dirty;
 *  2. waits for the ingest transactions that may have read the old mark;
 *  3. builds the minutes from `built_to` up to that mark (in chunks) and adds them to their hours;
 *  4. rebuilds the dirty buckets. A bucket is always computed again from the readings, never added
 *     to, so running a part twice cannot count a reading twice.
 */
export async function rollUpReadings(db: Db, now: Date, settings: RollupSettings): Promise<RollupRun | null> {
  const target = new Date(floorMinute(now.getTime() - settings.graceMs));
  const mark = await inTransaction(db, async (tx) => {
    if (!(await takeRunLock(tx, leaderLockKeys.readingsRollup))) return null;
    const state = await tx.query<{ marked_to: Date; built_to: Date }>(
      'SELECT marked_to, built_to FROM readings_rollup_state FOR UPDATE',
    );
    const { marked_to: marked, built_to: built } = state.rows[0]!;
    if (target > marked) await tx.query('UPDATE readings_rollup_state SET marked_to = $1', [target]);
    return { markedTo: target > marked ? target : marked, builtTo: built };
  });
  if (!mark) return null;
  const run: RollupRun = { readings: 0, minutes: 0, hours: 0, dirty: 0, builtTo: mark.builtTo };
  if (mark.builtTo < mark.markedTo && !(await waitForWriters(db, settings.waitMs))) return run;
  // China days have no daylight saving: a day start minus whole days is a day start.
  const keepDays = Math.min(settings.rawDays, settings.minuteDays);
  const keepFrom = new Date(chinaDayStart(chinaDate(now)).getTime() - keepDays * DAY_MS);
  for (let round = 0; round < 10_000; round += 1) {
    const step = await inTransaction(db, async (tx) => {
      if (!(await takeRunLock(tx, leaderLockKeys.readingsRollup))) return null;
      const state = await tx.query<{ built_to: Date }>(
        'SELECT built_to FROM readings_rollup_state FOR UPDATE',
      );
      const from = state.rows[0]!.built_to;
      // Up to the mark this run set (or saw) and waited for; another run may have moved it further.
      const to = new Date(Math.min(mark.markedTo.getTime(), from.getTime() + settings.chunkMs));
      const built = from < to ? await buildRange(tx, from, to) : { readings: 0, minutes: 0, hours: 0 };
      const builtTo = from < to ? to : from;
      if (from < to) await tx.query('UPDATE readings_rollup_state SET built_to = $1', [builtTo]);
      const dirty = await rebuildDirty(tx, builtTo, keepFrom, settings.dirtyPerRun);
      return {
        ...built,
        dirty,
        builtTo,
        more: builtTo < mark.markedTo || dirty.taken === settings.dirtyPerRun,
      };
    });
    if (!step) return round === 0 ? null : run;
    run.readings += step.readings;
    run.minutes += step.minutes;
    run.hours += step.hours;
    run.dirty += step.dirty.rebuilt;
    run.builtTo = step.builtTo;
    if (!step.more) break;
  }
  return run;
}

/** Runs the roll-up every `everyMs` (READINGS_ROLLUP_SECONDS); answers the stop function. */
export function startReadingsRollupJob(deps: {
  db: Db;
  clock: Clock;
  everyMs: number;
  settings: RollupSettings;
  log: (level: 'info' | 'error', message: string, error?: unknown) => void;
}): () => void {
  let running = false;
  return startPeriodic(
    async () => {
      // A slow run (a long catch-up) is not stacked on by the next tick.
      if (running) return;
      running = true;
      try {
        await rollUpReadings(deps.db, deps.clock.now(), deps.settings);
      } finally {
        running = false;
      }
    },
    {
      firstMs: Math.min(deps.everyMs, 2_000),
      everyMs: deps.everyMs,
      onError: (error) =>
        deps.log('error', 'readings roll-up: the run failed; the next one tries again', error),
    },
  );
}
