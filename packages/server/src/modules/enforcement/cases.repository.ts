import type { DataScope, Page, PenaltyCaseState, PenaltyCaseStatus, RecordLabel } from '@anjian/domain';
import type { Db, Queryable } from '../../platform/db.ts';
import { labelCondition, scopeCondition, type ReaderScope } from '../../platform/scope-sql.ts';
import { listPage } from '../../platform/sql-page.ts';
import { reviveInstants } from './enforcement-scope.ts';

export interface CaseRow {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  creditCode: string;
  address: string | null;
  county: string;
  inspectionId: string | null;
  partyName: string;
  summary: string;
  status: PenaltyCaseStatus;
  state: PenaltyCaseState;
  securityLabel: RecordLabel;
  demo: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface CaseFilter {
  status?: PenaltyCaseStatus;
  enterpriseId?: string;
  inspectionId?: string;
  securityLabel?: RecordLabel;
}

const select = `
  SELECT c.id, c.enterprise_id, e.name AS enterprise_name, e.credit_code, e.address, c.county, c.inspection_id,
         c.party_name, c.summary, c.status, c.state, c.security_label, c.demo, c.created_at, c.updated_at
    FROM enforcement_cases c JOIN enterprise_directory e ON e.id = c.enterprise_id`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const toCase = (r: any): CaseRow => ({
  id: r.id,
  enterpriseId: r.enterprise_id,
  enterpriseName: r.enterprise_name,
  creditCode: r.credit_code,
  address: r.address,
  county: r.county,
  inspectionId: r.inspection_id,
  partyName: r.party_name,
  summary: r.summary,
  status: r.status,
  state: reviveInstants<PenaltyCaseState>(r.state),
  securityLabel: r.security_label,
  demo: r.demo,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** The scope filter: the caller's data scope and, on top of it, the security label (decision 0005). */
const caseScope = (scope: ReaderScope, params: unknown[]) =>
  `${scopeCondition(scope, { county: 'c.county', enterprise: 'c.enterprise_id' }, params)} AND ${labelCondition(scope, 'c.security_label', params)}`;

export function createCasesRepository(db: Db) {
  return {
    async list(
      scope: DataScope,
      filter: CaseFilter,
      page: { page: number; pageSize: number },
    ): Promise<Page<CaseRow>> {
      const params: unknown[] = [];
      const conditions = [caseScope(scope, params)];
      for (const [column, value] of [
        ['c.status', filter.status],
        ['c.enterprise_id', filter.enterpriseId],
        ['c.inspection_id', filter.inspectionId],
        ['c.security_label', filter.securityLabel],
      ] as const) {
        if (value === undefined) continue;
        params.push(value);
        conditions.push(`${column} = $${params.length}`);
      }
      const where = conditions.join(' AND ');
      return listPage(
        db,
        { select, countFrom: 'FROM enforcement_cases c', where, orderBy: 'c.created_at DESC, c.id', params },
        page,
        toCase,
      );
    },

    /** One case in scope; `lock` holds the row until the transaction ends. */
    async find(
      id: string,
      scope: DataScope | null,
      source: Queryable = db,
      lock = false,
    ): Promise<CaseRow | null> {
      const params: unknown[] = [id];
      const where = scope ? caseScope(scope, params) : 'TRUE';
      const rows = await source.query(
        `${select} WHERE c.id = $1 AND ${where}${lock ? ' FOR UPDATE OF c' : ''}`,
        params,
      );
      return rows.rows[0] ? toCase(rows.rows[0]) : null;
    },

    async insert(
      source: Queryable,
      c: {
        enterpriseId: string;
        county: string;
        inspectionId: string | null;
        partyName: string;
        summary: string;
        state: PenaltyCaseState;
        createdBy: string;
        at: Date;
        securityLabel: RecordLabel;
        demo?: boolean;
      },
    ): Promise<string> {
      const rows = await source.query<{ id: string }>(
        `INSERT INTO enforcement_cases (enterprise_id, county, inspection_id, party_name, summary, status, state, demo,
           created_by, created_at, updated_at, security_label)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $11) RETURNING id`,
        [
          c.enterpriseId,
          c.county,
          c.inspectionId,
          c.partyName,
          c.summary,
          c.state.status,
          JSON.stringify(c.state),
          c.demo ?? false,
          c.createdBy,
          c.at,
          c.securityLabel,
        ],
      );
      return rows.rows[0]!.id;
    },

    async setLabel(id: string, label: RecordLabel, at: Date): Promise<void> {
      await db.query('UPDATE enforcement_cases SET security_label = $2, updated_at = $3 WHERE id = $1', [
        id,
        label,
        at,
      ]);
    },

    async saveState(source: Queryable, id: string, state: PenaltyCaseState, at: Date): Promise<void> {
      await source.query(
        `UPDATE enforcement_cases SET status = $2, state = $3, updated_at = $4 WHERE id = $1`,
        [id, state.status, JSON.stringify(state), at],
      );
    },

    /** Roster inspectors among `ids` who are active with a valid certificate on `today`. */
    /** Of `ids`, the active, certified inspectors of the given roster divisions. */
    async usableInspectors(
      ids: string[],
      today: string,
      divisions: string[],
      source: Queryable = db,
    ): Promise<string[]> {
      const rows = await source.query<{ id: string }>(
        `SELECT id FROM enforcement_inspectors
          WHERE id::text = ANY ($1::text[]) AND active AND certificate_expiry >= $2 AND county = ANY ($3::text[])`,
        [ids, today, divisions],
      );
      return rows.rows.map((r) => r.id);
    },
  };
}

export type CasesRepository = ReturnType<typeof createCasesRepository>;
