import type { Clock } from '../../platform/clock.ts';
import { hashPassword } from '../../platform/crypto.ts';
import { inTransaction, type Db } from '../../platform/db.ts';
import type { UsersRepository } from './users.repository.ts';
import { generateOneTimePassword } from './users.service.ts';

export const BOOTSTRAP_USERNAME = 'admin';
const BOOTSTRAP_LOCK = 74_626_004;

/**
 * The first system administrator. Until `admin` has signed in once, each start issues a fresh
 * one-time password (or sets ANJIAN_BOOTSTRAP_PASSWORD) and answers it, so a lost console line
 * never locks the bureau out; the password must be changed at first login either way. Processes
 * starting at once on one database take turns (a transaction lock); when another has issued the
 * password since this one looked, this one leaves it and answers null, so no console shows a password
 * already replaced.
 */
export async function ensureBootstrapAdmin(
  { db, users, clock }: { db: Db; users: UsersRepository; clock: Clock },
  configured: string | null,
): Promise<{ password: string } | null> {
  const existing = await users.findByUsername(BOOTSTRAP_USERNAME);
  if (existing && existing.lastLoginAt !== null) return null;
  const password = configured ?? generateOneTimePassword();
  const hash = await hashPassword(password);
  const now = clock.now();
  return inTransaction(db, async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [BOOTSTRAP_LOCK]);
    // Read again under the lock: a process that started at the same moment may have been first.
    const account = await users.findByUsername(BOOTSTRAP_USERNAME, tx);
    if (account) {
      if (account.lastLoginAt !== null || account.passwordHash !== existing?.passwordHash) return null;
      await users.setPassword(tx, account.id, hash, now, true, null);
    } else {
      await users.insert(tx, {
        username: BOOTSTRAP_USERNAME,
        displayName: '系统管理员',
        phoneSealed: null,
        organisation: '玉溪市应急管理局',
        scope: { kind: 'city' },
        roles: ['sysadmin'],
        passwordHash: hash,
        mustChangePassword: true,
        passwordChangedAt: now,
        createdAt: now,
      });
    }
    return { password };
  });
}
