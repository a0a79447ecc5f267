import type { ClaimStatisticsRow, ClaimStatus, DataScope, Page } from '@anjian/domain';
import type { Db, Queryable } from '../../platform/db.ts';
import { listPage } from '../../platform/sql-page.ts';
import { conditionsOf, containing } from './obligations-sql.ts';

export interface ClaimRecord {
  id: string;
  policyId: string;
  policyNumber: string;
  insurer: string;
  enterpriseId: string;
  enterpriseName: string;
  county: string;
  claimNumber: string;
  incidentId: string;
  incidentOn: string;
  incidentLocation: string;
  reportedOn: string;
  deaths: number;
  injuries: number;
  claimedYuan: number;
  paidYuan: number | null;
  status: ClaimStatus;
  acceptedOn: string | null;
  paidOn: string | null;
  rejectedOn: string | null;
  rejectionReason: string | null;
  demo: boolean;
}

export type ClaimWrite = Pick<
  ClaimRecord,
  | 'policyId'
  | 'enterpriseId'
  | 'county'
  | 'claimNumber'
  | 'incidentId'
  | 'incidentOn'
  | 'incidentLocation'
  | 'reportedOn'
  | 'deaths'
  | 'injuries'
  | 'claimedYuan'
>;

export interface ClaimFilter {
  county?: string | undefined;
  insurer?: string | undefined;
  status?: ClaimStatus | undefined;
  year?: number | undefined;
  enterpriseId?: string | undefined;
  incidentId?: string | undefined;
  q?: string | undefined;
}

const FROM = `FROM obligation_claims c JOIN obligation_policies p ON p.id = c.policy_id
  JOIN enterprise_directory e ON e.id = c.enterprise_id`;
const SELECT = `SELECT c.id, c.policy_id AS "policyId", p.policy_number AS "policyNumber", p.insurer,
    c.enterprise_id AS "enterpriseId", e.name AS "enterpriseName", c.county, c.claim_number AS "claimNumber",
    c.incident_id AS "incidentId", c.incident_on::text AS "incidentOn", c.incident_location AS "incidentLocation",
    c.reported_on::text AS "reportedOn", c.deaths, c.injuries, c.claimed_yuan::float8 AS "claimedYuan",
    c.paid_yuan::float8 AS "paidYuan", c.status, c.accepted_on::text AS "acceptedOn", c.paid_on::text AS "paidOn",
    c.rejected_on::text AS "rejectedOn", c.rejection_reason AS "rejectionReason", c.demo
  ${FROM}`;

function conditions(scope: DataScope, filter: ClaimFilter) {
  const c = conditionsOf(scope, { county: 'c.county', enterprise: 'c.enterprise_id' });
  if (filter.county) c.add((n) => `c.county = $${n}`, filter.county);
  if (filter.insurer) c.add((n) => `p.insurer ILIKE $${n}`, containing(filter.insurer));
  if (filter.status) c.add((n) => `c.status = $${n}`, filter.status);
  if (filter.year)
    c.add(
      (n) =>
        `c.reported_on >= make_date($${n}::int, 1, 1) AND c.reported_on < make_date($${n}::int + 1, 1, 1)`,
      filter.year,
    );
  if (filter.enterpriseId) c.add((n) => `c.enterprise_id = $${n}::uuid`, filter.enterpriseId);
  if (filter.incidentId) c.add((n) => `c.incident_id = $${n}::uuid`, filter.incidentId);
  if (filter.q)
    c.add(
      (n) => `(e.name ILIKE $${n} OR c.claim_number ILIKE $${n} OR p.policy_number ILIKE $${n})`,
      containing(filter.q),
    );
  return c;
}

