import type { Db, Queryable } from '../../platform/db.ts';

export interface StoredSmsCode {
  id: string;
  salt: string;
  hash: string;
  expiresAt: Date;
  wrongTries: number;
  usedAt: Date | null;
}

/** The codes texted to real-name reporters (table whistle_sms_codes): hashes under the phone's hash. */
export function createWhistleSmsCodesRepository(db: Db) {
  return {
    /**
     * Takes the phone's transaction lock, then answers its latest code's time and how many codes
     * it had since `dayStart` (the China day's start).
     */
    async lockAndCount(tx: Queryable, phoneKey: string, dayStart: Date) {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('whistle sms ' || $1, 0))`, [phoneKey]);
      const rows = await tx.query<{ latest: Date | null; today: number }>(
        `SELECT max(created_at) AS latest, (count(*) FILTER (WHERE created_at >= $2))::int AS today
           FROM whistle_sms_codes WHERE phone_key = $1`,
        [phoneKey, dayStart],
      );
      return rows.rows[0]!;
    },

    async insert(
      tx: Queryable,
      code: { phoneKey: string; salt: string; hash: string; at: Date; expiresAt: Date; purgeAfter: Date },
    ): Promise<void> {
      await tx.query(
        `INSERT INTO whistle_sms_codes (phone_key, code_salt, code_hash, created_at, expires_at, purge_after)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [code.phoneKey, code.salt, code.hash, code.at, code.expiresAt, code.purgeAfter],
      );
    },

    /** Only the latest code of a phone counts: asking again replaces the one before. */
    async latest(phoneKey: string): Promise<StoredSmsCode | null> {
      const rows = await db.query<{
        id: string;
        code_salt: string;
        code_hash: string;
        expires_at: Date;
        wrong_tries: number;
        used_at: Date | null;
      }>(
        `SELECT id, code_salt, code_hash, expires_at, wrong_tries, used_at FROM whistle_sms_codes
          WHERE phone_key = $1 ORDER BY created_at DESC, id DESC LIMIT 1`,
        [phoneKey],
      );
      const row = rows.rows[0];
      return row
        ? {
            id: row.id,
            salt: row.code_salt,
            hash: row.code_hash,
            expiresAt: row.expires_at,
            wrongTries: row.wrong_tries,
            usedAt: row.used_at,
          }
        : null;
    },

    async wrongTry(id: string): Promise<void> {
      await db.query('UPDATE whistle_sms_codes SET wrong_tries = wrong_tries + 1 WHERE id = $1', [id]);
    },

    /** Uses the code once: false when another report took it first, or it ran out of tries. */
    async use(tx: Queryable, id: string, at: Date, maxTries: number): Promise<boolean> {
      const used = await tx.query(
        `UPDATE whistle_sms_codes SET used_at = $2 WHERE id = $1 AND used_at IS NULL AND wrong_tries < $3`,
        [id, at, maxTries],
      );
      return (used.rowCount ?? 0) > 0;
    },
  };
}

export type WhistleSmsCodesRepository = ReturnType<typeof createWhistleSmsCodesRepository>;
