import type { PlanEscalationStep } from '@anjian/domain';
import type { Db, Queryable } from '../../platform/db.ts';
import type { PageRequest } from '../../platform/sql-page.ts';
import { listPage } from '../../platform/sql-page.ts';
import { viewerUnitsCondition, type PlanViewer } from './plan-viewer.ts';

export interface MilestoneCandidate {
  id: string;
  title: string;
  dueDate: string;
  assignmentId: string;
  organisationId: string;
  organisationName: string;
  taskTitle: string;
}

export function createPlanEscalationRepository(db: Db) {
  return {
    /** Unfinished milestones due on or before `horizon` (a China date). */
    async candidates(source: Queryable, horizon: string): Promise<MilestoneCandidate[]> {
      const rows = await source.query<MilestoneCandidate>(
        `SELECT m.id, m.title, to_char(m.due_date, 'YYYY-MM-DD') AS "dueDate", a.id AS "assignmentId",
                a.organisation_id AS "organisationId", o.name AS "organisationName", t.title AS "taskTitle"
           FROM plan_milestones m JOIN plan_assignments a ON a.id = m.assignment_id
           JOIN plan_tasks t ON t.id = a.task_id JOIN organisations o ON o.id = a.organisation_id
          WHERE m.done_at IS NULL AND m.due_date <= $1::date ORDER BY m.due_date, m.id`,
        [horizon],
      );
      return rows.rows;
    },

    /** Records a step once; answers its id, or null when it had fired already. */
    async record(
      source: Queryable,
      milestoneId: string,
      step: PlanEscalationStep,
      at: Date,
      notified: number,
    ) {
      const rows = await source.query<{ id: string }>(
        `INSERT INTO plan_escalations (milestone_id, step, fired_at, notified) VALUES ($1, $2, $3, $4)
         ON CONFLICT (milestone_id, step) DO NOTHING RETURNING id`,
        [milestoneId, step, at, notified],
      );
      return rows.rows[0]?.id ?? null;
    },

    async setNotified(source: Queryable, id: string, notified: number): Promise<void> {
      await source.query('UPDATE plan_escalations SET notified = $2 WHERE id = $1', [id, notified]);
    },

    async list(viewer: PlanViewer, page: PageRequest) {
      const params: unknown[] = [];
      const where = viewerUnitsCondition(viewer, 'a.organisation_id', params);
      return listPage(
        db,
        {
          select: `SELECT e.id, e.milestone_id, m.title, to_char(m.due_date, 'YYYY-MM-DD') AS due_date, a.id AS assignment_id,
                          t.title AS task_title, o.name AS organisation_name, e.step, e.fired_at, e.notified
                     FROM plan_escalations e JOIN plan_milestones m ON m.id = e.milestone_id
                     JOIN plan_assignments a ON a.id = m.assignment_id JOIN plan_tasks t ON t.id = a.task_id
                     JOIN organisations o ON o.id = a.organisation_id`,
          countFrom:
            'FROM plan_escalations e JOIN plan_milestones m ON m.id = e.milestone_id JOIN plan_assignments a ON a.id = m.assignment_id',
          where,
          orderBy: 'e.fired_at DESC, e.id',
          params,
        },
        page,
        (row: {
          id: string;
          milestone_id: string;
          title: string;
          due_date: string;
          assignment_id: string;
          task_title: string;
          organisation_name: string;
          step: PlanEscalationStep;
          fired_at: Date;
          notified: number;
        }) => ({
          id: row.id,
          milestoneId: row.milestone_id,
          milestoneTitle: row.title,
          dueDate: row.due_date,
          assignmentId: row.assignment_id,
          taskTitle: row.task_title,
          organisationName: row.organisation_name,
          step: row.step,
          firedAt: row.fired_at.toISOString(),
          notified: row.notified,
        }),
      );
    },
  };
}

export type PlanEscalationRepository = ReturnType<typeof createPlanEscalationRepository>;
