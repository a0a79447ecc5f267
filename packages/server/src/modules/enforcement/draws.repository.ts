import type { DataScope, DrawPublicRecord, DrawResult, EnforcementDrawRequest } from '@anjian/domain';
import type { Db, Queryable } from '../../platform/db.ts';
import { divisionCondition } from './enforcement-scope.ts';

export type DrawStatus = 'draft' | 'published' | 'executed' | 'disclosed';

export interface DrawRow {
  id: string;
  county: string;
  planId: string | null;
  title: string;
  status: DrawStatus;
  filters: EnforcementDrawRequest;
  record: DrawPublicRecord;
  seed: string | null;
  commitment: string | null;
  result: DrawResult | null;
  demo: boolean;
  createdAt: Date;
  publishedAt: Date | null;
  executedAt: Date | null;
  disclosedAt: Date | null;
}

/** What the pool needs to know about each candidate enterprise. */
export interface PoolCandidate {
  enterpriseId: string;
  name: string;
  county: string;
  riskLevel: 1 | 2 | 3 | 4;
  openHiddenHazards: number;
  alarmsLast90Days: number;
}

const select = `SELECT id, county, plan_id, title, status, filters, record, seed, commitment, result, demo, created_at,
                       published_at, executed_at, disclosed_at FROM enforcement_draws d`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const toDraw = (r: any): DrawRow => ({
  id: r.id,
  county: r.county,
  planId: r.plan_id,
  title: r.title,
  status: r.status,
  filters: r.filters,
  record: r.record,
  seed: r.seed,
  commitment: r.commitment,
  result: r.result,
  demo: r.demo,
  createdAt: r.created_at,
  publishedAt: r.published_at,
  executedAt: r.executed_at,
  disclosedAt: r.disclosed_at,
});

