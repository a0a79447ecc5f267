import type { Clock } from '../../platform/clock.ts';
import type { Db, Queryable } from '../../platform/db.ts';
import { postToPeer } from '../../platform/http-post.ts';

/** How long one delivery may take, and the back-off after the n-th failure (capped). */
const TIMEOUT_MS = 5_000;
const LEASE_MS = 60_000;
const backoffMs = (attempts: number) => Math.min(60_000 * 2 ** (attempts - 1), 6 * 3_600_000);
const MAX_ATTEMPTS = 20;

export type PostJson = (url: string, body: unknown) => Promise<{ ok: boolean; status: number }>;

const postJson: PostJson = async (url, body) => {
  const status = await postToPeer(url, {
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    timeoutMs: TIMEOUT_MS,
  });
  return { ok: status >= 200 && status <= 299, status };
};

/**
 * Webhook deliveries through an outbox: a row is written in the same transaction as the event it
 * reports, and POSTed after the commit. A failure is retried later with back-off (1 min, 2, 4 … up to
 * 6 h, 20 attempts); a lease on the row keeps two workers from posting it at the same time.
 */
export function createWebhookOutbox(deps: { db: Db; clock: Clock; post?: PostJson }) {
  const { db, clock } = deps;
  const post = deps.post ?? postJson;
  return {
    async enqueue(source: Queryable, url: string, payload: unknown, at: Date): Promise<void> {
      await source.query(
        'INSERT INTO webhook_deliveries (url, payload, next_attempt_at, created_at) VALUES ($1, $2, $3, $3)',
        [url, JSON.stringify(payload), at],
      );
    },

    /** Posts every delivery due at `now`; answers how many succeeded and failed. Never throws for a failed POST. */
    async deliverDue(now: Date = clock.now()): Promise<{ delivered: number; failed: number }> {
      const claimed = await db.query<{ id: string; url: string; payload: unknown; attempts: number }>(
        `UPDATE webhook_deliveries SET next_attempt_at = $2, attempts = attempts + 1
         WHERE id IN (SELECT id FROM webhook_deliveries
                      WHERE delivered_at IS NULL AND next_attempt_at <= $1 AND attempts < $3
                      ORDER BY next_attempt_at LIMIT 100 FOR UPDATE SKIP LOCKED)
         RETURNING id, url, payload, attempts`,
        [now, new Date(now.getTime() + LEASE_MS), MAX_ATTEMPTS],
      );
      let delivered = 0;
      let failed = 0;
      for (const row of claimed.rows) {
        let error: string | null = null;
        try {
          const answer = await post(row.url, row.payload);
          if (!answer.ok) error = `HTTP ${answer.status}`;
        } catch (cause) {
          error = cause instanceof Error ? cause.message : String(cause);
        }
        if (error === null) {
          delivered += 1;
          await db.query('UPDATE webhook_deliveries SET delivered_at = $2, last_error = NULL WHERE id = $1', [
            row.id,
            clock.now(),
          ]);
        } else {
          failed += 1;
          await db.query(
            'UPDATE webhook_deliveries SET next_attempt_at = $2, last_error = $3 WHERE id = $1',
            [row.id, new Date(now.getTime() + backoffMs(row.attempts)), error.slice(0, 500)],
          );
        }
      }
      return { delivered, failed };
    },
  };
}

export type WebhookOutbox = ReturnType<typeof createWebhookOutbox>;
