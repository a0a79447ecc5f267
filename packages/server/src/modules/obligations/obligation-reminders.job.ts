import { certificateKindNames, chinaDate } from '@anjian/domain';
import type { Clock } from '../../platform/clock.ts';
import { inTransaction, type Db } from '../../platform/db.ts';
import { leaderLockKeys, takeRunLock } from '../../platform/leader-lock.ts';
import { startPeriodic } from '../../platform/periodic.ts';
import type { NewNotification, Notifier } from '../notifications/index.ts';
import { textReminders, type ReminderSmsDeps } from './obligation-reminder-sms.ts';
import type {
  DueReminder,
  ObligationRemindersRepository,
  ReminderKind,
  ReminderSubject,
} from './obligation-reminders.repository.ts';

export interface SentReminder {
  readonly id: string;
  readonly subject: ReminderSubject;
  readonly recordId: string;
  readonly kind: ReminderKind;
  readonly dueOn: string;
  readonly notified: number;
}

/** What the enterprise and the county read: the unit, the holder or insurer, the kind and the date. */
export function reminderNotification(due: DueReminder): NewNotification {
  const data = { subject: due.subject, recordId: due.recordId, kind: due.kind, dueOn: due.dueOn };
  if (due.subject === 'policy')
    return {
      kind: 'obligations.reminder',
      severity: 'warning',
      title: { zh: '安全生产责任保险保单即将到期', en: 'Work-safety liability policy expiring' },
      body: {
        zh: `${due.enterpriseName}：${due.name}承保的安全生产责任保险保单 ${due.dueOn} 到期，请及时续保`,
        en: `${due.enterpriseName}: the work-safety liability policy with ${due.name} ends on ${due.dueOn}; renew it in time`,
      },
      link: '/obligations/coverage',
      data,
    };
  const certificate = certificateKindNames[due.certificateKind ?? 'special_operation'];
  const review = due.kind === 'review';
  return {
    kind: 'obligations.reminder',
    severity: 'warning',
    title: review
      ? { zh: '证书复审即将到期', en: 'Certificate review due soon' }
      : { zh: '证书即将到期', en: 'Certificate expiring' },
    body: review
      ? {
          zh: `${due.enterpriseName}：${due.name}的${certificate.zh}应于 ${due.dueOn} 前复审`,
          en: `${due.enterpriseName}: ${due.name}'s ${certificate.en} is due for review by ${due.dueOn}`,
        }
      : {
          zh: `${due.enterpriseName}：${due.name}的${certificate.zh}将于 ${due.dueOn} 到期`,
          en: `${due.enterpriseName}: ${due.name}'s ${certificate.en} expires on ${due.dueOn}`,
        },
    link: '/obligations/people',
    data,
  };
}

/**
 * Once a run: every certificate whose expiry or 复审 date, and every 安责险 policy whose end, falls
 * within `days` of today is reminded to the enterprise's safety managers and the county's officers.
 * A run holds a transaction-level advisory lock (another process running it answers null), and each
 * reminder is a row unique per (record, kind, due date), so it is sent once across restarts. With
 * `sms`, each enterprise reminded is also texted once (obligation-reminder-sms.ts).
 */
export async function sendObligationReminders(
  deps: {
    db: Db;
    clock: Clock;
    reminders: ObligationRemindersRepository;
    notifications: Notifier;
    days: number;
    sms?: ReminderSmsDeps | undefined;
  },
  now: Date = deps.clock.now(),
): Promise<SentReminder[] | null> {
  const { reminders, notifications } = deps;
  return inTransaction(deps.db, async (tx) => {
    if (!(await takeRunLock(tx, leaderLockKeys.obligationReminders))) return null;
    const sent: SentReminder[] = [];
    // An enterprise's reminders (its people's certificates, its policy) share one audience: asked
    // once per enterprise and run, not once per reminder.
    const audiences = new Map<string, Promise<string[]>>();
    const audienceOf = (due: DueReminder) => {
      const key = `${due.enterpriseId}|${due.county}`;
      let users = audiences.get(key);
      if (!users) {
        users = notifications.audienceUserIds(tx, {
          kinds: ['enterprise', 'county'],
          enterpriseId: due.enterpriseId,
          county: due.county,
          // The enterprise's safety managers (the only enterprise role that changes its risk
          // register) and the county officers who keep the registers.
          enterprisePermission: 'risk:write',
          bureauPermission: 'registry:write',
        });
        audiences.set(key, users);
      }
      return users;
    };
    const today = chinaDate(now);
    const reminded = new Map<string, { enterpriseName: string; count: number }>();
    for (const due of await reminders.due(tx, today, deps.days)) {
      const id = await reminders.record(tx, due, now);
      if (!id) continue;
      const users = await audienceOf(due);
      const notified = await notifications.insertMany(tx, users, reminderNotification(due), now);
      await reminders.setNotified(tx, id, notified);
      sent.push({
        id,
        subject: due.subject,
        recordId: due.recordId,
        kind: due.kind,
        dueOn: due.dueOn,
        notified,
      });
      const unit = reminded.get(due.enterpriseId) ?? { enterpriseName: due.enterpriseName, count: 0 };
      reminded.set(due.enterpriseId, { ...unit, count: unit.count + 1 });
    }
    if (deps.sms) await textReminders(tx, { sms: deps.sms, reminders, days: deps.days }, reminded, today);
    return sent;
  });
}

/** Runs the reminders every `everyMs`, the first after a minute (or sooner); answers the stop. */
export function startObligationRemindersJob(
  deps: Parameters<typeof sendObligationReminders>[0] & { log: (message: string, error?: unknown) => void },
  everyMs: number,
): () => void {
  return startPeriodic(() => sendObligationReminders(deps), {
    firstMs: Math.min(everyMs, 60_000),
    everyMs,
    onError: (error) => deps.log('obligations: the expiry reminders failed; the next run tries again', error),
  });
}
