import type { CertificateKind } from '@anjian/domain';
import type { Queryable } from '../../platform/db.ts';

export type ReminderSubject = 'certificate' | 'policy';
export type ReminderKind = 'expiry' | 'review';

/** A certificate or a policy whose date falls within the window: what the reminder says, no numbers. */
export interface DueReminder {
  subject: ReminderSubject;
  recordId: string;
  kind: ReminderKind;
  dueOn: string;
  enterpriseId: string;
  enterpriseName: string;
  county: string;
  /** The holder's name (certificates) or the insurer (policies). */
  name: string;
  certificateKind: CertificateKind | null;
}

const COLUMNS = `to_char(d.due_on, 'YYYY-MM-DD') AS "dueOn", d.enterprise_id AS "enterpriseId",
  e.name AS "enterpriseName", d.county, d.name, d.certificate_kind AS "certificateKind"`;

/**
 * Table obligation_reminders (migration 0058): one row per reminder sent, unique per (record, kind,
 * due date). The due records are read with the dates the lists use: a 复审 passed on or before its
 * date is done, a review falling on the expiry is the expiry, and a policy followed by a renewal
 * that starts by the day after its end is not reminded.
 */
export function createObligationRemindersRepository() {
  return {
    /** Certificates and policies whose date falls from `today` to `today + days` (inclusive). */
    async due(source: Queryable, today: string, days: number): Promise<DueReminder[]> {
      const rows = await source.query<DueReminder>(
        `WITH d AS (
           SELECT 'certificate' AS subject, c.id AS record_id, 'expiry' AS kind, c.expires_on AS due_on,
                  p.enterprise_id, p.county, p.name, c.kind AS certificate_kind
             FROM obligation_certificates c JOIN obligation_people p ON p.id = c.person_id
            WHERE c.expires_on BETWEEN $1::date AND $1::date + $2::int
           UNION ALL
           SELECT 'certificate', c.id, 'review', c.review_due_on, p.enterprise_id, p.county, p.name, c.kind
             FROM obligation_certificates c JOIN obligation_people p ON p.id = c.person_id
            WHERE c.review_due_on BETWEEN $1::date AND $1::date + $2::int
              AND c.review_due_on < c.expires_on
              AND (c.reviewed_on IS NULL OR c.reviewed_on > c.review_due_on)
           UNION ALL
           SELECT 'policy', o.id, 'expiry', o.ends_on, o.enterprise_id, o.county, o.insurer, NULL
             FROM obligation_policies o
            WHERE o.ends_on BETWEEN $1::date AND $1::date + $2::int
              AND NOT EXISTS (
                SELECT 1 FROM obligation_policies r
                 WHERE r.enterprise_id = o.enterprise_id AND r.id <> o.id
                   AND r.starts_on <= o.ends_on + 1 AND r.ends_on > o.ends_on))
         SELECT d.subject, d.record_id AS "recordId", d.kind, ${COLUMNS}
           FROM d JOIN enterprise_directory e ON e.id = d.enterprise_id
          ORDER BY d.due_on, d.subject, d.record_id, d.kind`,
        [today, days],
      );
      return rows.rows;
    },

    /** Records a reminder once; answers its id, or null when it had been sent already. */
    async record(source: Queryable, due: DueReminder, at: Date): Promise<string | null> {
      const rows = await source.query<{ id: string }>(
        `INSERT INTO obligation_reminders (subject, record_id, kind, due_on, enterprise_id, fired_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (subject, record_id, kind, due_on) DO NOTHING RETURNING id`,
        [due.subject, due.recordId, due.kind, due.dueOn, due.enterpriseId, at],
      );
      return rows.rows[0]?.id ?? null;
    },

    async setNotified(source: Queryable, id: string, notified: number): Promise<void> {
      await source.query('UPDATE obligation_reminders SET notified = $2 WHERE id = $1', [id, notified]);
    },

    /** Whether the enterprise was texted on this China day (table obligation_reminder_sms, 0087). */
    async textedOn(source: Queryable, enterpriseId: string, day: string): Promise<boolean> {
      const rows = await source.query(
        'SELECT 1 FROM obligation_reminder_sms WHERE enterprise_id = $1 AND sent_on = $2',
        [enterpriseId, day],
      );
      return (rows.rowCount ?? 0) > 0;
    },

    async recordText(
      source: Queryable,
      text: { enterpriseId: string; day: string; smsId: string; reminders: number },
    ): Promise<void> {
      await source.query(
        `INSERT INTO obligation_reminder_sms (enterprise_id, sent_on, sms_id, reminders) VALUES ($1, $2, $3, $4)`,
        [text.enterpriseId, text.day, text.smsId, text.reminders],
      );
    },
  };
}

export type ObligationRemindersRepository = ReturnType<typeof createObligationRemindersRepository>;
