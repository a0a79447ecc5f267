import type { Queryable } from '../../platform/db.ts';
import type { FieldCipher } from '../../platform/crypto.ts';
import type { SmsOutbox } from '../../platform/sms.ts';
import type { EnterpriseLookup } from '../registry/index.ts';
import type { ObligationRemindersRepository } from './obligation-reminders.repository.ts';

/** What a reminder run needs to text the enterprises' safety managers. */
export interface ReminderSmsDeps {
  outbox: Pick<SmsOutbox, 'configured' | 'enqueue'>;
  /** The registry's port: the safety manager's phone is one of the enterprise's sealed contacts. */
  enterprises: EnterpriseLookup;
  /** The cipher the registry sealed the contacts' phones with. */
  cipher: FieldCipher;
  /** The 短信签名 (SMS_SIGN_NAME). */
  signName: string;
  /** OBLIGATION_REMINDER_SMS: false keeps the reminders in the app only. */
  enabled: boolean;
}

/**
 * The text: the unit and how many of its papers fall due, never a holder's name or a number (an
 * SMS leaves the platform); the details are in the app's notifications.
 */
export function reminderSmsText(
  signName: string,
  enterpriseName: string,
  count: number,
  days: number,
): string {
  return `【${signName}】${enterpriseName}：有 ${count} 项安全生产证书或安责险保单将在 ${days} 日内到期或需复审，请登录安全生产监管平台查看并及时办理。`;
}

/**
 * Texts each enterprise that got reminders in this run once, to its safety manager's phone, when a
 * gateway is configured and the phone is known; at most one SMS per enterprise per China day, kept
 * in obligation_reminder_sms in the run's transaction (which holds the run lock). Answers how many
 * were queued; the outbox sends them after the commit.
 */
export async function textReminders(
  tx: Queryable,
  deps: { sms: ReminderSmsDeps; reminders: ObligationRemindersRepository; days: number },
  reminded: ReadonlyMap<string, { enterpriseName: string; count: number }>,
  today: string,
): Promise<number> {
  const { sms, reminders } = deps;
  if (!sms.enabled || !sms.outbox.configured) return 0;
  let queued = 0;
  for (const [enterpriseId, { enterpriseName, count }] of reminded) {
    if (await reminders.textedOn(tx, enterpriseId, today)) continue;
    const enterprise = await sms.enterprises.findById(enterpriseId, null, tx);
    const sealed = enterprise?.contacts.safetyManager?.phoneEnc;
    if (!sealed) continue;
    const smsId = await sms.outbox.enqueue(tx, {
      purpose: 'obligations.reminder',
      template: 'obligation_reminder',
      phone: sms.cipher.decrypt(sealed),
      params: { enterprise: enterpriseName, count: String(count), days: String(deps.days) },
      text: reminderSmsText(sms.signName, enterpriseName, count, deps.days),
    });
    await reminders.recordText(tx, { enterpriseId, day: today, smsId, reminders: count });
    queued += 1;
  }
  return queued;
}
