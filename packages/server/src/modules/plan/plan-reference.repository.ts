import {
  yuxiOrganisations,
  yuxiPlan,
  type OrganisationDefinition,
  type PlanDeliverableDefinition,
  type PlanDefinition,
} from '@anjian/domain';
import type { Clock } from '../../platform/clock.ts';
import { inTransaction, type Db, type Queryable } from '../../platform/db.ts';

/** Organisations as reference data: inserted when missing, names kept in step; never deleted. */
export async function upsertOrganisations(
  source: Queryable,
  organisations: readonly OrganisationDefinition[],
  builtin: boolean,
): Promise<void> {
  for (const org of organisations) {
    await source.query(
      `INSERT INTO organisations (code, parent_id, kind, name, division_code, sectors, builtin)
       VALUES ($1, (SELECT id FROM organisations WHERE code = $2), $3, $4, $5, $6, $7)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, sectors = EXCLUDED.sectors`,
      [org.code, org.parentCode, org.kind, org.name, org.divisionCode, org.sectors, builtin],
    );
  }
}

/**
 * Loads a plan's structure (chapters, tasks with lead and participating units by code, 专栏,
 * indicators). A plan already loaded (same code) is left as it is: its tasks carry assignments.
 * Answers the plan's id and whether it was new.
 */
export async function insertPlan(
  source: Queryable,
  plan: PlanDefinition,
  builtin: boolean,
  at: Date,
): Promise<{ id: string; created: boolean }> {
  const inserted = await source.query<{ id: string }>(
    `INSERT INTO plans (code, name, start_year, end_year, builtin, created_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (code) DO NOTHING RETURNING id`,
    [plan.code, plan.name, plan.startYear, plan.endYear, builtin, at],
  );
  if (!inserted.rows[0]) {
    const existing = await source.query<{ id: string }>('SELECT id FROM plans WHERE code = $1', [plan.code]);
    return { id: existing.rows[0]!.id, created: false };
  }
  const id = inserted.rows[0].id;
  for (const chapter of plan.chapters)
    await source.query('INSERT INTO plan_chapters (plan_id, no, title) VALUES ($1, $2, $3)', [
      id,
      chapter.no,
      chapter.title,
    ]);
  for (const [position, task] of plan.tasks.entries())
    await source.query(
      `INSERT INTO plan_tasks (plan_id, code, chapter_no, kind, title, lead_org_id, participants, position)
       VALUES ($1, $2, $3, $4, $5, (SELECT id FROM organisations WHERE code = $6),
               coalesce((SELECT array_agg(id) FROM organisations WHERE code = ANY ($7::text[])), '{}'), $8)`,
      [id, task.code, task.chapterNo, task.kind, task.title, task.lead, task.participants, position],
    );
  for (const column of plan.columns)
    await source.query(
      'INSERT INTO plan_columns (plan_id, no, title, task_code, items) VALUES ($1, $2, $3, $4, $5)',
      [id, column.no, column.title, column.taskCode, column.items],
    );
  for (const indicator of plan.indicators)
    await source.query(
      `INSERT INTO plan_indicators (plan_id, no, name, target, nature, indicator_code) VALUES ($1, $2, $3, $4, $5, $6)`,
      [id, indicator.no, indicator.name, indicator.target, indicator.nature, indicator.indicatorCode],
    );
  await insertDeliverables(source, id, plan.deliverables ?? []);
  return { id, created: true };
}

/** A plan's deliverables, tied to its tasks by code (a code the plan lacks is skipped). */
export async function insertDeliverables(
  source: Queryable,
  planId: string,
  deliverables: readonly PlanDeliverableDefinition[],
  demo = false,
): Promise<void> {
  for (const [position, d] of deliverables.entries())
    await source.query(
      `INSERT INTO plan_deliverables (plan_id, task_id, column_no, position, what, kind, target_count, due_year, demo)
       SELECT $1, t.id, $3, $4, $5, $6, $7, $8, $9 FROM plan_tasks t WHERE t.plan_id = $1 AND t.code = $2`,
      [planId, d.taskCode, d.columnNo, position, d.what, d.kind, d.targetCount, d.dueYear, demo],
    );
}

/** A loaded plan's deliverables as definitions (the plan's export): by task code, in order. */
/** A deliverable as the plan export writes it: what is promised and whether it was delivered. */
export type DeliverableWithState = PlanDeliverableDefinition & {
  delivered?: { on: string; unit: string | null } | null;
};

export async function deliverableDefinitions(
  source: Queryable,
  planId: string,
): Promise<DeliverableWithState[]> {
  const rows = await source.query<{
    delivered_on: string | null;
    unit: string | null;
    code: string;
    column_no: number | null;
    what: string;
    kind: PlanDeliverableDefinition['kind'];
    target_count: number | null;
    due_year: number;
  }>(
    `SELECT t.code, d.column_no, d.what, d.kind, d.target_count, d.due_year,
            to_char(d.delivered_on, 'YYYY-MM-DD') AS delivered_on, o.name AS unit
       FROM plan_deliverables d JOIN plan_tasks t ON t.id = d.task_id
       LEFT JOIN organisations o ON o.id = d.delivered_org
      WHERE d.plan_id = $1 ORDER BY t.position, d.position, d.id`,
    [planId],
  );
  return rows.rows.map((r) => ({
    taskCode: r.code,
    columnNo: r.column_no,
    what: r.what,
    kind: r.kind,
    targetCount: r.target_count,
    dueYear: r.due_year,
    delivered: r.delivered_on ? { on: r.delivered_on, unit: r.unit } : null,
  }));
}

/** What every database holds before the first request: Yuxi's units and the 十四五 plan. */
export async function seedPlanReferenceData(db: Db, clock: Clock): Promise<void> {
  await inTransaction(db, async (tx) => {
    await upsertOrganisations(tx, yuxiOrganisations, true);
    const { id, created } = await insertPlan(tx, yuxiPlan, true, clock.now());
    // A database that loaded the plan before deliverables were stored gets them once.
    if (
      !created &&
      ((await tx.query('SELECT 1 FROM plan_deliverables WHERE plan_id = $1', [id])).rowCount ?? 0) === 0
    )
      await insertDeliverables(tx, id, yuxiPlan.deliverables ?? []);
  });
}