export function createClaimsRepository(db: Db) {
  return {
    async list(
      scope: DataScope,
      filter: ClaimFilter,
      page: { page: number; pageSize: number },
    ): Promise<Page<ClaimRecord>> {
      const c = conditions(scope, filter);
      return listPage(
        db,
        {
          select: SELECT,
          countFrom: FROM,
          where: c.where(),
          orderBy: 'c.reported_on DESC, c.claim_number, c.id',
          params: c.params,
        },
        page,
        (row: ClaimRecord) => row,
      );
    },

    async find(
      id: string,
      scope: DataScope,
      source: Queryable = db,
      lock = false,
    ): Promise<ClaimRecord | null> {
      const c = conditionsOf(scope, { county: 'c.county', enterprise: 'c.enterprise_id' });
      c.add((n) => `c.id = $${n}::uuid`, id);
      const rows = await source.query<ClaimRecord>(
        `${SELECT} WHERE ${c.where()}${lock ? ' FOR UPDATE OF c' : ''}`,
        c.params,
      );
      return rows.rows[0] ?? null;
    },

    async numberTaken(number: string, source: Queryable): Promise<boolean> {
      return (
        (await source.query('SELECT 1 FROM obligation_claims WHERE claim_number = $1', [number])).rows
          .length > 0
      );
    },

    /** The policy a claim number is registered on, or null when it is free. */
    async policyOfNumber(number: string, source: Queryable): Promise<string | null> {
      const rows = await source.query<{ policy_id: string }>(
        'SELECT policy_id FROM obligation_claims WHERE claim_number = $1',
        [number],
      );
      return rows.rows[0]?.policy_id ?? null;
    },

    async insert(source: Queryable, data: ClaimWrite, demo: boolean, at: Date): Promise<string> {
      const rows = await source.query<{ id: string }>(
        `INSERT INTO obligation_claims (policy_id, enterprise_id, county, claim_number, incident_id, incident_on,
           incident_location, reported_on, deaths, injuries, claimed_yuan, status, demo, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'reported', $12, $13, $13) RETURNING id`,
        [
          data.policyId,
          data.enterpriseId,
          data.county,
          data.claimNumber,
          data.incidentId,
          data.incidentOn,
          data.incidentLocation,
          data.reportedOn,
          data.deaths,
          data.injuries,
          data.claimedYuan,
          demo,
          at,
        ],
      );
      return rows.rows[0]!.id;
    },

    /** Records a step: its status, its date column, and the amount or the reason it carries. */
    async step(
      source: Queryable,
      id: string,
      step: {
        step: 'accepted' | 'paid' | 'rejected';
        on: string;
        paidYuan?: number | undefined;
        reason?: string | undefined;
      },
      at: Date,
    ): Promise<void> {
      const column = { accepted: 'accepted_on', paid: 'paid_on', rejected: 'rejected_on' }[step.step];
      await source.query(
        `UPDATE obligation_claims SET status = $2, ${column} = $3, paid_yuan = coalesce($4, paid_yuan),
           rejection_reason = coalesce($5, rejection_reason), updated_at = $6 WHERE id = $1`,
        [
          id,
          step.step,
          step.on,
          step.step === 'paid' ? step.paidYuan : null,
          step.step === 'rejected' ? step.reason : null,
          at,
        ],
      );
    },

    /** Claims reported in the year and what was paid on them, by registry sector and by county. */
    async statistics(
      scope: DataScope,
      year: number,
      county: string | undefined,
    ): Promise<ClaimStatisticsRow[]> {
      const c = conditions(scope, { year, county });
      const rows = await db.query<ClaimStatisticsRow>(
        `WITH picked AS (SELECT c.id, c.county, e.sectors, CASE WHEN c.status = 'paid' THEN c.paid_yuan ELSE 0 END AS paid
                          ${FROM} WHERE ${c.where()})
         SELECT 'sector' AS by, s AS key, count(*)::int AS claims, coalesce(sum(paid), 0)::float8 AS "paidYuan"
           FROM picked, unnest(sectors) s GROUP BY s
         UNION ALL
         SELECT 'county', county, count(*)::int, coalesce(sum(paid), 0)::float8 FROM picked GROUP BY county
         ORDER BY 1, 2`,
        c.params,
      );
      return rows.rows;
    },
  };
}

export type ClaimsRepository = ReturnType<typeof createClaimsRepository>;
