import { chinaDate, milestoneState, type Page } from '@anjian/domain';
import type { Db, Queryable } from '../../platform/db.ts';
import { listPage, type PageRequest } from '../../platform/sql-page.ts';
import { viewerUnitsCondition, type PlanViewer } from './plan-viewer.ts';

interface AssignmentRow {
  id: string;
  task_id: string;
  task_code: string;
  task_title: string;
  organisation_id: string;
  organisation_name: string;
  deadline: string;
  note: string;
  percent: number;
  status: 'open' | 'at_risk' | 'done';
  overdue: number;
  assigned_at: Date;
  figure_code: string | null;
  demo: boolean;
}

/** A China date for SQL text: checked, so nothing but YYYY-MM-DD reaches the query. */
function sqlDate(today: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error(`not a date: ${today}`);
  return today;
}

const assignmentSelect = (today: string) => `
  SELECT a.id, a.task_id, t.code AS task_code, t.title AS task_title, a.organisation_id, o.name AS organisation_name,
         to_char(a.deadline, 'YYYY-MM-DD') AS deadline, a.note, a.percent, a.status, a.assigned_at, a.figure_code, a.demo,
         (SELECT count(*)::int FROM plan_milestones m WHERE m.assignment_id = a.id AND m.done_at IS NULL
            AND m.due_date < '${sqlDate(today)}'::date) AS overdue
    FROM plan_assignments a JOIN plan_tasks t ON t.id = a.task_id JOIN organisations o ON o.id = a.organisation_id`;

function toAssignment(row: AssignmentRow) {
  return {
    id: row.id,
    taskId: row.task_id,
    taskCode: row.task_code,
    taskTitle: row.task_title,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    deadline: row.deadline,
    note: row.note,
    percent: row.percent,
    status: row.status,
    overdueMilestones: row.overdue,
    assignedAt: row.assigned_at.toISOString(),
    figureCode: row.figure_code,
    demo: row.demo,
  };
}
export type Assignment = ReturnType<typeof toAssignment>;

export interface AssignmentFilter {
  q?: string | undefined;
  organisationId?: string | undefined;
  overdue?: 'true' | 'false' | undefined;
  /** Only the tasks of this plan. */
  planId?: string | undefined;
}

