import type { Clock } from '../../platform/clock.ts';
import type { FieldCipher } from '../../platform/crypto.ts';
import type { Db, Queryable } from '../../platform/db.ts';
import type { EventBus } from '../../platform/events/index.ts';
import type { ChannelMessage, ChannelSender } from './warning-channels.ts';
import { warningBackoffMs } from './warning-outbox.ts';
import { mobileNumbers } from './warning-recipients.ts';
import { PermanentDeliveryError } from './warning-sms.ts';

export const pushChannels = ['sms', 'email'] as const;
export type PushChannel = (typeof pushChannels)[number];
export type PushSource = 'team_dispatch';

/** One person a push goes to, with the contacts their records hold (either may be missing). */
export interface PushRecipient {
  /** Who it is (a user id): the push goes to them once per channel, whatever else happens. */
  readonly key: string;
  /** Their name, shown beside the delivery status. */
  readonly label: string;
  readonly phone: string | null;
  readonly email: string | null;
}

/** A short message to named people, through every configured channel their contacts allow. */
export interface DirectPush {
  readonly source: PushSource;
  /** The record the push is about (a dispatch task id): with the person and channel, its unique key. */
  readonly ref: string;
  readonly headline: string;
  /** The text; the link's full address follows it. */
  readonly body: string;
  /** A path in the web app (`/m/teams/…`), sent as an address under PUBLIC_BASE_URL. */
  readonly linkPath: string;
  readonly recipients: readonly PushRecipient[];
}

/** pending: not tried yet; retrying: the last try failed and another is due; failed: given up. */
export type PushStatus = 'pending' | 'retrying' | 'delivered' | 'failed';

export interface PushState {
  readonly ref: string;
  readonly recipient: string;
  readonly channel: PushChannel;
  readonly status: PushStatus;
  readonly attempts: number;
  readonly deliveredAt: Date | null;
}

/**
 * What other modules may do with the warning channels (the emergency module's dispatch push): queue
 * a push in their own transaction — at most one row per (source, ref, channel, person), so a
 * repeated or concurrent queueing sends nothing twice — and read how it went.
 */
export interface DirectPushPort {
  enqueue(tx: Queryable, push: DirectPush, at: Date): Promise<number>;
  states(source: PushSource, refs: readonly string[]): Promise<PushState[]>;
}

const LEASE_MS = 60_000;
const MAX_ATTEMPTS = 10;
const SENDS = 8;
export const warningPushPass = 200;

interface ClaimedPush {
  id: string;
  source: string;
  source_ref: string;
  channel: PushChannel;
  address_enc: string;
  headline: string;
  body: string;
  link: string;
  attempts: number;
}

/**
 * The push outbox (`warning_pushes`): the same adapters as the warnings' channels (the SMS gateway
 * without the public warnings' daily quota, SMTP), the same claim with FOR UPDATE SKIP LOCKED and a
 * lease, so two processes never send one row at once, and the same back-off (30 s doubling to 1 h,
 * 10 tries). At least once to the peer, with the row id as the delivery id for it to drop repeats.
 */
