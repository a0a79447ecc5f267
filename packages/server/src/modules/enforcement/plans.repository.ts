import type { DataScope, PlanInput } from '@anjian/domain';
import type { Db, Queryable } from '../../platform/db.ts';
import { divisionCondition } from './enforcement-scope.ts';

export interface PlanTarget {
  categoryCode: string;
  county: string;
  count: number;
}

export interface PlanRow {
  id: string;
  county: string;
  kind: 'annual' | 'monthly';
  year: number;
  month: number | null;
  title: string;
  targets: PlanTarget[];
  focus: { enterpriseId: string; enterpriseName: string; reason: string }[];
  demo: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** Completed inspections in a period, counted by the enterprise's category, county and month. */
export interface ProgressCount {
  categoryCode: string | null;
  county: string;
  month: number;
  count: number;
}

const select = `
  SELECT p.id, p.county, p.kind, p.year, p.month, p.title, p.targets, p.demo, p.created_at, p.updated_at,
         coalesce((SELECT json_agg(json_build_object('enterpriseId', f.value->>'enterpriseId',
                     'enterpriseName', coalesce(e.name, ''), 'reason', f.value->>'reason') ORDER BY f.ord)
                   FROM jsonb_array_elements(p.focus) WITH ORDINALITY AS f(value, ord)
                   LEFT JOIN enterprise_directory e ON e.id = (f.value->>'enterpriseId')::uuid), '[]') AS focus
    FROM enforcement_plans p`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const toPlan = (r: any): PlanRow => ({
  id: r.id,
  county: r.county,
  kind: r.kind,
  year: r.year,
  month: r.month,
  title: r.title,
  targets: r.targets,
  focus: r.focus,
  demo: r.demo,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const focusJson = (input: PlanInput) =>
  JSON.stringify(input.focus.map((f) => ({ enterpriseId: f.enterpriseId, reason: f.reason })));

export function createPlansRepository(db: Db) {
  return {
    async list(
      scope: DataScope,
      filter: { year?: number; kind?: 'annual' | 'monthly'; county?: string },
    ): Promise<PlanRow[]> {
      const params: unknown[] = [];
      const conditions = [divisionCondition(scope, 'p.county', params)];
      for (const [column, value] of [
        ['p.year', filter.year],
        ['p.kind', filter.kind],
        ['p.county', filter.county],
      ] as const) {
        if (value === undefined) continue;
        params.push(value);
        conditions.push(`${column} = $${params.length}`);
      }
      const rows = await db.query(
        `${select} WHERE ${conditions.join(' AND ')} ORDER BY p.year DESC, p.month DESC NULLS FIRST, p.county, p.created_at`,
        params,
      );
      return rows.rows.map(toPlan);
    },

    async find(id: string, scope: DataScope | null, source: Queryable = db): Promise<PlanRow | null> {
      const params: unknown[] = [id];
      const where = scope ? divisionCondition(scope, 'p.county', params) : 'TRUE';
      const rows = await source.query(`${select} WHERE p.id = $1 AND ${where}`, params);
      return rows.rows[0] ? toPlan(rows.rows[0]) : null;
    },

    /** Another plan for the same division and period, if any (one plan per division and period). */
    async samePeriod(
      source: Queryable,
      input: Pick<PlanInput, 'county' | 'kind' | 'year' | 'month'>,
      exceptId: string | null,
    ): Promise<boolean> {
      // Serialise creations for one division and period so two requests cannot both pass the check.
      await source.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [
        `enforcement_plan:${input.county}:${input.kind}:${input.year}:${input.month ?? 0}`,
      ]);
      const rows = await source.query(
        `SELECT 1 FROM enforcement_plans WHERE county = $1 AND kind = $2 AND year = $3
            AND month IS NOT DISTINCT FROM $4 AND id IS DISTINCT FROM $5::uuid`,
        [input.county, input.kind, input.year, input.month ?? null, exceptId],
      );
      return (rows.rowCount ?? 0) > 0;
    },

    async insert(
      source: Queryable,
      input: PlanInput,
      meta: { createdBy: string; at: Date; demo?: boolean },
    ): Promise<string> {
      const rows = await source.query<{ id: string }>(
        `INSERT INTO enforcement_plans (county, kind, year, month, title, targets, focus, demo, created_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id`,
        [
          input.county,
          input.kind,
          input.year,
          input.month ?? null,
          input.title,
          JSON.stringify(input.targets),
          focusJson(input),
          meta.demo ?? false,
          meta.createdBy,
          meta.at,
        ],
      );
      return rows.rows[0]!.id;
    },

    async update(source: Queryable, id: string, input: PlanInput, at: Date): Promise<void> {
      await source.query(
        `UPDATE enforcement_plans SET county = $2, kind = $3, year = $4, month = $5, title = $6, targets = $7, focus = $8,
                updated_at = $9 WHERE id = $1`,
        [
          id,
          input.county,
          input.kind,
          input.year,
          input.month ?? null,
          input.title,
          JSON.stringify(input.targets),
          focusJson(input),
          at,
        ],
      );
    },

    /** Enterprise id → county, for the ids that exist. */
    async enterpriseCounties(ids: string[]): Promise<Map<string, string>> {
      const rows = await db.query<{ id: string; county: string }>(
        `SELECT id, county FROM enterprise_directory WHERE id = ANY ($1::uuid[])`,
        [ids],
      );
      return new Map(rows.rows.map((r) => [r.id, r.county]));
    },

    /**
     * Completed inspections (either kind) between two instants, by the enterprise's current
     * enforcement category, the county and the month (China Standard Time).
     */
    async completedCounts(from: Date, to: Date, counties: string[] | null): Promise<ProgressCount[]> {
      const rows = await db.query<{ category_code: string | null; county: string; month: number; n: number }>(
        `SELECT ec.category_code, i.county,
                extract(month FROM i.completed_at AT TIME ZONE 'Asia/Shanghai')::int AS month, count(*)::int AS n
           FROM enforcement_inspections i
           LEFT JOIN enforcement_enterprise_categories ec ON ec.enterprise_id = i.enterprise_id
          WHERE i.status = 'completed' AND i.completed_at >= $1 AND i.completed_at < $2
            AND ($3::text[] IS NULL OR i.county = ANY ($3::text[]))
          GROUP BY 1, 2, 3`,
        [from, to, counties],
      );
      return rows.rows.map((r) => ({
        categoryCode: r.category_code,
        county: r.county,
        month: r.month,
        count: r.n,
      }));
    },

    /** The last completed inspection of each enterprise between two instants. */
    async lastCompleted(enterpriseIds: string[], from: Date, to: Date): Promise<Map<string, Date>> {
      const rows = await db.query<{ enterprise_id: string; at: Date }>(
        `SELECT enterprise_id, max(completed_at) AS at FROM enforcement_inspections
          WHERE status = 'completed' AND enterprise_id = ANY ($1::uuid[]) AND completed_at >= $2 AND completed_at < $3
          GROUP BY enterprise_id`,
        [enterpriseIds, from, to],
      );
      return new Map(rows.rows.map((r) => [r.enterprise_id, r.at]));
    },
  };
}

export type PlansRepository = ReturnType<typeof createPlansRepository>;
