import type { Db } from '../../platform/db.ts';

/** Captchas in PostgreSQL (any process may check one another process made), answers hashed. */
export function createCaptchasRepository(db: Db) {
  return {
    async insert(captcha: { id: string; answerHash: string; at: Date; expiresAt: Date }): Promise<void> {
      await db.query('DELETE FROM login_captchas WHERE expires_at < $1', [captcha.at]);
      await db.query(
        'INSERT INTO login_captchas (id, answer_hash, created_at, expires_at) VALUES ($1, $2, $3, $4)',
        [captcha.id, captcha.answerHash, captcha.at, captcha.expiresAt],
      );
    },

    /** Takes the captcha (single use: deleted whatever the answer) and answers its hash if still valid. */
    async consume(id: string, at: Date): Promise<string | null> {
      const rows = await db.query<{ answer_hash: string; expires_at: Date }>(
        'DELETE FROM login_captchas WHERE id = $1 RETURNING answer_hash, expires_at',
        [id],
      );
      const row = rows.rows[0];
      return row && row.expires_at > at ? row.answer_hash : null;
    },
  };
}

export type CaptchasRepository = ReturnType<typeof createCaptchasRepository>;
