import { defaultLevelMapping, findWarningEventType } from '@anjian/domain';
import type { Clock } from '../../platform/clock.ts';
import { inTransaction, type Db, type Queryable } from '../../platform/db.ts';
import type { Notifier } from '../notifications/index.ts';
import type { ChannelMessage, ChannelSender } from './warning-channels.ts';
import type { VersionRow, WarningsRepository } from './warnings.repository.ts';
import { PermanentDeliveryError } from './warning-sms.ts';

export const warningChannels = ['in_app', 'webhook', 'mqtt', 'email', 'sms', 'centre'] as const;
export type WarningChannel = (typeof warningChannels)[number];

/**
 * Sends in flight at once per worker pass. A pass claims up to `limit` rows (500 by default), sends
 * them 16 at a time and marks the sent ones as they complete, MARK_EVERY rows per statement. (64 at a time, tried on a loaded
 * machine, pushed answers past the 5 s timeout: rows sent but left pending, sent again later.)
 */
const SENDS = 16;
/** Sent rows marked delivered per statement, while the pass goes on. */
const MARK_EVERY = 64;
/** Rows one delivery pass claims unless told otherwise. */
export const warningDeliveryPass = 500;

interface Outcome {
  row: ClaimedRow;
  error: string | null;
  permanent: boolean;
  /** In-app rows are marked delivered in their own transaction. */
  inApp: boolean;
  counted: boolean;
}

/** Runs `work` over `items`, at most `limit` at a time, answers in the items' order. */
async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  });
  await Promise.all(lanes);
  return results;
}

/** A claimed row is leased for this long: another process skips it meanwhile. */
const LEASE_MS = 60_000;
const MAX_ATTEMPTS = 10;
/** 30 s, 1 min, 2 min … capped at 1 h. */
export const warningBackoffMs = (attempts: number) => Math.min(30_000 * 2 ** (attempts - 1), 3_600_000);

export interface NewDelivery {
  channel: WarningChannel;
  recipient: string;
}

interface ClaimedRow {
  id: string;
  warning_id: string;
  version: number;
  channel: WarningChannel;
  recipient: string;
  attempts: number;
}

/**
 * The one outbox of every warning channel. Publishing writes a row per (version, channel,
 * recipient) in the release's transaction (a unique key keeps it to one); the worker claims due rows
 * with FOR UPDATE SKIP LOCKED and a lease, so two processes never send the same row at once, and
 * retries a failure with back-off. In-app notifications are written in the same transaction that
 * marks the row delivered: exactly once. The other channels are at least once, each message
 * carrying its delivery id (webhook header, email Message-ID) for the receiver to drop a repeat.
 */