export function createWarningPushes(deps: {
  db: Db;
  clock: Clock;
  cipher: FieldCipher;
  senders: Partial<Record<PushChannel, ChannelSender>>;
  publicBaseUrl: string;
  /** Where each try's outcome is announced (`push.changed`), for the command page's live tags. */
  events?: Pick<EventBus, 'publish'>;
}) {
  const { db, clock, cipher, senders } = deps;

  async function send(row: ClaimedPush): Promise<{ error: string | null; permanent: boolean }> {
    try {
      const sender = senders[row.channel];
      if (!sender) throw new PermanentDeliveryError(`channel ${row.channel} is not configured`);
      const message: ChannelMessage = {
        deliveryId: `push-${row.id}`,
        identifier: 'anjian-push',
        msgType: 'Push',
        capXml: '',
        headline: row.headline,
        description: `${row.body}${row.link}`,
        instruction: '',
        link: row.link,
      };
      await sender(cipher.decrypt(row.address_enc), message);
      return { error: null, permanent: false };
    } catch (cause) {
      const error = cause instanceof Error ? cause.message : String(cause);
      return { error, permanent: cause instanceof PermanentDeliveryError };
    }
  }

  /** After the row is written: a lost announcement costs only the live tag (the page re-reads). */
  async function announce(row: ClaimedPush, status: 'delivered' | 'retrying' | 'failed') {
    try {
      await deps.events?.publish('push.changed', { source: row.source, ref: row.source_ref, status });
    } catch {
      // The event bus reconnects on its own; the stored status stays right.
    }
  }

  const port: DirectPushPort = {
    async enqueue(tx, push, at) {
      // One message per address and channel: a person reached through two accounts (two roles, or a
      // member listed twice) has one phone and one mailbox, so one SMS and one e-mail per push.
      const rows = new Map<string, { channel: PushChannel; key: string; label: string; address: string }>();
      const add = (channel: PushChannel, r: PushRecipient, address: string) => {
        const id = `${channel} ${address}`;
        if (!rows.has(id)) rows.set(id, { channel, key: r.key, label: r.label, address });
      };
      for (const r of push.recipients) {
        const [phone] = mobileNumbers([r.phone]);
        if (senders.sms && phone) add('sms', r, phone);
        const email = r.email?.trim().toLowerCase();
        if (senders.email && email) add('email', r, email);
      }
      if (rows.size === 0) return 0;
      const queued = [...rows.values()];
      const result = await tx.query(
        `INSERT INTO warning_pushes (source, source_ref, channel, recipient_key, recipient_label, address_enc,
                                     headline, body, link, next_attempt_at, created_at)
         SELECT $1, $2, c, k, l, a, $7, $8, $9, $10, $10
           FROM unnest($3::text[], $4::text[], $5::text[], $6::text[]) AS r (c, k, l, a)
         ON CONFLICT (source, source_ref, channel, recipient_key) DO NOTHING`,
        [
          push.source,
          push.ref,
          queued.map((r) => r.channel),
          queued.map((r) => r.key),
          queued.map((r) => r.label),
          queued.map((r) => cipher.encrypt(r.address)),
          push.headline,
          push.body,
          `${deps.publicBaseUrl}${push.linkPath}`,
          at,
        ],
      );
      return result.rowCount ?? 0;
    },

    async states(source, refs) {
      if (refs.length === 0) return [];
      const rows = await db.query<{
        source_ref: string;
        recipient_label: string;
        channel: PushChannel;
        status: 'pending' | 'delivered' | 'failed';
        last_error: string | null;
        attempts: number;
        delivered_at: Date | null;
      }>(
        `SELECT source_ref, recipient_label, channel, status, last_error, attempts, delivered_at
           FROM warning_pushes WHERE source = $1 AND source_ref = ANY ($2::text[]) ORDER BY seq`,
        [source, refs],
      );
      return rows.rows.map((r) => ({
        ref: r.source_ref,
        recipient: r.recipient_label,
        channel: r.channel,
        status: r.status === 'pending' && r.last_error !== null ? 'retrying' : r.status,
        attempts: r.attempts,
        deliveredAt: r.delivered_at,
      }));
    },
  };

  return {
    port,

    /** Sends what is due at `now`; a failed send keeps its error and is tried again later. */
    async deliverDue(now: Date = clock.now(), limit = warningPushPass) {
      const claimed = await db.query<ClaimedPush>(
        `UPDATE warning_pushes SET next_attempt_at = $2, attempts = attempts + 1
          WHERE id IN (SELECT id FROM warning_pushes WHERE status = 'pending' AND next_attempt_at <= $1
                        ORDER BY next_attempt_at, seq LIMIT $3 FOR UPDATE SKIP LOCKED)
          RETURNING id, source, source_ref, channel, address_enc, headline, body, link, attempts`,
        [now, new Date(now.getTime() + LEASE_MS), limit],
      );
      let delivered = 0;
      let failed = 0;
      const queue = [...claimed.rows];
      const lane = async () => {
        for (let row = queue.shift(); row; row = queue.shift()) {
          const { error, permanent } = await send(row);
          if (error === null) {
            delivered += 1;
            await db.query(
              `UPDATE warning_pushes SET status = 'delivered', delivered_at = $2, last_error = NULL WHERE id = $1`,
              [row.id, clock.now()],
            );
            await announce(row, 'delivered');
            continue;
          }
          failed += 1;
          const after = await db.query<{ status: 'pending' | 'failed' }>(
            `UPDATE warning_pushes SET next_attempt_at = $2, last_error = $3,
               status = CASE WHEN attempts >= $4 THEN 'failed' ELSE 'pending' END WHERE id = $1 RETURNING status`,
            [
              row.id,
              new Date(now.getTime() + warningBackoffMs(row.attempts)),
              error.slice(0, 500),
              permanent ? 0 : MAX_ATTEMPTS,
            ],
          );
          await announce(row, after.rows[0]?.status === 'failed' ? 'failed' : 'retrying');
        }
      };
      await Promise.all(Array.from({ length: Math.min(SENDS, claimed.rows.length) }, lane));
      return { delivered, failed, claimed: claimed.rows.length };
    },
  };
}

export type WarningPushes = ReturnType<typeof createWarningPushes>;
