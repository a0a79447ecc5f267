import type { DataScope, EmergencyPlanInput, Page } from '@anjian/domain';
import type { Db, Queryable } from '../../platform/db.ts';
import { conditionsOf, containing, countyVisible } from './emergency-scope.ts';
import { listPage } from '../../platform/sql-page.ts';

export interface PlanRecord {
  id: string;
  name: string;
  level: EmergencyPlanInput['level'];
  type: EmergencyPlanInput['type'];
  county: string | null;
  department: string | null;
  accidentTypes: string[];
  responseLevels: EmergencyPlanInput['responseLevels'];
  attachments: string[];
  issuedOn: string;
  revisedOn: string;
  reviewDueOn: string;
  summary: string | null;
  drills: { id: string; title: string; heldOn: string; status: string }[];
  demo: boolean;
}

export type PlanWrite = Omit<PlanRecord, 'id' | 'drills' | 'demo'>;

interface Row {
  id: string;
  name: string;
  level: PlanRecord['level'];
  plan_type: PlanRecord['type'];
  county: string | null;
  department: string | null;
  accident_types: string[];
  response_levels: PlanRecord['responseLevels'];
  attachments: string[];
  issued_on: string;
  revised_on: string;
  review_due_on: string;
  summary: string | null;
  drills: PlanRecord['drills'] | null;
  demo: boolean;
}

function toRecord(row: Row): PlanRecord {
  return {
    id: row.id,
    name: row.name,
    level: row.level,
    type: row.plan_type,
    county: row.county,
    department: row.department,
    accidentTypes: row.accident_types,
    responseLevels: row.response_levels,
    attachments: row.attachments,
    issuedOn: row.issued_on,
    revisedOn: row.revised_on,
    reviewDueOn: row.review_due_on,
    summary: row.summary,
    drills: row.drills ?? [],
    demo: row.demo,
  };
}

// Dates as text so that a calendar date never shifts with the session time zone.
function selectSql(scope: DataScope, params: unknown[]): string {
  return `SELECT p.id, p.name, p.level, p.plan_type, p.county, p.department, p.accident_types, p.response_levels,
      p.attachments::text[] AS attachments, p.issued_on::text AS issued_on, p.revised_on::text AS revised_on,
      p.review_due_on::text AS review_due_on, p.summary, p.demo,
      (SELECT json_agg(json_build_object('id', d.id, 'title', d.title, 'heldOn', d.held_on::text, 'status', d.status)
                       ORDER BY d.held_on DESC, d.id)
         FROM drills d WHERE d.plan_id = p.id AND ${countyVisible(scope, 'd.county', params)}) AS drills
    FROM emergency_plans p`;
}

export function createPlansRepository(db: Db) {
  return {
    async list(
      scope: DataScope,
      filter: {
        level?: string | undefined;
        type?: string | undefined;
        county?: string | undefined;
        q?: string | undefined;
        review?: 'due' | 'overdue' | undefined;
      },
      today: string,
      page: { page: number; pageSize: number },
    ): Promise<Page<PlanRecord>> {
      const c = conditionsOf(scope, 'p.county');
      if (filter.level) c.add((n) => `p.level = $${n}`, filter.level);
      if (filter.type) c.add((n) => `p.plan_type = $${n}`, filter.type);
      if (filter.county) c.add((n) => `p.county = $${n}`, filter.county);
      if (filter.q) c.add((n) => `(p.name ILIKE $${n} OR p.department ILIKE $${n})`, containing(filter.q));
      // 90 days ahead, the same reminder horizon as planReviewStatus.
      if (filter.review === 'due') c.add((n) => `p.review_due_on <= $${n}::date + 90`, today);
      if (filter.review === 'overdue') c.add((n) => `p.review_due_on < $${n}::date`, today);
      const where = c.where();
      const params = [...c.params];
      const select = selectSql(scope, params);
      return listPage(
        db,
        {
          select,
          countFrom: 'FROM emergency_plans p',
          where,
          orderBy: 'p.review_due_on, p.name, p.id',
          params,
          countParams: c.params,
        },
        page,
        toRecord,
      );
    },

    async find(id: string, scope: DataScope, source: Queryable = db): Promise<PlanRecord | null> {
      const params: unknown[] = [id];
      const select = selectSql(scope, params);
      const rows = await source.query<Row>(
        `${select} WHERE p.id = $1 AND ${countyVisible(scope, 'p.county', params)}`,
        params,
      );
      return rows.rows[0] ? toRecord(rows.rows[0]) : null;
    },

    async insert(source: Queryable, data: PlanWrite, demo: boolean, at: Date): Promise<string> {
      const rows = await source.query<{ id: string }>(
        `INSERT INTO emergency_plans (name, level, plan_type, county, department, accident_types, response_levels, attachments,
           issued_on, revised_on, review_due_on, summary, demo, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14) RETURNING id`,
        [...values(data), demo, at],
      );
      return rows.rows[0]!.id;
    },

    async update(id: string, data: PlanWrite, at: Date): Promise<void> {
      await db.query(
        `UPDATE emergency_plans SET name = $2, level = $3, plan_type = $4, county = $5, department = $6, accident_types = $7,
           response_levels = $8, attachments = $9, issued_on = $10, revised_on = $11, review_due_on = $12, summary = $13,
           updated_at = $14 WHERE id = $1`,
        [id, ...values(data), at],
      );
    },

    async remove(id: string): Promise<void> {
      await db.query('DELETE FROM emergency_plans WHERE id = $1', [id]);
    },
  };
}

function values(data: PlanWrite): unknown[] {
  return [
    data.name,
    data.level,
    data.type,
    data.county,
    data.department,
    data.accidentTypes,
    JSON.stringify(data.responseLevels),
    data.attachments,
    data.issuedOn,
    data.revisedOn,
    data.reviewDueOn,
    data.summary,
  ];
}

export type PlansRepository = ReturnType<typeof createPlansRepository>;
