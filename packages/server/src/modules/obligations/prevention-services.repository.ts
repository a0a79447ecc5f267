import type { DataScope, Page, PreventionService, PreventionServiceKind } from '@anjian/domain';
import type { Db, Queryable } from '../../platform/db.ts';
import { listPage } from '../../platform/sql-page.ts';
import { conditionsOf, containing } from './obligations-sql.ts';

export type PreventionServiceRecord = Omit<PreventionService, never>;

export interface PreventionServiceWrite {
  policyId: string;
  enterpriseId: string;
  county: string;
  insurer: string;
  servedOn: string;
  kind: PreventionServiceKind;
  costYuan: number;
  summary: string | null;
  findings: { description: string; hazardId: string | null; hazardOpened: boolean }[];
}

export interface ServiceFilter {
  county?: string | undefined;
  insurer?: string | undefined;
  kind?: PreventionServiceKind | undefined;
  year?: number | undefined;
  enterpriseId?: string | undefined;
  q?: string | undefined;
}

/** One insurer's year in the caller's scope, before the cap rule is applied. */
export interface InsurerYearRow {
  insurer: string;
  premiumsYuan: number;
  spendingYuan: number;
  unservedEnterprises: string[];
}

const FROM = `FROM obligation_prevention_services s JOIN obligation_policies p ON p.id = s.policy_id
  JOIN enterprise_directory e ON e.id = s.enterprise_id`;
const SELECT = `SELECT s.id, s.policy_id AS "policyId", p.policy_number AS "policyNumber", s.insurer,
    s.enterprise_id AS "enterpriseId", e.name AS "enterpriseName", s.county, s.served_on::text AS "servedOn", s.kind,
    s.cost_yuan::float8 AS "costYuan", s.summary, s.demo,
    (SELECT coalesce(json_agg(json_build_object('id', f.id, 'description', f.description, 'hazardId', f.hazard_id,
        'hazardOpened', f.hazard_opened) ORDER BY f.position), '[]')
       FROM obligation_prevention_findings f WHERE f.service_id = s.id) AS findings
  ${FROM}`;
const inYear = (column: string) => (n: number) =>
  `${column} >= make_date($${n}::int, 1, 1) AND ${column} < make_date($${n}::int + 1, 1, 1)`;

export function createPreventionServicesRepository(db: Db) {
  return {
    async list(
      scope: DataScope,
      filter: ServiceFilter,
      page: { page: number; pageSize: number },
    ): Promise<Page<PreventionServiceRecord>> {
      const c = conditionsOf(scope, { county: 's.county', enterprise: 's.enterprise_id' });
      if (filter.county) c.add((n) => `s.county = $${n}`, filter.county);
      if (filter.insurer) c.add((n) => `s.insurer ILIKE $${n}`, containing(filter.insurer));
      if (filter.kind) c.add((n) => `s.kind = $${n}`, filter.kind);
      if (filter.year) c.add(inYear('s.served_on'), filter.year);
      if (filter.enterpriseId) c.add((n) => `s.enterprise_id = $${n}::uuid`, filter.enterpriseId);
      if (filter.q) c.add((n) => `(e.name ILIKE $${n} OR s.insurer ILIKE $${n})`, containing(filter.q));
      return listPage(
        db,
        {
          select: SELECT,
          countFrom: FROM,
          where: c.where(),
          orderBy: 's.served_on DESC, e.name, s.id',
          params: c.params,
        },
        page,
        (row: PreventionServiceRecord) => row,
      );
    },

    async find(id: string, scope: DataScope): Promise<PreventionServiceRecord | null> {
      const c = conditionsOf(scope, { county: 's.county', enterprise: 's.enterprise_id' });
      c.add((n) => `s.id = $${n}::uuid`, id);
      return (
        (await db.query<PreventionServiceRecord>(`${SELECT} WHERE ${c.where()}`, c.params)).rows[0] ?? null
      );
    },

    async exists(source: Queryable, policyId: string, servedOn: string, kind: string): Promise<boolean> {
      const rows = await source.query(
        'SELECT 1 FROM obligation_prevention_services WHERE policy_id = $1 AND served_on = $2 AND kind = $3',
        [policyId, servedOn, kind],
      );
      return rows.rows.length > 0;
    },

    /** Stores a service under an id chosen before (its hazards name it as their source). */
    async insertWithId(
      source: Queryable,
      id: string,
      data: PreventionServiceWrite,
      demo: boolean,
      at: Date,
    ): Promise<string> {
      await source.query(
        `INSERT INTO obligation_prevention_services (id, policy_id, enterprise_id, county, insurer, served_on, kind, cost_yuan,
           summary, demo, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          id,
          data.policyId,
          data.enterpriseId,
          data.county,
          data.insurer,
          data.servedOn,
          data.kind,
          data.costYuan,
          data.summary,
          demo,
          at,
        ],
      );
      for (const [position, f] of data.findings.entries())
        await source.query(
          `INSERT INTO obligation_prevention_findings (service_id, position, description, hazard_id, hazard_opened)
           VALUES ($1, $2, $3, $4, $5)`,
          [id, position, f.description, f.hazardId, f.hazardOpened],
        );
      return id;
    },

    /**
     * Per insurer of a policy in the scope: premiums of its policies starting in the year, its
     * service spending in the year, and the enterprises of `sectors` it insured in the year (a
     * policy overlapping the year) that got no service from it in the year.
     */
    async insurerYears(
      scope: DataScope,
      year: number,
      sectors: readonly string[],
      county: string | undefined,
    ): Promise<InsurerYearRow[]> {
      const c = conditionsOf(scope, { county: 'p.county', enterprise: 'p.enterprise_id' });
      if (county) c.add((n) => `p.county = $${n}`, county);
      c.add(() => 'true', year);
      const y = c.params.length;
      c.add(() => 'true', sectors);
      const sec = c.params.length;
      const rows = await db.query<InsurerYearRow>(
        `WITH pol AS (SELECT p.* FROM obligation_policies p WHERE ${c.where()}
                        AND p.starts_on < make_date($${y}::int + 1, 1, 1) AND p.ends_on >= make_date($${y}::int, 1, 1)),
              served AS (SELECT s.insurer, s.enterprise_id, s.cost_yuan FROM obligation_prevention_services s
                          WHERE s.policy_id IN (SELECT id FROM pol) AND ${inYear('s.served_on')(y)})
         SELECT i.insurer,
           (SELECT coalesce(sum(premium_yuan), 0) FROM pol WHERE pol.insurer = i.insurer
              AND extract(year FROM pol.starts_on) = $${y}::int)::float8 AS "premiumsYuan",
           (SELECT coalesce(sum(cost_yuan), 0) FROM served WHERE served.insurer = i.insurer)::float8 AS "spendingYuan",
           (SELECT coalesce(array_agg(DISTINCT e.name ORDER BY e.name), '{}') FROM pol JOIN enterprise_directory e ON e.id = pol.enterprise_id
             WHERE pol.insurer = i.insurer AND e.sectors && $${sec}::text[]
               AND NOT EXISTS (SELECT 1 FROM served WHERE served.insurer = i.insurer AND served.enterprise_id = pol.enterprise_id))
             AS "unservedEnterprises"
         FROM (SELECT DISTINCT insurer FROM pol) i ORDER BY i.insurer`,
        c.params,
      );
      return rows.rows;
    },
  };
}

export type PreventionServicesRepository = ReturnType<typeof createPreventionServicesRepository>;