export function createWarningOutbox(deps: {
  db: Db;
  clock: Clock;
  warnings: WarningsRepository;
  notifier: Notifier;
  senders: Partial<Record<Exclude<WarningChannel, 'in_app'>, ChannelSender>>;
  publicBaseUrl: string;
}) {
  const { db, clock, warnings, notifier, senders } = deps;

  const messageOf = (row: ClaimedRow, version: VersionRow): ChannelMessage => ({
    deliveryId: row.id,
    identifier: version.identifier,
    msgType: version.msgType,
    capXml: version.capXml,
    headline: version.content.info.zh.headline,
    description: version.content.info.zh.description,
    instruction: version.content.info.zh.instruction,
    link: `${deps.publicBaseUrl}/public/warnings`,
  });

  async function deliverInApp(row: ClaimedRow, version: VersionRow): Promise<boolean> {
    return inTransaction(db, async (tx) => {
      const still = await tx.query(
        `SELECT 1 FROM warning_deliveries WHERE id = $1 AND status = 'pending' FOR UPDATE`,
        [row.id],
      );
      if (still.rowCount === 0) return false;
      const { content } = version;
      const level = defaultLevelMapping[content.level];
      const event = findWarningEventType(content.eventType);
      await notifier.insertMany(
        tx,
        [row.recipient],
        {
          kind: 'warning.published',
          severity: content.level === 'red' || content.level === 'orange' ? 'danger' : 'warning',
          title: {
            zh:
              version.msgType === 'Cancel'
                ? `预警解除：${content.info.zh.headline}`
                : content.info.zh.headline,
            en:
              (version.msgType === 'Cancel' ? 'Warning cancelled: ' : '') +
              (content.info.en?.headline ?? `${level.en} warning: ${event?.en ?? content.eventType}`),
          },
          body: {
            zh: content.info.zh.description,
            en: content.info.en?.description ?? content.info.zh.description,
          },
          link: `/warnings/${version.warningId}`,
          data: { warningId: version.warningId, version: version.version, identifier: version.identifier },
        },
        clock.now(),
      );
      await tx.query(
        `UPDATE warning_deliveries SET status = 'delivered', delivered_at = $2, last_error = NULL WHERE id = $1`,
        [row.id, clock.now()],
      );
      return true;
    });
  }

  /** Marks sent rows delivered in statements of MARK_EVERY, run one after another. */
  function sentMarker() {
    let pending: string[] = [];
    let chain: Promise<unknown> = Promise.resolve();
    const write = () => {
      if (pending.length === 0) return chain;
      const ids = pending;
      pending = [];
      chain = chain.then(() =>
        db.query(
          `UPDATE warning_deliveries SET status = 'delivered', delivered_at = $2, last_error = NULL
            WHERE id = ANY ($1::bigint[])`,
          [ids, clock.now()],
        ),
      );
      return chain;
    };
    return {
      add(id: string) {
        pending.push(id);
        if (pending.length >= MARK_EVERY) void write().catch(() => undefined);
      },
      flush: write,
    };
  }

  /** One send; never throws (the outcome carries the error). */
  async function attempt(row: ClaimedRow, version: VersionRow): Promise<Outcome> {
    try {
      if (row.channel === 'in_app') {
        const counted = await deliverInApp(row, version);
        return { row, error: null, permanent: false, inApp: true, counted };
      }
      const send = senders[row.channel];
      if (!send) throw new Error(`channel ${row.channel} is not configured`);
      await send(row.recipient, messageOf(row, version));
      return { row, error: null, permanent: false, inApp: false, counted: true };
    } catch (cause) {
      const error = cause instanceof Error ? cause.message : String(cause);
      return { row, error, permanent: cause instanceof PermanentDeliveryError, inApp: false, counted: false };
    }
  }

  return {
    async enqueue(
      source: Queryable,
      warningId: string,
      version: number,
      deliveries: readonly NewDelivery[],
      at: Date,
    ) {
      if (deliveries.length === 0) return 0;
      const result = await source.query(
        `INSERT INTO warning_deliveries (warning_id, version, channel, recipient, next_attempt_at, created_at)
         SELECT $1, $2, c, r, $5, $5 FROM unnest($3::text[], $4::text[]) AS d (c, r)
         ON CONFLICT (warning_id, version, channel, recipient) DO NOTHING`,
        [warningId, version, deliveries.map((d) => d.channel), deliveries.map((d) => d.recipient), at],
      );
      return result.rowCount ?? 0;
    },

    /** Sends what is due at `now`; never throws for a failed send (the row keeps the error). */
    async deliverDue(
      now: Date = clock.now(),
      limit = warningDeliveryPass,
    ): Promise<{ delivered: number; failed: number; claimed: number }> {
      const claimed = await db.query<ClaimedRow>(
        `UPDATE warning_deliveries SET next_attempt_at = $2, attempts = attempts + 1
         WHERE id IN (SELECT id FROM warning_deliveries WHERE status = 'pending' AND next_attempt_at <= $1
                      ORDER BY next_attempt_at, id LIMIT $3 FOR UPDATE SKIP LOCKED)
         RETURNING id, warning_id, version, channel, recipient, attempts`,
        [now, new Date(now.getTime() + LEASE_MS), limit],
      );
      const versions = new Map<string, VersionRow>();
      for (const row of claimed.rows) {
        if (versions.has(`${row.warning_id}/${row.version}`)) continue;
        for (const v of await warnings.versions(row.warning_id))
          versions.set(`${v.warningId}/${v.version}`, v);
      }
      // Sent SENDS at a time; the sent rows are marked MARK_EVERY at a time as they complete (one
      // statement each, one after another), so a process killed mid-pass has sent at most about
      // MARK_EVERY + SENDS rows it had not marked (sent again after the lease, dropped by id).
      const marker = sentMarker();
      const outcomes = await mapLimit(claimed.rows, SENDS, async (row) => {
        const outcome = await attempt(row, versions.get(`${row.warning_id}/${row.version}`)!);
        if (outcome.error === null && !outcome.inApp) marker.add(outcome.row.id);
        return outcome;
      });
      await marker.flush();
      let failed = 0;
      for (const { row, error, permanent } of outcomes) {
        if (error === null) continue;
        failed += 1;
        await db.query(
          `UPDATE warning_deliveries SET next_attempt_at = $2, last_error = $3,
             status = CASE WHEN attempts >= $4 THEN 'failed' ELSE 'pending' END WHERE id = $1`,
          [
            row.id,
            new Date(now.getTime() + warningBackoffMs(row.attempts)),
            error.slice(0, 500),
            permanent ? 0 : MAX_ATTEMPTS,
          ],
        );
      }
      const delivered = outcomes.filter((o) => o.error === null && o.counted).length;
      return { delivered, failed, claimed: claimed.rows.length };
    },

    /** Per channel: how many are pending, delivered and failed for the warning (all versions). */
    async summary(warningId: string) {
      const rows = await db.query<{ channel: string; pending: number; delivered: number; failed: number }>(
        `SELECT channel, count(*) FILTER (WHERE status = 'pending')::int AS pending,
                count(*) FILTER (WHERE status = 'delivered')::int AS delivered,
                count(*) FILTER (WHERE status = 'failed')::int AS failed
         FROM warning_deliveries WHERE warning_id = $1 GROUP BY channel ORDER BY channel`,
        [warningId],
      );
      return rows.rows;
    },

    /** Sends a version's failed rows again (after the peer was fixed). */
    async retryFailed(warningId: string, at: Date): Promise<number> {
      const result = await db.query(
        `UPDATE warning_deliveries SET status = 'pending', attempts = 0, next_attempt_at = $2
         WHERE warning_id = $1 AND status = 'failed'`,
        [warningId, at],
      );
      return result.rowCount ?? 0;
    },
  };
}

export type WarningOutbox = ReturnType<typeof createWarningOutbox>;
