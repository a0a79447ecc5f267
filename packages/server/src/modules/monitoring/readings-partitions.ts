import { chinaDate, chinaDayStart } from '@anjian/domain';
import type { Clock } from '../../platform/clock.ts';
import { inTransaction, type Db } from '../../platform/db.ts';
import { leaderLockKeys, takeRunLock } from '../../platform/leader-lock.ts';
import { startPeriodic } from '../../platform/periodic.ts';
import type { Config } from '../../platform/config.ts';

const DAY_MS = 86_400_000;
/** Above this many rows (by the statistics) a dropped partition's row count is the estimate. */
const EXACT_COUNT_LIMIT = 5_000_000;

/** The retention and how far ahead: the partition job's part of the readings' settings. */
export type PartitionSettings = Pick<Config['readings'], 'rawDays' | 'minuteDays' | 'hourDays' | 'aheadDays'>;

/** What one run did: partitions made, partitions dropped, rows pruned from default partitions and hours. */
export interface PartitionRun {
  created: string[];
  dropped: string[];
  pruned: { table: string; rows: number }[];
}

/** The China date `days` after `date` (YYYY-MM-DD). */
const addDays = (date: string, days: number) =>
  chinaDate(new Date(chinaDayStart(date).getTime() + days * DAY_MS));

/**
 * The readings' partition job (docs/operations.md, readings): makes the China-day partitions of
 * `readings` and `readings_minute` from today to `aheadDays` ahead, drops the day partitions older
 * than the retention (READINGS_RETENTION_DAYS, READINGS_MINUTE_RETENTION_DAYS), removes what is that
 * old from the default partitions and the hour aggregates older than READINGS_HOUR_RETENTION_DAYS,
 * and writes every removal to `readings_retention_log`. Safe with several processes: a run takes a
 * transaction-level advisory lock and a process that does not get it does nothing (answers null);
 * each partition is made under its own lock besides (ensure_day_partition), so it is made once.
 */
export async function maintainReadingPartitions(
  db: Db,
  clock: Clock,
  settings: PartitionSettings,
): Promise<PartitionRun | null> {
  const now = clock.now();
  const today = chinaDate(now);
  return inTransaction(db, async (tx) => {
    if (!(await takeRunLock(tx, leaderLockKeys.readingsPartitions))) return null;
    // Never queue the ingest behind this for long: a run that cannot get its locks gives up; the next tries.
    await tx.query(`SET LOCAL lock_timeout = '10s'`);
    const run: PartitionRun = { created: [], dropped: [], pruned: [] };
    for (const [table, key] of [
      ['readings', 'ts'],
      ['readings_minute', 'bucket'],
    ] as const) {
      for (let day = 0; day <= settings.aheadDays; day += 1) {
        const date = addDays(today, day);
        const made = await tx.query<{ made: boolean }>('SELECT ensure_day_partition($1, $2::date) AS made', [
          table,
          date,
        ]);
        if (made.rows[0]!.made) run.created.push(`${table}_p${date.replaceAll('-', '')}`);
      }
      const days = table === 'readings' ? settings.rawDays : settings.minuteDays;
      const keepFrom = addDays(today, -days);
      const before = chinaDayStart(keepFrom);
      const partitions = await tx.query<{ name: string; day: string; estimate: number }>(
        `SELECT c.relname AS name, to_char(to_date(substring(c.relname FROM '(\\d{8})$'), 'YYYYMMDD'), 'YYYY-MM-DD') AS day,
                c.reltuples::float8 AS estimate
           FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
          WHERE i.inhparent = $1::regclass AND c.relname ~ ('^' || $1 || '_p\\d{8}$')
          ORDER BY c.relname`,
        [table],
      );
      for (const partition of partitions.rows.filter((p) => p.day < keepFrom)) {
        // Counted through the parent (the partition's own rows, by pruning), estimated when very large.
        const rows =
          partition.estimate > EXACT_COUNT_LIMIT
            ? Math.round(partition.estimate)
            : (
                await tx.query<{ n: number }>(
                  `SELECT count(*)::float8 AS n FROM ${table} WHERE ${key} >= $1 AND ${key} < $2`,
                  [chinaDayStart(partition.day), chinaDayStart(addDays(partition.day, 1))],
                )
              ).rows[0]!.n;
        await tx.query('SELECT drop_day_partition($1, $2::date)', [table, partition.day]);
        await log(tx, now, table, partition.name, partition.day, before, rows, days);
        run.dropped.push(partition.name);
      }
      // What is that old and still here sits in the default partition (the others are dropped).
      const fromDefault = await tx.query(`DELETE FROM ${table} WHERE ${key} < $1`, [before]);
      if (fromDefault.rowCount) {
        await log(tx, now, `${table}_default`, null, null, before, fromDefault.rowCount, days);
        run.pruned.push({ table: `${table}_default`, rows: fromDefault.rowCount });
      }
    }
    const hoursBefore = chinaDayStart(addDays(today, -settings.hourDays));
    const hours = await tx.query('DELETE FROM readings_hour WHERE bucket < $1', [hoursBefore]);
    if (hours.rowCount) {
      await log(tx, now, 'readings_hour', null, null, hoursBefore, hours.rowCount, settings.hourDays);
      run.pruned.push({ table: 'readings_hour', rows: hours.rowCount });
    }
    return run;
  });
}

async function log(
  tx: { query: Db['query'] },
  at: Date,
  table: string,
  partition: string | null,
  day: string | null,
  before: Date,
  rows: number,
  retentionDays: number,
) {
  await tx.query(
    `INSERT INTO readings_retention_log (at, table_name, partition, day, before, rows, retention_days)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [at, table, partition, day, before, rows, retentionDays],
  );
}

/** Runs the job soon after start and then every `everyMs` (an hour); answers the stop function. */
export function startReadingPartitionsJob(
  deps: {
    db: Db;
    clock: Clock;
    settings: PartitionSettings;
    log: (level: 'info' | 'error', message: string, error?: unknown) => void;
  },
  everyMs = 3_600_000,
): () => void {
  return startPeriodic(
    async () => {
      const result = await maintainReadingPartitions(deps.db, deps.clock, deps.settings);
      if (result && (result.created.length || result.dropped.length || result.pruned.length))
        deps.log('info', `readings partitions: ${JSON.stringify(result)}`);
    },
    {
      firstMs: 5_000,
      everyMs,
      onError: (error) =>
        deps.log('error', 'readings partitions: the run failed; the next one tries again', error),
    },
  );
}
