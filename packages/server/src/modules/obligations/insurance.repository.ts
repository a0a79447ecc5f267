import type { DataScope, Page } from '@anjian/domain';
import type { Db, Queryable } from '../../platform/db.ts';
import { scopeAllows } from '../../platform/scope-sql.ts';
import { listPage } from '../../platform/sql-page.ts';
import { conditionsOf, containing } from './obligations-sql.ts';

export interface PolicyRecord {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  creditCode: string;
  county: string;
  insurer: string;
  policyNumber: string;
  startsOn: string;
  endsOn: string;
  insuredPersons: number;
  perPersonYuan: number;
  premiumYuan: number;
  demo: boolean;
}

export type PolicyWrite = Omit<PolicyRecord, 'id' | 'enterpriseName' | 'creditCode' | 'demo'>;

export interface CoverageCandidate {
  id: string;
  name: string;
  county: string;
  sectors: string[];
  employees: number | null;
  policies: { policyNumber: string; startsOn: string; endsOn: string; perPersonYuan: number }[];
}

const SELECT = `SELECT p.id, p.enterprise_id, e.name AS enterprise_name, e.credit_code, p.county, p.insurer, p.policy_number,
    p.starts_on::text AS starts_on, p.ends_on::text AS ends_on, p.insured_persons, p.per_person_yuan::float8 AS per_person_yuan,
    p.premium_yuan::float8 AS premium_yuan, p.demo
  FROM obligation_policies p JOIN enterprise_directory e ON e.id = p.enterprise_id`;

interface Row {
  id: string;
  enterprise_id: string;
  enterprise_name: string;
  credit_code: string;
  county: string;
  insurer: string;
  policy_number: string;
  starts_on: string;
  ends_on: string;
  insured_persons: number;
  per_person_yuan: number;
  premium_yuan: number;
  demo: boolean;
}

const toRecord = (r: Row): PolicyRecord => ({
  id: r.id,
  enterpriseId: r.enterprise_id,
  enterpriseName: r.enterprise_name,
  creditCode: r.credit_code,
  county: r.county,
  insurer: r.insurer,
  policyNumber: r.policy_number,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  insuredPersons: r.insured_persons,
  perPersonYuan: r.per_person_yuan,
  premiumYuan: r.premium_yuan,
  demo: r.demo,
});

export function createInsuranceRepository(db: Db) {
  return {
    async list(
      scope: DataScope,
      filter: { q?: string | undefined; enterpriseId?: string | undefined; county?: string | undefined },
      page: { page: number; pageSize: number },
    ): Promise<Page<PolicyRecord>> {
      const c = conditionsOf(scope, { county: 'p.county', enterprise: 'p.enterprise_id' });
      if (filter.enterpriseId) c.add((n) => `p.enterprise_id = $${n}::uuid`, filter.enterpriseId);
      if (filter.county) c.add((n) => `p.county = $${n}`, filter.county);
      if (filter.q)
        c.add(
          (n) => `(e.name ILIKE $${n} OR p.insurer ILIKE $${n} OR p.policy_number ILIKE $${n})`,
          containing(filter.q),
        );
      return listPage(
        db,
        {
          select: SELECT,
          countFrom: 'FROM obligation_policies p JOIN enterprise_directory e ON e.id = p.enterprise_id',
          where: c.where(),
          orderBy: 'p.ends_on DESC, e.name, p.id',
          params: c.params,
        },
        page,
        toRecord,
      );
    },

    async find(id: string, scope: DataScope): Promise<PolicyRecord | null> {
      const c = conditionsOf(scope, { county: 'p.county', enterprise: 'p.enterprise_id' });
      c.add((n) => `p.id = $${n}::uuid`, id);
      const rows = await db.query<Row>(`${SELECT} WHERE ${c.where()}`, c.params);
      return rows.rows[0] ? toRecord(rows.rows[0]) : null;
    },

    /**
     * A policy by its number (the imports' key), null when there is none or it lies outside the
     * caller's scope — the two answer alike.
     */
    async findByNumber(source: Queryable, number: string, scope: DataScope): Promise<PolicyRecord | null> {
      const rows = await source.query<Row>(`${SELECT} WHERE p.policy_number = $1`, [number]);
      const policy = rows.rows[0] ? toRecord(rows.rows[0]) : null;
      return policy && scopeAllows(scope, policy.county, policy.enterpriseId) ? policy : null;
    },

    async numberTaken(number: string, source: Queryable = db): Promise<boolean> {
      return (
        (await source.query('SELECT 1 FROM obligation_policies WHERE policy_number = $1', [number])).rows
          .length > 0
      );
    },

    async insert(source: Queryable, data: PolicyWrite, demo: boolean, at: Date): Promise<string> {
      const rows = await source.query<{ id: string }>(
        `INSERT INTO obligation_policies (enterprise_id, county, insurer, policy_number, starts_on, ends_on, insured_persons,
           per_person_yuan, premium_yuan, demo, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id`,
        [
          data.enterpriseId,
          data.county,
          data.insurer,
          data.policyNumber,
          data.startsOn,
          data.endsOn,
          data.insuredPersons,
          data.perPersonYuan,
          data.premiumYuan,
          demo,
          at,
        ],
      );
      return rows.rows[0]!.id;
    },

    async remove(id: string): Promise<void> {
      await db.query('DELETE FROM obligation_policies WHERE id = $1', [id]);
    },

    /** Operating enterprises in the scope with any of the sectors, with their policies. */
    async coverageCandidates(
      scope: DataScope,
      sectors: readonly string[],
      filter: { county?: string | undefined; q?: string | undefined },
    ): Promise<CoverageCandidate[]> {
      const c = conditionsOf(scope, { county: 'e.county', enterprise: 'e.id' });
      c.add((n) => `e.sectors && $${n}::text[]`, sectors);
      if (filter.county) c.add((n) => `e.county = $${n}`, filter.county);
      if (filter.q) c.add((n) => `e.name ILIKE $${n}`, containing(filter.q));
      const rows = await db.query<CoverageCandidate>(
        `SELECT e.id, e.name, e.county, e.sectors, e.employees,
           (SELECT coalesce(json_agg(json_build_object('policyNumber', p.policy_number, 'startsOn', p.starts_on::text,
               'endsOn', p.ends_on::text, 'perPersonYuan', p.per_person_yuan::float8) ORDER BY p.ends_on), '[]')
              FROM obligation_policies p WHERE p.enterprise_id = e.id) AS policies
           FROM enterprise_directory e WHERE e.status = 'operating' AND ${c.where()} ORDER BY e.county, e.name, e.id`,
        c.params,
      );
      return rows.rows;
    },
  };
}

export type InsuranceRepository = ReturnType<typeof createInsuranceRepository>;
