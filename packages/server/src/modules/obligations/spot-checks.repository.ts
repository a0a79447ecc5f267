import type {
  AgencyCreditKind,
  DataScope,
  Page,
  SpotCheckResult,
  SpotCheckSeverity,
  SpotCheckSubject,
} from '@anjian/domain';
import type { Db, Queryable } from '../../platform/db.ts';
import { listPage } from '../../platform/sql-page.ts';
import { conditionsOf } from './obligations-sql.ts';

export interface PoolEntry {
  id: string;
  enterpriseId: string;
  county: string;
  agencyId: string | null;
}

export interface SpotCheckRow {
  id: string;
  subject: SpotCheckSubject;
  from: string;
  to: string;
  county: string | null;
  mode: 'random' | 'chosen';
  seed: string | null;
  count: number | null;
  percent: number | null;
  poolSize: number;
  itemCount: number;
  checkedCount: number;
  failedCount: number;
  drawnAt: string;
  demo: boolean;
}

export interface SpotCheckItemRow {
  id: string;
  spotCheckId: string;
  rank: number;
  subject: SpotCheckSubject;
  reportId: string | null;
  projectId: string | null;
  title: string;
  reference: string;
  agencyId: string | null;
  agencyName: string | null;
  enterpriseId: string;
  enterpriseName: string;
  county: string;
  subjectDate: string;
  checkedOn: string | null;
  inspectors: string | null;
  findings: { problem: string; severity: SpotCheckSeverity; note: string | null }[];
  result: SpotCheckResult | null;
  rectification: string | null;
  decision: string | null;
  drawnOn: string;
  demo: boolean;
}

// The day the completion acceptance (the construction unit's own) last passed.
const ACCEPTED_ON = `(SELECT max(s.completed_on) FROM obligation_project_steps s
  WHERE s.project_id = p.id AND s.step = 'completion' AND s.passed)`;

const ITEM = `SELECT i.id, i.spot_check_id AS "spotCheckId", i.rank, c.subject, i.report_id AS "reportId",
    i.project_id AS "projectId", coalesce(r.title, p.name) AS title, coalesce(r.report_number, '') AS reference,
    r.agency_id AS "agencyId", a.name AS "agencyName", i.enterprise_id AS "enterpriseId", e.name AS "enterpriseName",
    i.county, coalesce(r.issued_on, ${ACCEPTED_ON})::text AS "subjectDate", i.checked_on::text AS "checkedOn",
    i.inspectors, i.findings, i.result, i.rectification, i.decision,
    (c.drawn_at AT TIME ZONE 'Asia/Shanghai')::date::text AS "drawnOn", c.demo
  FROM obligation_spot_check_items i
  JOIN obligation_spot_checks c ON c.id = i.spot_check_id
  JOIN enterprise_directory e ON e.id = i.enterprise_id
  LEFT JOIN obligation_agency_reports r ON r.id = i.report_id
  LEFT JOIN obligation_agencies a ON a.id = r.agency_id
  LEFT JOIN obligation_projects p ON p.id = i.project_id`;

