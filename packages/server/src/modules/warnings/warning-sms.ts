import { chinaDate } from '@anjian/domain';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import type { ChannelMessage, ChannelSender } from './warning-channels.ts';
import { postToPeer } from '../../platform/http-post.ts';

const TIMEOUT_MS = 5_000;
/** GSM long messages: 70 Chinese characters per part; 4 parts are the most most gateways accept. */
const MAX_TEXT = 280;

/** A failure that retrying will not cure (a phone over its quota): the row is failed at once. */
export class PermanentDeliveryError extends Error {}

/** The text of a warning SMS: sender, headline, then what to do (or what happened). */
export function smsText(senderName: string, message: ChannelMessage): string {
  const body = message.instruction || message.description;
  const text = `【${senderName}】${message.headline}：${body}`;
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

/**
 * Counts one SMS against the phone's quota for the China calendar day; false when the quota is
 * used up. One statement, so two workers never both take the last one.
 */
export async function takeSmsQuota(db: Db, phone: string, day: string, quota: number): Promise<boolean> {
  const result = await db.query(
    `INSERT INTO warning_sms_quota (phone, day, sent) VALUES ($1, $2, 1)
     ON CONFLICT (phone, day) DO UPDATE SET sent = warning_sms_quota.sent + 1
       WHERE warning_sms_quota.sent < $3
     RETURNING sent`,
    [phone, day, quota],
  );
  return (result.rowCount ?? 0) > 0;
}

/**
 * SMS through a configurable HTTP gateway: POST {to, text, id} as JSON with a bearer token; any 2xx
 * is taken as accepted. The delivery id lets the gateway drop a repeat after a lost answer.
 */
export function smsSender(deps: {
  db: Db;
  clock: Clock;
  url: string;
  token: string | null;
  /** Per phone per China day; null for none (a rescue team's dispatch is never held back). */
  dailyQuota: number | null;
  senderName: string;
}): ChannelSender {
  return async (phone, message) => {
    if (
      deps.dailyQuota !== null &&
      !(await takeSmsQuota(deps.db, phone, chinaDate(deps.clock.now()), deps.dailyQuota))
    )
      throw new PermanentDeliveryError(`SMS quota of ${deps.dailyQuota} a day reached`);
    const status = await postToPeer(deps.url, {
      headers: {
        'content-type': 'application/json',
        ...(deps.token ? { authorization: `Bearer ${deps.token}` } : {}),
      },
      body: JSON.stringify({ to: phone, text: smsText(deps.senderName, message), id: message.deliveryId }),
      timeoutMs: TIMEOUT_MS,
    });
    if (status < 200 || status > 299) throw new Error(`HTTP ${status}`);
  };
}

/**
 * The hand-off to the municipal warning-release centre: the CAP message POSTed as
 * application/cap+xml with a bearer token and the delivery id (the centre drops repeats by it).
 */
export function centreSender(token: string | null): ChannelSender {
  return async (url, message) => {
    const status = await postToPeer(url, {
      headers: {
        'content-type': 'application/cap+xml; charset=utf-8',
        'x-anjian-delivery': message.deliveryId,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: message.capXml,
      timeoutMs: TIMEOUT_MS,
    });
    if (status < 200 || status > 299) throw new Error(`HTTP ${status}`);
  };
}
