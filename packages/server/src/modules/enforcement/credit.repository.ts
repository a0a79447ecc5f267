import type { CreditListingState, CreditListingStatus, DataScope, Page } from '@anjian/domain';
import type { Db, Queryable } from '../../platform/db.ts';
import { scopeCondition } from '../../platform/scope-sql.ts';
import { listPage } from '../../platform/sql-page.ts';
import { reviveInstants } from './enforcement-scope.ts';

export interface ListingRow {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  creditCode: string;
  county: string;
  caseId: string;
  status: CreditListingStatus;
  state: CreditListingState;
  createdAt: Date;
  updatedAt: Date;
}

const select = `
  SELECT l.id, l.enterprise_id, e.name AS enterprise_name, e.credit_code, l.county, l.case_id, l.status, l.state,
         l.created_at, l.updated_at
    FROM credit_listings l JOIN enterprise_directory e ON e.id = l.enterprise_id`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const toListing = (r: any): ListingRow => ({
  id: r.id,
  enterpriseId: r.enterprise_id,
  enterpriseName: r.enterprise_name,
  creditCode: r.credit_code,
  county: r.county,
  caseId: r.case_id,
  status: r.status,
  state: reviveInstants<CreditListingState>(r.state),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const listingScope = (scope: DataScope, params: unknown[]) =>
  scopeCondition(scope, { county: 'l.county', enterprise: 'l.enterprise_id' }, params);

/** Statuses of a listing still under way or in force (a case has at most one of these). */
export const openListingStatuses: readonly CreditListingStatus[] = [
  'candidate',
  'notified',
  'listed',
  'published',
  'repair_pending',
];

export function createCreditRepository(db: Db) {
  return {
    async list(
      scope: DataScope,
      filter: { status?: CreditListingStatus; enterpriseId?: string; caseId?: string },
      page: { page: number; pageSize: number },
    ): Promise<Page<ListingRow>> {
      const params: unknown[] = [];
      const conditions = [listingScope(scope, params)];
      for (const [column, value] of [
        ['l.status', filter.status],
        ['l.enterprise_id', filter.enterpriseId],
        ['l.case_id', filter.caseId],
      ] as const) {
        if (value === undefined) continue;
        params.push(value);
        conditions.push(`${column} = $${params.length}`);
      }
      const where = conditions.join(' AND ');
      return listPage(
        db,
        { select, countFrom: 'FROM credit_listings l', where, orderBy: 'l.created_at DESC, l.id', params },
        page,
        toListing,
      );
    },

    async find(
      id: string,
      scope: DataScope | null,
      source: Queryable = db,
      lock = false,
    ): Promise<ListingRow | null> {
      const params: unknown[] = [id];
      const where = scope ? listingScope(scope, params) : 'TRUE';
      const rows = await source.query(
        `${select} WHERE l.id = $1 AND ${where}${lock ? ' FOR UPDATE OF l' : ''}`,
        params,
      );
      return rows.rows[0] ? toListing(rows.rows[0]) : null;
    },

    /** Listings in the given statuses, every county (the public list, the draw weights, expiry). */
    async inStatuses(
      statuses: readonly CreditListingStatus[],
      source: Queryable = db,
    ): Promise<ListingRow[]> {
      const rows = await source.query(
        `${select} WHERE l.status = ANY ($1::text[]) ORDER BY l.updated_at DESC`,
        [statuses],
      );
      return rows.rows.map(toListing);
    },

    /** Whether the case has a listing under way or in force; locks the case's listings meanwhile. */
    async openForCase(source: Queryable, caseId: string): Promise<boolean> {
      const rows = await source.query(
        `SELECT 1 FROM credit_listings WHERE case_id = $1 AND status = ANY ($2::text[]) FOR UPDATE`,
        [caseId, openListingStatuses],
      );
      return (rows.rowCount ?? 0) > 0;
    },

    async idsForCase(caseId: string): Promise<string[]> {
      const rows = await db.query<{ id: string }>(
        `SELECT id FROM credit_listings WHERE case_id = $1 ORDER BY created_at`,
        [caseId],
      );
      return rows.rows.map((r) => r.id);
    },

    async insert(
      source: Queryable,
      l: { county: string; caseId: string; state: CreditListingState; at: Date },
    ): Promise<string> {
      const rows = await source.query<{ id: string }>(
        `INSERT INTO credit_listings (enterprise_id, county, case_id, status, state, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id`,
        [l.state.enterpriseId, l.county, l.caseId, l.state.status, JSON.stringify(l.state), l.at],
      );
      return rows.rows[0]!.id;
    },

    async saveState(source: Queryable, id: string, state: CreditListingState, at: Date): Promise<void> {
      await source.query(
        `UPDATE credit_listings SET status = $2, state = $3, updated_at = $4 WHERE id = $1`,
        [id, state.status, JSON.stringify(state), at],
      );
    },
  };
}

export type CreditRepository = ReturnType<typeof createCreditRepository>;
