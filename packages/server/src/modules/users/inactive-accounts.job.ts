import type { Clock } from '../../platform/clock.ts';
import { inTransaction, type Db } from '../../platform/db.ts';
import { leaderLockKeys, takeRunLock } from '../../platform/leader-lock.ts';
import { startPeriodic } from '../../platform/periodic.ts';
import type { SecurityEventRecorder } from '../auth/index.ts';
import type { UsersRepository } from './users.repository.ts';

const DAY_MS = 86_400_000;

export interface InactiveAccountsDeps {
  db: Db;
  clock: Clock;
  users: Pick<UsersRepository, 'disableInactive'>;
  events: SecurityEventRecorder;
  /** ACCOUNT_INACTIVE_DAYS; 0 turns the rule off. */
  inactiveDays: number;
}

/**
 * GB/T 22239-2019 8.1.4.1 c (应及时删除或停用多余的、过期的账户): accounts without a sign-in for
 * `inactiveDays` are disabled, and say so at sign-in (`auth.account_inactive`). Safe with several
 * processes: each run takes a transaction-level advisory lock, and a process that does not get it
 * does nothing (the holder's UPDATE is idempotent anyway). Answers the usernames disabled, or null
 * when another process held the lock.
 */
export async function disableInactiveAccounts(deps: InactiveAccountsDeps): Promise<string[] | null> {
  if (deps.inactiveDays === 0) return [];
  const now = deps.clock.now();
  const disabled = await inTransaction(deps.db, async (tx) => {
    if (!(await takeRunLock(tx, leaderLockKeys.inactiveAccounts))) return null;
    return deps.users.disableInactive(tx, new Date(now.getTime() - deps.inactiveDays * DAY_MS), now);
  });
  if (disabled === null) return null;
  for (const account of disabled)
    await deps.events.record({
      at: now,
      kind: 'account_inactive_disabled',
      ip: null,
      username: account.username,
      userId: account.id,
      detail: String(deps.inactiveDays),
    });
  return disabled.map((account) => account.username);
}

/** Runs the rule every `everyMs` (an hour by default); answers the stop function. */
export function startInactiveAccountsJob(
  deps: InactiveAccountsDeps & { log: (message: string, error?: unknown) => void },
  everyMs = 3_600_000,
): () => void {
  return startPeriodic(() => disableInactiveAccounts(deps), {
    firstMs: 10_000,
    everyMs,
    onError: (error) => deps.log('inactive accounts: the run failed; the next one tries again', error),
  });
}
