import {
  defaultLabelOf,
  type DataScope,
  type Page,
  type WhistleCategory,
  type WhistleLedgerRow,
} from '@anjian/domain';
import type { Db, Queryable } from '../../platform/db.ts';
import { listPage } from '../../platform/sql-page.ts';
import {
  SELECT,
  date,
  filterWhere,
  scopeWhere,
  toRecord,
  type WhistleFilter,
  type WhistleInsert,
  type WhistleRecord,
} from './whistle-reports.sql.ts';

export { scopeWhere };
export type { WhistleFilter, WhistleInsert, WhistleRecord };

const UPDATABLE = new Set([
  'security_label',
  'status',
  'decided_on',
  'decision_reason',
  'transferred_to',
  'assigned_county',
  'assigned_deadline',
  'verification_due',
  'outcome',
  'outcome_note',
  'verified_on',
  'inspection_id',
  'hazard_ids',
  'penalty_case_id',
  'fine_yuan',
  'deaths',
  'accident_class',
  'enterprise_id',
  'enterprise_by_pin',
  'duplicate_of',
  'replied_on',
  'acceptance_due',
]);

export function createWhistleReportsRepository(db: Db) {
  return {
    async list(
      scope: DataScope,
      filter: WhistleFilter,
      page: { page: number; pageSize: number },
    ): Promise<Page<WhistleRecord>> {
      const params: unknown[] = [];
      const where = filterWhere(scope, filter, params);
      return listPage(
        db,
        {
          select: SELECT,
          countFrom: `FROM whistle_reports r LEFT JOIN enterprise_directory e ON e.id = r.enterprise_id
            LEFT JOIN whistle_objections o ON o.report_id = r.id`,
          where,
          orderBy: 'r.received_on DESC, r.query_code',
          params,
        },
        page,
        toRecord,
      );
    },

    async all(scope: DataScope, filter: WhistleFilter, limit = 50_000): Promise<WhistleRecord[]> {
      const params: unknown[] = [];
      const where = filterWhere(scope, filter, params);
      const rows = await db.query(
        `${SELECT} WHERE ${where} ORDER BY r.received_on DESC, r.query_code LIMIT ${limit}`,
        params,
      );
      return rows.rows.map(toRecord);
    },

    async find(
      id: string,
      scope: DataScope,
      source: Queryable = db,
      lock = false,
    ): Promise<WhistleRecord | null> {
      const params: unknown[] = [id];
      const rows = await source.query(
        `${SELECT} WHERE r.id = $1 AND ${scopeWhere(scope, params)}${lock ? ' FOR UPDATE OF r' : ''}`,
        params,
      );
      return rows.rows[0] ? toRecord(rows.rows[0]) : null;
    },

    /**
     * Reports in the caller's scope of the same enterprise and category received within `days`
     * either side of the report's day (duplicate suggestions), oldest first; never the report itself.
     */
    async similar(scope: DataScope, report: WhistleRecord, days: number): Promise<WhistleRecord[]> {
      if (!report.enterpriseId) return [];
      const params: unknown[] = [report.id, report.enterpriseId, report.category, report.receivedOn, days];
      const rows = await db.query(
        `${SELECT} WHERE r.id <> $1 AND r.enterprise_id = $2 AND r.category = $3
            AND r.received_on BETWEEN $4::date - $5::int AND $4::date + $5::int AND ${scopeWhere(scope, params)}
          ORDER BY r.received_on, r.query_code LIMIT 20`,
        params,
      );
      return rows.rows.map(toRecord);
    },

    /** The reports linked to this one as its duplicates (any scope: the original's handler sees them). */
    async duplicatesOf(id: string, source: Queryable = db): Promise<{ id: string; queryCode: string }[]> {
      const rows = await source.query<{ id: string; queryCode: string }>(
        `SELECT id, query_code AS "queryCode" FROM whistle_reports WHERE duplicate_of = $1
          ORDER BY received_on, query_code`,
        [id],
      );
      return rows.rows;
    },

    /**
     * The reward ledger of a year (the proposal's China year), by the report's handling county; the
     * last row (county null) is the total. Approved counts approved and paid; amounts in yuan as text.
     */
    async ledger(scope: DataScope, year: number): Promise<WhistleLedgerRow[]> {
      const params: unknown[] = [year];
      const rows = await db.query<WhistleLedgerRow>(
        `SELECT coalesce(r.assigned_county, r.county) AS county,
                count(*)::int AS "proposedCount", sum(w.amount_yuan)::numeric(14, 2)::text AS "proposedYuan",
                (count(*) FILTER (WHERE w.status IN ('approved', 'paid')))::int AS "approvedCount",
                coalesce(sum(w.amount_yuan) FILTER (WHERE w.status IN ('approved', 'paid')), 0)::numeric(14, 2)::text AS "approvedYuan",
                (count(*) FILTER (WHERE w.status = 'paid'))::int AS "paidCount",
                coalesce(sum(w.amount_yuan) FILTER (WHERE w.status = 'paid'), 0)::numeric(14, 2)::text AS "paidYuan",
                grouping(coalesce(r.assigned_county, r.county)) AS total
           FROM whistle_rewards w JOIN whistle_reports r ON r.id = w.report_id
          WHERE extract(year FROM w.proposed_at AT TIME ZONE 'Asia/Shanghai') = $1 AND ${scopeWhere(scope, params)}
          GROUP BY ROLLUP (coalesce(r.assigned_county, r.county)) HAVING count(*) > 0
          ORDER BY total, county`,
        params,
      );
      return rows.rows.map(({ total: _total, ...row }: WhistleLedgerRow & { total?: number }) => row);
    },

    /**
     * 一企一档 举报核查: the enterprise's reports verified 属实 or 部分属实 in the caller's scope,
     * newest first; a duplicate is left out (its original stands for the matter).
     */
    async verifiedOf(
      scope: DataScope,
      enterpriseId: string,
    ): Promise<
      { verifiedOn: string; category: WhistleCategory; outcome: 'true' | 'partly_true'; demo: boolean }[]
    > {
      const params: unknown[] = [enterpriseId];
      const rows = await db.query<{
        verifiedOn: string;
        category: WhistleCategory;
        outcome: 'true' | 'partly_true';
        demo: boolean;
      }>(
        `SELECT ${date('r.verified_on')} AS "verifiedOn", r.category, r.outcome, r.demo
           FROM whistle_reports r
          WHERE r.enterprise_id = $1 AND r.outcome IN ('true', 'partly_true') AND r.verified_on IS NOT NULL
            AND r.duplicate_of IS NULL AND ${scopeWhere(scope, params)}
          ORDER BY r.verified_on DESC, r.category LIMIT 500`,
        params,
      );
      return rows.rows;
    },

    async findByCode(queryCode: string, source: Queryable = db): Promise<WhistleRecord | null> {
      const rows = await source.query(`${SELECT} WHERE r.query_code = $1`, [queryCode]);
      return rows.rows[0] ? toRecord(rows.rows[0]) : null;
    },

    async insert(source: Queryable, data: WhistleInsert): Promise<string> {
      const rows = await source.query<{ id: string }>(
        `INSERT INTO whistle_reports (query_code, secret_salt, secret_hash, channel, category, description, address, lon, lat,
           enterprise_id, enterprise_name, county, occurred_on, anonymous, pseudonym, photo_ids, received_on, status,
           acceptance_due, entered_by, demo, enterprise_by_pin, security_label)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22,
                 $23)
         RETURNING id`,
        [
          data.queryCode,
          data.secretSalt,
          data.secretHash,
          data.channel,
          data.category,
          data.description,
          data.address,
          data.lon,
          data.lat,
          data.enterpriseId,
          data.enterpriseName,
          data.county,
          data.occurredOn,
          data.anonymous,
          data.pseudonym,
          data.photoIds,
          data.receivedOn,
          data.status,
          data.acceptanceDue,
          data.enteredBy,
          data.demo,
          data.enterpriseByPin,
          data.securityLabel ?? defaultLabelOf.whistle_report,
        ],
      );
      return rows.rows[0]!.id;
    },

    /** Sets the named columns of the handling (only those in UPDATABLE). */
    async update(source: Queryable, id: string, columns: Record<string, unknown>): Promise<void> {
      const keys = Object.keys(columns);
      for (const key of keys)
        if (!UPDATABLE.has(key)) throw new Error(`whistle_reports.${key} is not updatable`);
      const sets = keys.map((key, i) => `${key} = $${i + 2}`).join(', ');
      await source.query(`UPDATE whistle_reports SET ${sets} WHERE id = $1`, [
        id,
        ...keys.map((k) => columns[k]),
      ]);
    },
  };
}

export type WhistleReportsRepository = ReturnType<typeof createWhistleReportsRepository>;
