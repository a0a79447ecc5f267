import type { Queryable } from '../../platform/db.ts';

/** The figures a mid-term or final evaluation report is drafted from (one plan). */
export async function evaluationFigures(source: Queryable, planId: string, today: string) {
  const chapters = await source.query<{
    no: number;
    title: string;
    tasks: number;
    assigned: number;
    done: number;
    avg: number | null;
    deliverables: number;
    delivered: number;
  }>(
    `SELECT c.no, c.title, count(DISTINCT t.id)::int AS tasks, count(a.id)::int AS assigned,
            count(a.id) FILTER (WHERE a.status = 'done')::int AS done, round(avg(a.percent))::int AS avg,
            (SELECT count(*)::int FROM plan_deliverables d JOIN plan_tasks dt ON dt.id = d.task_id
              WHERE d.plan_id = $1 AND dt.chapter_no = c.no) AS deliverables,
            (SELECT count(*)::int FROM plan_deliverables d JOIN plan_tasks dt ON dt.id = d.task_id
              WHERE d.plan_id = $1 AND dt.chapter_no = c.no AND d.delivered_on IS NOT NULL) AS delivered
       FROM plan_chapters c LEFT JOIN plan_tasks t ON t.plan_id = c.plan_id AND t.chapter_no = c.no
       LEFT JOIN plan_assignments a ON a.task_id = t.id
      WHERE c.plan_id = $1 GROUP BY c.no, c.title ORDER BY c.no`,
    [planId],
  );
  const units = await source.query<{
    name: string;
    assigned: number;
    done: number;
    avg: number;
    overdue: number;
  }>(
    `SELECT o.name, count(a.id)::int AS assigned, count(a.id) FILTER (WHERE a.status = 'done')::int AS done,
            round(avg(a.percent))::int AS avg,
            (SELECT count(*)::int FROM plan_milestones m JOIN plan_assignments b ON b.id = m.assignment_id
              JOIN plan_tasks u ON u.id = b.task_id
              WHERE b.organisation_id = o.id AND u.plan_id = $1 AND m.done_at IS NULL AND m.due_date < $2::date) AS overdue
       FROM plan_assignments a JOIN plan_tasks t ON t.id = a.task_id JOIN organisations o ON o.id = a.organisation_id
      WHERE t.plan_id = $1 GROUP BY o.id, o.name, o.code ORDER BY o.code`,
    [planId, today],
  );
  const projects = await source.query<{
    code: string;
    title: string;
    lead: string | null;
    avg: number | null;
    assigned: number;
  }>(
    `SELECT t.code, t.title, l.name AS lead, round(avg(a.percent))::int AS avg, count(a.id)::int AS assigned
       FROM plan_tasks t LEFT JOIN organisations l ON l.id = t.lead_org_id LEFT JOIN plan_assignments a ON a.task_id = t.id
      WHERE t.plan_id = $1 AND t.kind = 'project' GROUP BY t.id, t.code, t.title, l.name, t.position ORDER BY t.position`,
    [planId],
  );
  const problems = await source.query<{ unit: string; task: string; milestone: string; due: string }>(
    `SELECT o.name AS unit, t.title AS task, m.title AS milestone, to_char(m.due_date, 'YYYY-MM-DD') AS due
       FROM plan_milestones m JOIN plan_assignments a ON a.id = m.assignment_id JOIN plan_tasks t ON t.id = a.task_id
       JOIN organisations o ON o.id = a.organisation_id
      WHERE t.plan_id = $1 AND m.done_at IS NULL AND m.due_date < $2::date ORDER BY m.due_date, o.code, m.id LIMIT 200`,
    [planId, today],
  );
  return { chapters: chapters.rows, units: units.rows, projects: projects.rows, problems: problems.rows };
}

export type EvaluationFigures = Awaited<ReturnType<typeof evaluationFigures>>;