/** Spot checks and their items; an item belongs to the enterprise checked and follows its scope. */
export function createSpotChecksRepository(db: Db) {
  return {
    /** What can be drawn: reports issued, or projects whose completion acceptance passed, in the period. */
    async pool(
      scope: DataScope,
      subject: SpotCheckSubject,
      filter: { from?: string; to?: string; county?: string | undefined; ids?: readonly string[] },
    ): Promise<PoolEntry[]> {
      const report = subject === 'agency_report';
      const c = conditionsOf(scope, { county: 'x.county', enterprise: 'x.enterprise_id' });
      const date = report ? 'x.issued_on' : ACCEPTED_ON.replaceAll('p.id', 'x.id');
      const extra = report ? '' : ` AND ${date} IS NOT NULL`;
      if (filter.from) c.add((n) => `${date} >= $${n}::date`, filter.from);
      if (filter.to) c.add((n) => `${date} <= $${n}::date`, filter.to);
      if (filter.county) c.add((n) => `x.county = $${n}`, filter.county);
      if (filter.ids) c.add((n) => `x.id = ANY ($${n}::uuid[])`, filter.ids);
      const table = report ? 'obligation_agency_reports' : 'obligation_projects';
      const agency = report ? 'x.agency_id' : 'NULL::uuid';
      return (
        await db.query<PoolEntry>(
          `SELECT x.id, x.enterprise_id AS "enterpriseId", x.county, ${agency} AS "agencyId"
           FROM ${table} x WHERE ${c.where()}${extra} ORDER BY x.id`,
          c.params,
        )
      ).rows;
    },

    async insertSpotCheck(
      tx: Queryable,
      check: Omit<SpotCheckRow, 'id' | 'itemCount' | 'checkedCount' | 'failedCount' | 'drawnAt'>,
      picks: readonly PoolEntry[],
      by: string | null,
      at: Date,
    ): Promise<string> {
      const id = (
        await tx.query<{ id: string }>(
          `INSERT INTO obligation_spot_checks (subject, period_from, period_to, county, mode, seed, count, percent,
             pool_size, drawn_by, drawn_at, demo)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
          [
            check.subject,
            check.from,
            check.to,
            check.county,
            check.mode,
            check.seed,
            check.count,
            check.percent,
            check.poolSize,
            by,
            at,
            check.demo,
          ],
        )
      ).rows[0]!.id;
      const report = check.subject === 'agency_report';
      for (const [index, pick] of picks.entries())
        await tx.query(
          `INSERT INTO obligation_spot_check_items (spot_check_id, rank, report_id, project_id, enterprise_id, county)
           VALUES ($1, $2, $3, $4, $5, $6)`,
          [id, index + 1, report ? pick.id : null, report ? null : pick.id, pick.enterpriseId, pick.county],
        );
      return id;
    },

    /** Draws with at least one item in the scope (a county sees its own), newest first. */
    async listSpotChecks(
      scope: DataScope,
      filter: { subject?: SpotCheckSubject | undefined; id?: string },
      page: { page: number; pageSize: number },
    ): Promise<Page<SpotCheckRow>> {
      const c = conditionsOf(scope, { county: 'i.county', enterprise: 'i.enterprise_id' });
      const inScope = c.where();
      const where = [
        `EXISTS (SELECT 1 FROM obligation_spot_check_items i WHERE i.spot_check_id = s.id AND ${inScope})`,
      ];
      if (filter.subject) {
        c.params.push(filter.subject);
        where.push(`s.subject = $${c.params.length}`);
      }
      if (filter.id) {
        c.params.push(filter.id);
        where.push(`s.id = $${c.params.length}::uuid`);
      }
      const counted = (extra: string) =>
        `(SELECT count(*)::int FROM obligation_spot_check_items i WHERE i.spot_check_id = s.id AND ${inScope}${extra})`;
      return listPage(
        db,
        {
          select: `SELECT s.id, s.subject, s.period_from::text AS "from", s.period_to::text AS "to", s.county, s.mode,
              s.seed, s.count, s.percent, s.pool_size AS "poolSize", ${counted('')} AS "itemCount",
              ${counted(' AND i.result IS NOT NULL')} AS "checkedCount",
              ${counted(` AND i.result = 'fail'`)} AS "failedCount", s.drawn_at AS "drawnAt", s.demo
            FROM obligation_spot_checks s`,
          countFrom: 'FROM obligation_spot_checks s',
          where: where.join(' AND '),
          orderBy: 's.drawn_at DESC, s.id',
          params: c.params,
        },
        page,
        (row: SpotCheckRow & { drawnAt: Date | string }) => ({
          ...row,
          drawnAt: new Date(row.drawnAt).toISOString(),
        }),
      );
    },

    async listItems(
      scope: DataScope,
      filter: {
        spotCheckId?: string | undefined;
        subject?: SpotCheckSubject | undefined;
        result?: SpotCheckResult | 'pending' | undefined;
        id?: string;
      },
      page: { page: number; pageSize: number },
    ): Promise<Page<SpotCheckItemRow>> {
      const c = conditionsOf(scope, { county: 'i.county', enterprise: 'i.enterprise_id' });
      if (filter.spotCheckId) c.add((n) => `i.spot_check_id = $${n}::uuid`, filter.spotCheckId);
      if (filter.subject) c.add((n) => `c.subject = $${n}`, filter.subject);
      if (filter.result && filter.result !== 'pending') c.add((n) => `i.result = $${n}`, filter.result);
      if (filter.id) c.add((n) => `i.id = $${n}::uuid`, filter.id);
      const pending = filter.result === 'pending' ? ' AND i.result IS NULL' : '';
      return listPage(
        db,
        {
          select: ITEM,
          countFrom: `FROM obligation_spot_check_items i JOIN obligation_spot_checks c ON c.id = i.spot_check_id`,
          where: c.where() + pending,
          orderBy: 'c.drawn_at DESC, i.rank, i.id',
          params: c.params,
        },
        page,
        (row: SpotCheckItemRow) => row,
      );
    },

    /** Locks the item for its one recording; null when gone. */
    async lockItem(tx: Queryable, id: string): Promise<{ result: string | null } | null> {
      const rows = await tx.query<{ result: string | null }>(
        'SELECT result FROM obligation_spot_check_items WHERE id = $1 FOR UPDATE',
        [id],
      );
      return rows.rows[0] ?? null;
    },

    async recordItem(
      tx: Queryable,
      id: string,
      data: Pick<
        SpotCheckItemRow,
        'checkedOn' | 'inspectors' | 'findings' | 'result' | 'rectification' | 'decision'
      >,
      at: Date,
    ): Promise<void> {
      await tx.query(
        `UPDATE obligation_spot_check_items SET checked_on = $2, inspectors = $3, findings = $4, result = $5,
           rectification = $6, decision = $7, recorded_at = $8 WHERE id = $1`,
        [
          id,
          data.checkedOn,
          data.inspectors,
          JSON.stringify(data.findings),
          data.result,
          data.rectification,
          data.decision,
          at,
        ],
      );
    },

    async insertCreditRecord(
      tx: Queryable,
      record: {
        agencyId: string;
        itemId: string;
        kind: AgencyCreditKind;
        points: number;
        problem: string;
        severity: SpotCheckSeverity;
        recordedOn: string;
        demo: boolean;
      },
    ): Promise<void> {
      await tx.query(
        `INSERT INTO obligation_agency_credit_records (agency_id, item_id, kind, points, problem, severity, recorded_on, demo)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          record.agencyId,
          record.itemId,
          record.kind,
          record.points,
          record.problem,
          record.severity,
          record.recordedOn,
          record.demo,
        ],
      );
    },
  };
}

export type SpotChecksRepository = ReturnType<typeof createSpotChecksRepository>;