export function createDrawsRepository(db: Db) {
  return {
    async list(scope: DataScope): Promise<DrawRow[]> {
      const params: unknown[] = [];
      const where = divisionCondition(scope, 'd.county', params);
      const rows = await db.query(`${select} WHERE ${where} ORDER BY d.created_at DESC LIMIT 500`, params);
      return rows.rows.map(toDraw);
    },

    async find(
      id: string,
      scope: DataScope | null,
      source: Queryable = db,
      lock = false,
    ): Promise<DrawRow | null> {
      const params: unknown[] = [id];
      const where = scope ? divisionCondition(scope, 'd.county', params) : 'TRUE';
      const rows = await source.query(
        `${select} WHERE d.id = $1 AND ${where}${lock ? ' FOR UPDATE' : ''}`,
        params,
      );
      return rows.rows[0] ? toDraw(rows.rows[0]) : null;
    },

    /** Draws whose seed and result are public. */
    async disclosed(): Promise<DrawRow[]> {
      const rows = await db.query(
        `${select} WHERE d.status = 'disclosed' ORDER BY d.disclosed_at DESC LIMIT 200`,
      );
      return rows.rows.map(toDraw);
    },

    /** Draws whose record and commitment are public (published or later). */
    async announced(): Promise<DrawRow[]> {
      const rows = await db.query(
        `${select} WHERE d.status <> 'draft' ORDER BY d.published_at DESC LIMIT 200`,
      );
      return rows.rows.map(toDraw);
    },

    async insert(draw: {
      id: string;
      county: string;
      planId: string | null;
      title: string;
      filters: EnforcementDrawRequest;
      record: DrawPublicRecord;
      createdBy: string;
      createdAt: Date;
      demo?: boolean;
    }): Promise<void> {
      await db.query(
        `INSERT INTO enforcement_draws (id, county, plan_id, title, status, filters, record, created_by, created_at, demo)
         VALUES ($1, $2, $3, $4, 'draft', $5, $6, $7, $8, $9)`,
        [
          draw.id,
          draw.county,
          draw.planId,
          draw.title,
          JSON.stringify(draw.filters),
          JSON.stringify(draw.record),
          draw.createdBy,
          draw.createdAt,
          draw.demo ?? false,
        ],
      );
    },

    async publish(
      source: Queryable,
      id: string,
      record: DrawPublicRecord,
      seed: string,
      commitment: string,
      at: Date,
    ) {
      await source.query(
        `UPDATE enforcement_draws SET status = 'published', record = $2, seed = $3, commitment = $4, published_at = $5
          WHERE id = $1`,
        [id, JSON.stringify(record), seed, commitment, at],
      );
    },

    async execute(source: Queryable, id: string, result: DrawResult, at: Date) {
      await source.query(
        `UPDATE enforcement_draws SET status = 'executed', result = $2, executed_at = $3 WHERE id = $1`,
        [id, JSON.stringify(result), at],
      );
    },

    async disclose(source: Queryable, id: string, at: Date) {
      await source.query(
        `UPDATE enforcement_draws SET status = 'disclosed', disclosed_at = $2 WHERE id = $1 AND status = 'executed'`,
        [id, at],
      );
    },

    /** Enterprises picked by executed draws, with when: the input of the no-repeat period. */
    async pastSelections(): Promise<{ enterpriseId: string; drawnAt: Date }[]> {
      const rows = await db.query<{ enterprise_id: string; drawn_at: Date }>(
        `SELECT s->>'enterpriseId' AS enterprise_id, d.executed_at AS drawn_at
           FROM enforcement_draws d, jsonb_array_elements(d.result->'selections') s
          WHERE d.executed_at IS NOT NULL`,
      );
      return rows.rows.map((r) => ({ enterpriseId: r.enterprise_id, drawnAt: r.drawn_at }));
    },

    /**
     * Operating enterprises matching the filters, with the risk-weight factors: the highest assessed
     * risk level (4 when none), open hidden hazards, and monitoring alarms in the 90 days before `now`
     * (0 while the monitoring module holds no data).
     */
    async poolCandidates(
      filter: { counties?: string[]; industryCodes?: string[]; categoryCodes?: string[]; sectors?: string[] },
      now: Date,
    ): Promise<PoolCandidate[]> {
      const params: unknown[] = [];
      const conditions = [`e.status = 'operating'`];
      if (filter.counties) {
        params.push(filter.counties);
        conditions.push(`e.county = ANY ($${params.length}::text[])`);
      }
      if (filter.industryCodes) {
        params.push(filter.industryCodes);
        conditions.push(
          `e.industry_code LIKE ANY (SELECT c || '%' FROM unnest($${params.length}::text[]) c)`,
        );
      }
      if (filter.sectors) {
        params.push(filter.sectors);
        conditions.push(`e.sectors && $${params.length}::text[]`);
      }
      if (filter.categoryCodes) {
        params.push(filter.categoryCodes);
        conditions.push(
          `EXISTS (SELECT 1 FROM enforcement_enterprise_categories ec WHERE ec.enterprise_id = e.id AND ec.category_code = ANY ($${params.length}::text[]))`,
        );
      }
      const alarmsTable = await db.query<{ present: boolean }>(
        `SELECT to_regclass('public.alarms') IS NOT NULL AS present`,
      );
      let alarms = '0';
      if (alarmsTable.rows[0]!.present) {
        params.push(new Date(now.getTime() - 90 * 86_400_000), now);
        alarms = `(SELECT count(*) FROM alarms a WHERE a.enterprise_id = e.id
                     AND a.raised_at > $${params.length - 1} AND a.raised_at <= $${params.length})::int`;
      }
      const rows = await db.query<{
        id: string;
        name: string;
        county: string;
        risk_level: number | null;
        open_hazards: number;
        alarms: number;
      }>(
        `SELECT e.id, e.name, e.county,
                (SELECT min(p.level)::int FROM risk_points p JOIN risk_units u ON u.id = p.unit_id WHERE u.enterprise_id = e.id) AS risk_level,
                (SELECT count(*) FROM hidden_hazards h WHERE h.enterprise_id = e.id
                    AND h.status NOT IN ('closed', 'dismissed'))::int AS open_hazards,
                ${alarms} AS alarms
           FROM enterprise_directory e WHERE ${conditions.join(' AND ')} ORDER BY e.id`,
        params,
      );
      return rows.rows.map((r) => ({
        enterpriseId: r.id,
        name: r.name,
        county: r.county,
        riskLevel: (r.risk_level ?? 4) as PoolCandidate['riskLevel'],
        openHiddenHazards: r.open_hazards,
        alarmsLast90Days: r.alarms,
      }));
    },

    async namesOf(ids: string[]): Promise<Map<string, string>> {
      const rows = await db.query<{ id: string; name: string }>(
        `SELECT id, name FROM enterprise_directory WHERE id = ANY ($1::uuid[])
         UNION ALL SELECT id, name FROM enforcement_inspectors WHERE id = ANY ($1::uuid[])`,
        [ids],
      );
      return new Map(rows.rows.map((r) => [r.id, r.name]));
    },
  };
}

export type DrawsRepository = ReturnType<typeof createDrawsRepository>;
