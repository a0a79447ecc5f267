import type { DeliverableKind } from '@anjian/domain';
import type { Queryable } from '../../platform/db.ts';
import { viewerUnitsCondition, type PlanViewer } from './plan-viewer.ts';

/** Reading and marking the deliverables (成果) of a plan's tasks (table plan_deliverables). */
export const planDeliverablesRepository = {
  /**
   * The task as the viewer may see it: null when there is no such task; `organisationId` is the
   * viewer's unit responsible for it (its lead, else the first unit assigned), null when none is.
   */
  async responsibleUnit(
    source: Queryable,
    viewer: PlanViewer,
    taskId: string,
  ): Promise<{ organisationId: string | null } | null> {
    const params: unknown[] = [taskId];
    const lead = viewerUnitsCondition(viewer, 't.lead_org_id', params);
    const assigned = viewerUnitsCondition(viewer, 'a.organisation_id', params);
    const rows = await source.query<{ id: string | null }>(
      `SELECT CASE WHEN ${lead} THEN t.lead_org_id
                   ELSE (SELECT a.organisation_id FROM plan_assignments a
                          WHERE a.task_id = t.id AND ${assigned} ORDER BY a.assigned_at LIMIT 1) END AS id
         FROM plan_tasks t WHERE t.id = $1`,
      params,
    );
    const row = rows.rows[0];
    return row ? { organisationId: row.id } : null;
  },

  async ofTask(source: Queryable, taskId: string) {
    const rows = await source.query<{
      id: string;
      task_id: string;
      column_no: number | null;
      what: string;
      kind: DeliverableKind;
      target_count: number | null;
      due_year: number;
      demo: boolean;
      delivered_on: string | null;
      delivered_by: string | null;
      delivered_org: string | null;
      evidence: string[];
      evidence_link: string | null;
      note: string;
    }>(
      `SELECT d.id, d.task_id, d.column_no, d.what, d.kind, d.target_count, d.due_year, d.demo,
              to_char(d.delivered_on, 'YYYY-MM-DD') AS delivered_on, u.display_name AS delivered_by,
              o.name AS delivered_org, d.evidence::text[] AS evidence, d.evidence_link, d.note
         FROM plan_deliverables d LEFT JOIN users u ON u.id = d.delivered_by
         LEFT JOIN organisations o ON o.id = d.delivered_org
        WHERE d.task_id = $1 ORDER BY d.position, d.id`,
      [taskId],
    );
    return rows.rows.map((r) => ({
      id: r.id,
      taskId: r.task_id,
      columnNo: r.column_no,
      what: r.what,
      kind: r.kind,
      targetCount: r.target_count,
      dueYear: r.due_year,
      demo: r.demo,
      deliveredOn: r.delivered_on,
      deliveredBy: r.delivered_by,
      deliveredOrganisation: r.delivered_org,
      evidence: r.evidence,
      link: r.evidence_link,
      note: r.note,
    }));
  },

  /** Locks one deliverable for marking; null when there is none. */
  async lock(source: Queryable, id: string): Promise<{ taskId: string; delivered: boolean } | null> {
    const rows = await source.query<{ task_id: string; delivered: boolean }>(
      'SELECT task_id, delivered_on IS NOT NULL AS delivered FROM plan_deliverables WHERE id = $1 FOR UPDATE',
      [id],
    );
    const row = rows.rows[0];
    return row ? { taskId: row.task_id, delivered: row.delivered } : null;
  },

  async markDelivered(
    source: Queryable,
    id: string,
    input: { deliveredOn: string; evidence: readonly string[]; link: string; note: string },
    by: { userId: string; organisationId: string },
    at: Date,
  ): Promise<void> {
    await source.query(
      `UPDATE plan_deliverables SET delivered_on = $2, delivered_by = $3, delivered_org = $4, delivered_at = $5,
              evidence = $6, evidence_link = nullif($7, ''), note = $8 WHERE id = $1`,
      [
        id,
        input.deliveredOn,
        by.userId,
        by.organisationId,
        at,
        [...new Set(input.evidence)],
        input.link,
        input.note,
      ],
    );
  },

  /** Clears the delivered mark; answers what it was (the date and the marking unit's name). */
  async clearDelivered(source: Queryable, id: string): Promise<{ deliveredOn: string; unit: string | null }> {
    const rows = await source.query<{ delivered_on: string; unit: string | null }>(
      `WITH before AS (
         SELECT d.id, to_char(d.delivered_on, 'YYYY-MM-DD') AS delivered_on, o.name AS unit
           FROM plan_deliverables d LEFT JOIN organisations o ON o.id = d.delivered_org WHERE d.id = $1)
       UPDATE plan_deliverables d SET delivered_on = NULL, delivered_by = NULL, delivered_org = NULL,
              delivered_at = NULL, evidence = '{}', evidence_link = NULL, note = ''
         FROM before WHERE d.id = before.id
       RETURNING before.delivered_on, before.unit`,
      [id],
    );
    const row = rows.rows[0]!;
    return { deliveredOn: row.delivered_on, unit: row.unit };
  },
};
