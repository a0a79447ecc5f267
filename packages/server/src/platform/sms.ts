import type { Clock } from './clock.ts';
import type { SmsConfig } from './config-sms.ts';
import type { FieldCipher } from './crypto.ts';
import type { Db, Queryable } from './db.ts';
import { postToPeer } from './http-post.ts';
import { startPeriodic } from './periodic.ts';

/** What a feature hands to the outbox: the phone, a template id with its parameters, and the text. */
export interface SmsMessage {
  /** Which feature sent it (shown to the system administrator), e.g. `whistle.code`. */
  purpose: string;
  /** The template id the bureau's SMS platform registered (短信模板), e.g. `whistle_code`. */
  template: string;
  phone: string;
  params: Readonly<Record<string, string>>;
  /** The whole text, signature first, for gateways that send free text. */
  text: string;
  /** Past this moment the message is useless (a code expired) and is failed instead of sent. */
  sendBefore?: Date;
}

export interface SmsOutboxItem {
  id: string;
  purpose: string;
  template: string;
  phoneMasked: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  failedAt: string | null;
}

const TIMEOUT_MS = 5_000;
/** A claimed row is leased this long: another process skips it meanwhile (far above TIMEOUT_MS). */
const LEASE_MS = 60_000;
const MAX_ATTEMPTS = 8;
const BATCH = 50;
const KEEP_DAYS = 30;
/** 10 s, 20 s, 40 s … at most 10 minutes between tries. */
export const smsBackoffMs = (attempts: number) => Math.min(10_000 * 2 ** (attempts - 1), 600_000);

/** 13812345678 → 138****5678; a landline keeps its last four digits only. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.length === 11 ? `${digits.slice(0, 3)}****${digits.slice(7)}` : `****${digits.slice(-4)}`;
}

/** A gateway answer no retry will cure (4xx other than 408/429): the row fails at once. */
const permanent = (status: number) => status >= 400 && status < 500 && status !== 408 && status !== 429;

/** Why a send did not reach the gateway, in words the system administrator reads (the log has the rest). */
function networkReason(cause: unknown): string {
  const code = (cause as { code?: unknown } | null)?.code;
  const message = cause instanceof Error ? cause.message : '';
  if (code === 'ECONNREFUSED') return '网关无法连接：连接被拒绝';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return '网关无法连接：域名无法解析';
  if (/no answer within/.test(message) || code === 'ETIMEDOUT') return '网关无法连接：超时未应答';
  return '网关无法连接：网络错误';
}

interface ClaimedRow {
  id: string;
  phone_sealed: string;
  params_sealed: string;
  template: string;
  attempts: number;
  send_before: Date | null;
}

/**
 * The platform's SMS port: a durable outbox (table sms_outbox) and its sender. A feature enqueues a
 * message in its own transaction; the sender claims due rows with FOR UPDATE SKIP LOCKED and a
 * lease, so two processes never send one row twice, POSTs them to SMS_GATEWAY_URL and retries a
 * failure with back-off. The phone and the parameters (a code) are sealed while the row waits and
 * cleared once it is sent or failed; the masked phone, template and reason stay for the system
 * administrator. Gateway body (docs/operations.md): `{id, to, template, params, text}`, JSON, with
 * `Authorization: Bearer SMS_GATEWAY_TOKEN`; any 2xx is accepted. `id` lets the gateway drop a
 * repeat after a lost answer.
 */
