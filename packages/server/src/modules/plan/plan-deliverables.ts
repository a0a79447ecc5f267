import {
  DomainError,
  chinaDate,
  deliverableOverdue,
  type DataScope,
  type Deliverable,
  type DeliverableDeliver,
  type DeliverableKind,
} from '@anjian/domain';
import type { Clock } from '../../platform/clock.ts';
import { inTransaction, type Db, type Queryable } from '../../platform/db.ts';
import type { UploadLookup } from '../uploads/index.ts';
import { viewerUnitsCondition, type PlanViewer } from './plan-viewer.ts';

/**
 * Deliverables (成果) of a plan's tasks: the 安委办 sees every task's; a member unit sees and marks
 * delivered those of the tasks its units lead or were assigned (another unit's task answers 404).
 * Marking takes the date (not after today), evidence uploads and/or a link to an Anjian record, in
 * one transaction; a deliverable already delivered is not marked again (409).
 */
export function createPlanDeliverables(deps: { db: Db; clock: Clock; uploads: UploadLookup }) {
  const { db, clock, uploads } = deps;

  /** The viewer's unit responsible for the task (its lead, else an assigned one); null when none. */
  async function responsibleUnit(source: Queryable, viewer: PlanViewer, taskId: string) {
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
    if (!row) return null;
    return { organisationId: row.id };
  }

  /** The task when the viewer may see it (the 安委办 always, a unit when responsible). */
  async function visibleTask(source: Queryable, viewer: PlanViewer, taskId: string) {
    const unit = await responsibleUnit(source, viewer, taskId);
    if (!unit || (!viewer.manage && !unit.organisationId)) throw new DomainError('plan.task_not_found');
    return unit;
  }

  async function list(source: Queryable, viewer: PlanViewer, taskId: string): Promise<Deliverable[]> {
    const unit = await visibleTask(source, viewer, taskId);
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
    const today = chinaDate(clock.now());
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
      overdue: deliverableOverdue({ dueYear: r.due_year, deliveredOn: r.delivered_on }, today),
      allowedActions:
        !viewer.manage && unit.organisationId && r.delivered_on === null ? ['deliver' as const] : [],
    }));
  }

  return {
    list: (viewer: PlanViewer, taskId: string) => list(db, viewer, taskId),

    /** The responsible unit marks a deliverable delivered; answers the task's deliverables. */
    async deliver(viewer: PlanViewer, scope: DataScope, id: string, input: DeliverableDeliver) {
      const now = clock.now();
      return inTransaction(db, async (tx) => {
        const found = await tx.query<{ task_id: string; delivered: boolean }>(
          'SELECT task_id, delivered_on IS NOT NULL AS delivered FROM plan_deliverables WHERE id = $1 FOR UPDATE',
          [id],
        );
        const row = found.rows[0];
        const unit = row && !viewer.manage ? await responsibleUnit(tx, viewer, row.task_id) : null;
        if (!row || !unit?.organisationId) throw new DomainError('plan.deliverable_not_found');
        if (row.delivered) throw new DomainError('plan.deliverable_delivered');
        if (input.deliveredOn > chinaDate(now)) throw new DomainError('plan.deliverable_date_future');
        for (const upload of input.evidence)
          if (!(await uploads.find(upload, scope))) throw new DomainError('plan.evidence_not_found');
        await tx.query(
          `UPDATE plan_deliverables SET delivered_on = $2, delivered_by = $3, delivered_org = $4, delivered_at = $5,
                  evidence = $6, evidence_link = nullif($7, ''), note = $8 WHERE id = $1`,
          [
            id,
            input.deliveredOn,
            viewer.userId,
            unit.organisationId,
            now,
            [...new Set(input.evidence)],
            input.link,
            input.note,
          ],
        );
        return list(tx, viewer, row.task_id);
      });
    },
  };
}

export type PlanDeliverables = ReturnType<typeof createPlanDeliverables>;
