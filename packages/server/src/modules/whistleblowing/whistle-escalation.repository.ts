import type {
  WhistleCategory,
  WhistleEscalationStep,
  WhistleEscalationSubject,
  WhistleStatus,
} from '@anjian/domain';
import type { Db, Queryable } from '../../platform/db.ts';

/** An open report the ladder looks at: dates, county and unit, never the reporter or the code. */
export interface WhistleEscalationCandidate {
  id: string;
  status: WhistleStatus;
  category: WhistleCategory;
  acceptanceDue: string;
  verificationDue: string | null;
  assignedDeadline: string | null;
  county: string | null;
  enterpriseName: string | null;
}

export interface WhistleEscalationRecord {
  subject: WhistleEscalationSubject;
  step: WhistleEscalationStep;
  deadline: string;
  firedAt: string;
  notified: number;
}

export function createWhistleEscalationRepository(db: Db) {
  return {
    /** Reports awaiting acceptance or verification, oldest first. */
    async candidates(source: Queryable): Promise<WhistleEscalationCandidate[]> {
      const rows = await source.query<WhistleEscalationCandidate>(
        `SELECT r.id, r.status, r.category, to_char(r.acceptance_due, 'YYYY-MM-DD') AS "acceptanceDue",
                to_char(r.verification_due, 'YYYY-MM-DD') AS "verificationDue",
                to_char(r.assigned_deadline, 'YYYY-MM-DD') AS "assignedDeadline",
                coalesce(r.assigned_county, r.county) AS county,
                coalesce(e.name, r.enterprise_name) AS "enterpriseName"
           FROM whistle_reports r LEFT JOIN enterprise_directory e ON e.id = r.enterprise_id
          WHERE r.status IN ('received', 'accepted') ORDER BY r.received_on, r.id`,
      );
      return rows.rows;
    },

    /** Records a step once; answers its id, or null when it had fired already. */
    async record(
      source: Queryable,
      reportId: string,
      subject: WhistleEscalationSubject,
      step: WhistleEscalationStep,
      deadline: string,
      at: Date,
    ): Promise<string | null> {
      const rows = await source.query<{ id: string }>(
        `INSERT INTO whistle_escalations (report_id, subject, step, deadline, fired_at, notified)
         VALUES ($1, $2, $3, $4, $5, 0)
         ON CONFLICT (report_id, subject, step, deadline) DO NOTHING RETURNING id`,
        [reportId, subject, step, deadline, at],
      );
      return rows.rows[0]?.id ?? null;
    },

    async setNotified(source: Queryable, id: string, notified: number): Promise<void> {
      await source.query('UPDATE whistle_escalations SET notified = $2 WHERE id = $1', [id, notified]);
    },

    /** The steps fired for a report, in order (its detail shows them). */
    async ofReport(reportId: string, source: Queryable = db): Promise<WhistleEscalationRecord[]> {
      const rows = await source.query<WhistleEscalationRecord & { firedAt: Date }>(
        `SELECT subject, step, to_char(deadline, 'YYYY-MM-DD') AS deadline, fired_at AS "firedAt", notified
           FROM whistle_escalations WHERE report_id = $1 ORDER BY fired_at, deadline, step`,
        [reportId],
      );
      return rows.rows.map((row) => ({ ...row, firedAt: new Date(row.firedAt).toISOString() }));
    },
  };
}

export type WhistleEscalationRepository = ReturnType<typeof createWhistleEscalationRepository>;