export function createSmsOutbox(deps: { db: Db; clock: Clock; cipher: FieldCipher; config: SmsConfig }) {
  const { db, clock, cipher, config } = deps;

  async function post(row: ClaimedRow): Promise<{ ok: true } | { ok: false; error: string; final: boolean }> {
    try {
      const { params, text } = JSON.parse(cipher.decrypt(row.params_sealed)) as {
        params: Record<string, string>;
        text: string;
      };
      const status = await postToPeer(config.gatewayUrl!, {
        headers: {
          'content-type': 'application/json',
          ...(config.gatewayToken ? { authorization: `Bearer ${config.gatewayToken}` } : {}),
        },
        body: JSON.stringify({
          id: `sms-${row.id}`,
          to: cipher.decrypt(row.phone_sealed),
          template: row.template,
          params,
          text,
        }),
        timeoutMs: TIMEOUT_MS,
      });
      if (status >= 200 && status <= 299) return { ok: true };
      return { ok: false, error: `网关返回状态码 ${status}`, final: permanent(status) };
    } catch (cause) {
      return { ok: false, error: networkReason(cause), final: false };
    }
  }

  async function settle(row: ClaimedRow, outcome: Awaited<ReturnType<typeof post>>) {
    const now = clock.now();
    if (outcome.ok) {
      await db.query(
        `UPDATE sms_outbox SET status = 'sent', sent_at = $2, last_error = NULL, phone_sealed = NULL, params_sealed = NULL
          WHERE id = $1`,
        [row.id, now],
      );
      return 'sent' as const;
    }
    if (outcome.final || row.attempts >= MAX_ATTEMPTS) {
      await fail(row.id, outcome.error, now);
      return 'failed' as const;
    }
    await db.query('UPDATE sms_outbox SET next_attempt_at = $2, last_error = $3 WHERE id = $1', [
      row.id,
      new Date(now.getTime() + smsBackoffMs(row.attempts)),
      outcome.error,
    ]);
    return 'retried' as const;
  }

  const fail = (id: string, error: string, now: Date) =>
    db.query(
      `UPDATE sms_outbox SET status = 'failed', failed_at = $2, last_error = $3, phone_sealed = NULL, params_sealed = NULL
        WHERE id = $1`,
      [id, now, error],
    );

  const outbox = {
    /** Whether a gateway is configured (the features that need one ask for no code without it). */
    configured: config.gatewayUrl !== null,

    async enqueue(source: Queryable, message: SmsMessage): Promise<string> {
      const now = clock.now();
      const rows = await source.query<{ id: string }>(
        `INSERT INTO sms_outbox (purpose, template, phone_masked, phone_sealed, params_sealed, next_attempt_at, created_at, send_before)
         VALUES ($1, $2, $3, $4, $5, $6, $6, $7) RETURNING id`,
        [
          message.purpose,
          message.template,
          maskPhone(message.phone),
          cipher.encrypt(message.phone),
          cipher.encrypt(JSON.stringify({ params: message.params, text: message.text })),
          now,
          message.sendBefore ?? null,
        ],
      );
      return String(rows.rows[0]!.id);
    },

    /** One pass: claims due rows, sends them, and answers how each ended. Never throws for a send. */
    async sendDue(limit = BATCH) {
      const result = { sent: 0, retried: 0, failed: 0 };
      if (!config.gatewayUrl) return result;
      const now = clock.now();
      const claimed = await db.query<ClaimedRow>(
        `UPDATE sms_outbox SET attempts = attempts + 1, next_attempt_at = $2
          WHERE id IN (SELECT id FROM sms_outbox WHERE status = 'pending' AND next_attempt_at <= $1
                        ORDER BY next_attempt_at LIMIT $3 FOR UPDATE SKIP LOCKED)
          RETURNING id, phone_sealed, params_sealed, template, attempts, send_before`,
        [now, new Date(now.getTime() + LEASE_MS), limit],
      );
      for (const row of claimed.rows) {
        if (row.send_before && row.send_before <= now) {
          await fail(row.id, '有效期内未能发出（验证码已过期）', now);
          result.failed += 1;
          continue;
        }
        result[await settle(row, await post(row))] += 1;
      }
      return result;
    },

    /** The system administrator's view: newest first, masked, with why one failed; never a code. */
    async recent(filter: { status?: SmsOutboxItem['status'] | undefined; page: number; pageSize: number }) {
      const rows = await db.query<{
        id: string;
        purpose: string;
        template: string;
        phone_masked: string;
        status: SmsOutboxItem['status'];
        attempts: number;
        last_error: string | null;
        created_at: Date;
        sent_at: Date | null;
        failed_at: Date | null;
        total: number;
      }>(
        `SELECT id, purpose, template, phone_masked, status, attempts, last_error, created_at, sent_at, failed_at,
                (count(*) OVER ())::int AS total
           FROM sms_outbox WHERE ($1::text IS NULL OR status = $1)
          ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3`,
        [filter.status ?? null, filter.pageSize, (filter.page - 1) * filter.pageSize],
      );
      const items = rows.rows.map((r): SmsOutboxItem => ({
        id: String(r.id),
        purpose: r.purpose,
        template: r.template,
        phoneMasked: r.phone_masked,
        status: r.status,
        attempts: r.attempts,
        lastError: r.last_error,
        createdAt: r.created_at.toISOString(),
        sentAt: r.sent_at?.toISOString() ?? null,
        failedAt: r.failed_at?.toISOString() ?? null,
      }));
      return { items, total: rows.rows[0]?.total ?? 0, page: filter.page, pageSize: filter.pageSize };
    },

    /** Sent and failed rows older than 30 days go (idempotent: safe from several processes). */
    async purge(): Promise<number> {
      const before = new Date(clock.now().getTime() - KEEP_DAYS * 86_400_000);
      const deleted = await db.query(`DELETE FROM sms_outbox WHERE status <> 'pending' AND created_at < $1`, [
        before,
      ]);
      return deleted.rowCount ?? 0;
    },

    /** Sends every `everyMs` in this process (each process may run it: rows are claimed). */
    start(everyMs: number, onError: (error: unknown) => void): () => void {
      return startPeriodic(() => outbox.sendDue().then(() => outbox.purge()), {
        firstMs: everyMs,
        everyMs,
        onError,
      });
    },
  };
  return outbox;
}

export type SmsOutbox = ReturnType<typeof createSmsOutbox>;
