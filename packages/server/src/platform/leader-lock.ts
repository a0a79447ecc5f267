import type pg from 'pg';
import type { Db } from './db.ts';

/** Advisory-lock keys of the workers that must run in one process only (one number per worker). */
export const leaderLockKeys = {
  monitoringEvaluator: 0x616e_6a00_01,
  /** Transaction-level: one process per run disables inactive accounts (users module). */
  inactiveAccounts: 0x616e_6a00_02,
  /** Transaction-level: one process per run escalates overdue plan milestones (plan module). */
  planEscalation: 0x616e_6a00_03,
  /** Transaction-level: one process per run makes and drops the readings' partitions (monitoring). */
  readingsPartitions: 0x616e_6a00_04,
  /** Transaction-level: one process per run checks the cameras' online status (video module). */
  videoStatus: 0x616e_6a00_05,
  /** Transaction-level: one process per run escalates overdue whistleblowing reports (issue 16). */
  whistleEscalation: 0x616e_6a00_16,
  /** Transaction-level: one process per run sends the obligations' expiry and review reminders. */
  obligationReminders: 0x616e_6a00_06,
  /** Transaction-level: one process per step builds the readings' minute and hour aggregates. */
  readingsRollup: 0x616e_6a00_07,
} as const;

export interface LeaderLock {
  /** Whether this process holds the lock (and so runs the work) now. */
  readonly held: boolean;
  close(): Promise<void>;
}

/**
 * Leader election for background work whose state lives in one process's memory: a session-level
 * `pg_try_advisory_lock` on a connection kept for it. The holder keeps the lock as long as that
 * connection lives; the others try again every `retryMs`, so when the holder stops or loses its
 * connection (PostgreSQL then releases the lock) another process takes over within `retryMs`.
 */
export function startLeaderLock(options: {
  db: Db;
  key: number;
  name: string;
  retryMs?: number;
  log?: (level: 'info' | 'warn', message: string, error?: unknown) => void;
}): LeaderLock {
  const { db, key, name } = options;
  const retryMs = options.retryMs ?? 5_000;
  const log = options.log ?? (() => undefined);
  let client: pg.PoolClient | null = null;
  let held = false;
  let closed = false;
  let checking: Promise<void> | null = null;

  const drop = (which: pg.PoolClient, error: unknown) => {
    if (which !== client) return;
    client = null;
    which.removeListener('error', onError);
    if (held) log('warn', `${name}: lost the leader lock with its connection`, error);
    held = false;
    which.release(error instanceof Error ? error : true);
  };

  // An 'error' event without a listener would crash the process; a lost connection is handled here.
  function onError(this: pg.PoolClient, error: Error) {
    drop(this, error);
  }

  async function check(): Promise<void> {
    try {
      if (!client) {
        const next = await db.connect();
        next.on('error', onError);
        if (closed) {
          next.removeListener('error', onError);
          next.release();
          return;
        }
        client = next;
      }
      const current = client;
      if (held) {
        // A dead connection shows here at the latest; PostgreSQL has released the lock with it.
        await current.query('SELECT 1');
        return;
      }
      const result = await current.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [
        key,
      ]);
      held = result.rows[0]!.locked;
      if (held) log('info', `${name}: this process now runs it (leader lock taken)`);
    } catch (error) {
      if (client) drop(client, error);
      else log('warn', `${name}: cannot reach the database for the leader lock`, error);
    }
  }

  const run = () => {
    if (checking || closed) return;
    checking = check().finally(() => (checking = null));
  };
  run();
  const timer = setInterval(run, retryMs);
  timer.unref();

  return {
    get held() {
      return held && !closed;
    },
    async close() {
      closed = true;
      clearInterval(timer);
      await checking;
      const current = client;
      client = null;
      if (!current) return;
      current.removeListener('error', onError);
      if (held) await current.query('SELECT pg_advisory_unlock($1)', [key]).catch(() => undefined);
      held = false;
      current.release();
    },
  };
}

/**
 * For a run that must happen in one process at a time: takes the transaction-level advisory lock
 * `key` in `tx` and answers whether it got it (false: another process is running it now, so this one
 * does nothing). The lock goes with the transaction.
 */
export async function takeRunLock(tx: pg.ClientBase, key: number): Promise<boolean> {
  const lock = await tx.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS locked', [key]);
  return lock.rows[0]!.locked;
}