export function createPlanRepository(db: Db) {
  return {
    async organisations() {
      const rows = await db.query<{
        id: string;
        code: string;
        parent_id: string | null;
        kind: 'committee' | 'city_department' | 'county' | 'county_department' | 'township';
        name: string;
        division_code: string;
        sectors: string[];
        members: number;
      }>(
        `SELECT o.*, (SELECT count(*)::int FROM organisation_members m WHERE m.organisation_id = o.id) AS members
           FROM organisations o ORDER BY array_position(ARRAY['committee','city_department','county','county_department','township'], o.kind), o.division_code, o.code`,
      );
      return rows.rows.map((row) => ({
        id: row.id,
        code: row.code,
        parentId: row.parent_id,
        kind: row.kind,
        name: row.name,
        divisionCode: row.division_code,
        sectors: row.sectors,
        memberCount: row.members,
      }));
    },

    async organisationName(source: Queryable, id: string): Promise<string | null> {
      const rows = await source.query<{ name: string }>('SELECT name FROM organisations WHERE id = $1', [id]);
      return rows.rows[0]?.name ?? null;
    },

    async existingUsers(source: Queryable, ids: readonly string[]): Promise<number> {
      const rows = await source.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM users WHERE id = ANY ($1::uuid[])',
        [ids],
      );
      return rows.rows[0]!.n;
    },

    async setMembers(source: Queryable, organisationId: string, userIds: readonly string[]): Promise<void> {
      await source.query('DELETE FROM organisation_members WHERE organisation_id = $1', [organisationId]);
      await source.query(
        `INSERT INTO organisation_members (organisation_id, user_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
        [organisationId, userIds],
      );
    },

    async planExists(id: string): Promise<boolean> {
      return ((await db.query('SELECT 1 FROM plans WHERE id = $1', [id])).rowCount ?? 0) > 0;
    },

    async plans() {
      const rows = await db.query<{
        id: string;
        code: string;
        name: string;
        start_year: number;
        end_year: number;
        builtin: boolean;
      }>('SELECT id, code, name, start_year, end_year, builtin FROM plans ORDER BY start_year DESC, code');
      return rows.rows.map((r) => ({
        id: r.id,
        code: r.code,
        name: r.name,
        startYear: r.start_year,
        endYear: r.end_year,
        builtin: r.builtin,
      }));
    },

    async plan(id: string) {
      const plan = (await this.plans()).find((p) => p.id === id);
      if (!plan) return null;
      const [chapters, tasks, columns, indicators] = await Promise.all([
        db.query<{ no: number; title: string }>(
          'SELECT no, title FROM plan_chapters WHERE plan_id = $1 ORDER BY no',
          [id],
        ),
        db.query<{
          id: string;
          code: string;
          chapter_no: number;
          kind: 'task' | 'project';
          title: string;
          lead: string | null;
          participants: string[];
          assignments: number;
          milestones: { year: number; title: string }[];
        }>(
          `SELECT t.id, t.code, t.chapter_no, t.kind, t.title, l.name AS lead,
                  coalesce((SELECT array_agg(o.name ORDER BY o.code) FROM organisations o WHERE o.id = ANY (t.participants)), '{}') AS participants,
                  (SELECT count(*)::int FROM plan_assignments a WHERE a.task_id = t.id) AS assignments,
                  coalesce((SELECT json_agg(json_build_object('year', m.year, 'title', m.title) ORDER BY m.position)
                              FROM plan_task_milestones m WHERE m.task_id = t.id), '[]') AS milestones
             FROM plan_tasks t LEFT JOIN organisations l ON l.id = t.lead_org_id
            WHERE t.plan_id = $1 ORDER BY t.position`,
          [id],
        ),
        db.query<{ no: number; title: string; task_code: string | null; items: string[] }>(
          'SELECT no, title, task_code, items FROM plan_columns WHERE plan_id = $1 ORDER BY no',
          [id],
        ),
        db.query<{ no: number; name: string; target: string; nature: string; indicator_code: string }>(
          'SELECT no, name, target, nature, indicator_code FROM plan_indicators WHERE plan_id = $1 ORDER BY no',
          [id],
        ),
      ]);
      return {
        ...plan,
        chapters: chapters.rows,
        tasks: tasks.rows.map((t) => ({
          id: t.id,
          code: t.code,
          chapterNo: t.chapter_no,
          kind: t.kind,
          title: t.title,
          lead: t.lead,
          participants: t.participants,
          assignments: t.assignments,
          milestones: t.milestones,
        })),
        columns: columns.rows.map((c) => ({
          no: c.no,
          title: c.title,
          taskCode: c.task_code,
          items: c.items,
        })),
        indicators: indicators.rows.map((i) => ({
          no: i.no,
          name: i.name,
          target: i.target,
          nature: i.nature,
          indicatorCode: i.indicator_code,
        })),
      };
    },

    async taskExists(source: Queryable, id: string): Promise<boolean> {
      return ((await source.query('SELECT 1 FROM plan_tasks WHERE id = $1', [id])).rowCount ?? 0) > 0;
    },

    /** Inserts the assignment and its milestones; null when the unit has the task already. */
    async insertAssignment(
      source: Queryable,
      input: {
        taskId: string;
        organisationId: string;
        deadline: string;
        note: string;
        milestones: readonly { title: string; deliverable: string; dueDate: string }[];
        figureCode?: string | null;
      },
      by: string,
      at: Date,
      demo = false,
    ): Promise<string | null> {
      const rows = await source.query<{ id: string }>(
        `INSERT INTO plan_assignments (task_id, organisation_id, deadline, note, assigned_by, assigned_at, updated_at, demo, figure_code)
         VALUES ($1, $2, $3, $4, $5, $6, $6, $7, $8) ON CONFLICT (task_id, organisation_id) DO NOTHING RETURNING id`,
        [
          input.taskId,
          input.organisationId,
          input.deadline,
          input.note,
          by,
          at,
          demo,
          input.figureCode ?? null,
        ],
      );
      const id = rows.rows[0]?.id;
      if (!id) return null;
      for (const [position, m] of input.milestones.entries())
        await source.query(
          `INSERT INTO plan_milestones (assignment_id, title, deliverable, due_date, position) VALUES ($1, $2, $3, $4, $5)`,
          [id, m.title, m.deliverable, m.dueDate, position],
        );
      return id;
    },

    async listAssignments(
      viewer: PlanViewer,
      filter: AssignmentFilter,
      page: PageRequest,
      now: Date,
    ): Promise<Page<Assignment>> {
      const today = chinaDate(now);
      const params: unknown[] = [];
      const where = [viewerUnitsCondition(viewer, 'a.organisation_id', params)];
      if (filter.q) {
        params.push(`%${filter.q}%`);
        where.push(
          `(t.title ILIKE $${params.length} OR o.name ILIKE $${params.length} OR t.code = $${params.length})`,
        );
      }
      if (filter.organisationId) {
        params.push(filter.organisationId);
        where.push(`a.organisation_id = $${params.length}`);
      }
      if (filter.planId) {
        params.push(filter.planId);
        where.push(`t.plan_id = $${params.length}`);
      }
      if (filter.overdue) {
        where.push(
          `${filter.overdue === 'true' ? '' : 'NOT '}EXISTS (SELECT 1 FROM plan_milestones m WHERE m.assignment_id = a.id AND m.done_at IS NULL AND m.due_date < '${sqlDate(today)}'::date)`,
        );
      }
      return listPage(
        db,
        {
          select: assignmentSelect(today),
          countFrom:
            'FROM plan_assignments a JOIN plan_tasks t ON t.id = a.task_id JOIN organisations o ON o.id = a.organisation_id',
          where: where.join(' AND '),
          orderBy: 't.position, o.code, a.id',
          params,
        },
        page,
        toAssignment,
      );
    },

    /** One assignment the viewer may see, with its milestones and progress; null otherwise. */
    async assignment(source: Queryable, viewer: PlanViewer, id: string, now: Date) {
      const today = chinaDate(now);
      const params: unknown[] = [id];
      const scope = viewerUnitsCondition(viewer, 'a.organisation_id', params);
      const rows = await source.query<AssignmentRow>(
        `${assignmentSelect(today)} WHERE a.id = $1 AND ${scope}`,
        params,
      );
      const row = rows.rows[0];
      if (!row) return null;
      const milestones = await source.query<{
        id: string;
        title: string;
        deliverable: string;
        due_date: string;
        done_at: string | null;
        escalation: 'reminder' | 'warning' | 'notice' | 'interview' | null;
      }>(
        `SELECT m.id, m.title, m.deliverable, to_char(m.due_date, 'YYYY-MM-DD') AS due_date, to_char(m.done_at, 'YYYY-MM-DD') AS done_at,
                (SELECT e.step FROM plan_escalations e WHERE e.milestone_id = m.id
                  ORDER BY array_position(ARRAY['reminder','warning','notice','interview'], e.step) DESC LIMIT 1) AS escalation
           FROM plan_milestones m WHERE m.assignment_id = $1 ORDER BY m.position`,
        [id],
      );
      const progress = await source.query<{
        id: string;
        percent: number;
        status: 'on_track' | 'at_risk' | 'done';
        note: string;
        evidence: string[];
        reporter: string;
        reported_at: Date;
      }>(
        `SELECT p.id, p.percent, p.status, p.note, p.evidence, u.display_name AS reporter, p.reported_at
           FROM plan_progress p JOIN users u ON u.id = p.reported_by WHERE p.assignment_id = $1 ORDER BY p.reported_at DESC, p.id`,
        [id],
      );
      return {
        ...toAssignment(row),
        milestones: milestones.rows.map((m) => ({
          id: m.id,
          title: m.title,
          deliverable: m.deliverable,
          dueDate: m.due_date,
          doneAt: m.done_at,
          state: milestoneState(m.due_date, m.done_at, today),
          escalation: m.escalation,
        })),
        progress: progress.rows.map((p) => ({
          id: p.id,
          percent: p.percent,
          status: p.status,
          note: p.note,
          evidence: p.evidence,
          reportedBy: p.reporter,
          reportedAt: p.reported_at.toISOString(),
        })),
      };
    },

    async lockAssignment(source: Queryable, id: string): Promise<boolean> {
      return (
        ((await source.query('SELECT 1 FROM plan_assignments WHERE id = $1 FOR UPDATE', [id])).rowCount ??
          0) > 0
      );
    },

    async insertProgress(
      source: Queryable,
      assignmentId: string,
      report: {
        percent: number;
        status: 'on_track' | 'at_risk' | 'done';
        note: string;
        evidence: readonly string[];
      },
      by: string,
      at: Date,
    ): Promise<void> {
      await source.query(
        `INSERT INTO plan_progress (assignment_id, percent, status, note, evidence, reported_by, reported_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [assignmentId, report.percent, report.status, report.note, report.evidence, by, at],
      );
      await source.query(
        `UPDATE plan_assignments SET percent = $2, status = CASE $3 WHEN 'on_track' THEN 'open' ELSE $3 END, updated_at = $4 WHERE id = $1`,
        [assignmentId, report.percent, report.status, at],
      );
    },

    /** Marks milestones of the assignment done; answers how many of the ids belong to it. */
    async finishMilestones(
      source: Queryable,
      assignmentId: string,
      ids: readonly string[],
      today: string,
    ): Promise<number> {
      const owned = await source.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM plan_milestones WHERE assignment_id = $1 AND id = ANY ($2::uuid[])',
        [assignmentId, ids],
      );
      await source.query(
        'UPDATE plan_milestones SET done_at = coalesce(done_at, $3::date) WHERE assignment_id = $1 AND id = ANY ($2::uuid[])',
        [assignmentId, ids, today],
      );
      return owned.rows[0]!.n;
    },
  };
}

export type PlanRepository = ReturnType<typeof createPlanRepository>;
