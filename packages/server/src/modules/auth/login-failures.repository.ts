import type { LoginFailureCounts } from '@anjian/domain';
import type { Db } from '../../platform/db.ts';

/**
 * Failed sign-ins in PostgreSQL, so that every server process counts the same sliding window
 * (no in-memory state: a second process or a restart does not reset an attacker's count).
 */
export function createLoginFailuresRepository(db: Db) {
  return {
    async counts(ip: string, usernameKey: string, since: Date): Promise<LoginFailureCounts> {
      const rows = await db.query<{ ip: number; username: number; global: number }>(
        `SELECT count(*) FILTER (WHERE ip = $1)::int AS ip,
                count(*) FILTER (WHERE username_key = $2)::int AS username,
                count(*)::int AS global
         FROM login_failures WHERE at > $3`,
        [ip, usernameKey, since],
      );
      return rows.rows[0]!;
    },

    /** Records one failure and forgets those older than `forgetBefore`. */
    async record(ip: string, usernameKey: string, at: Date, forgetBefore: Date): Promise<void> {
      await db.query('INSERT INTO login_failures (at, ip, username_key) VALUES ($1, $2, $3)', [
        at,
        ip,
        usernameKey,
      ]);
      await db.query('DELETE FROM login_failures WHERE at < $1', [forgetBefore]);
    },

    /**
     * When the IP's count in the window falls below `limit` again: the moment its `limit`-th most
     * recent failure leaves the window. Null when it is below the limit already.
     */
    async ipLimitEndsAt(ip: string, since: Date, limit: number, windowMs: number): Promise<Date | null> {
      const rows = await db.query<{ at: Date }>(
        `SELECT at FROM login_failures WHERE ip = $1 AND at > $2 ORDER BY at DESC OFFSET $3 LIMIT 1`,
        [ip, since, limit - 1],
      );
      const at = rows.rows[0]?.at;
      return at ? new Date(at.getTime() + windowMs) : null;
    },
  };
}

export type LoginFailuresRepository = ReturnType<typeof createLoginFailuresRepository>;
