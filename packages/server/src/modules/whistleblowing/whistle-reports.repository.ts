import type {
  DataScope,
  Page,
  WhistleAccidentClass,
  WhistleCategory,
  WhistleChannel,
  WhistleLedgerRow,
  WhistleObjectionStatus,
  WhistleOutcome,
  WhistleRewardStatus,
  WhistleStatus,
  RecordLabel,
} from '@anjian/domain';
import type { Db, Queryable } from '../../platform/db.ts';
import { listPage } from '../../platform/sql-page.ts';
import { labelCondition } from '../../platform/scope-sql.ts';

/** One report as stored, never answered as it is: the service shapes what each reader sees. */
export interface WhistleRecord {
  id: string;
  queryCode: string;
  secretSalt: string;
  secretHash: string;
  channel: WhistleChannel;
  category: WhistleCategory;
  description: string;
  address: string | null;
  lon: number | null;
  lat: number | null;
  enterpriseId: string | null;
  /** The enterprise is the one registered nearest the pin, not one the reporter chose. */
  enterpriseByPin: boolean;
  enterpriseName: string | null;
  county: string | null;
  occurredOn: string | null;
  anonymous: boolean;
  pseudonym: string | null;
  photoIds: string[];
  receivedOn: string;
  status: WhistleStatus;
  acceptanceDue: string;
  decidedOn: string | null;
  decisionReason: string | null;
  transferredTo: string | null;
  assignedCounty: string | null;
  assignedDeadline: string | null;
  verificationDue: string | null;
  outcome: WhistleOutcome | null;
  outcomeNote: string | null;
  verifiedOn: string | null;
  inspectionId: string | null;
  hazardIds: string[];
  penaltyCaseId: string | null;
  fineYuan: string | null;
  deaths: number | null;
  accidentClass: WhistleAccidentClass | null;
  /** The report's security label (decision 0005): 敏感 unless the bureau relabels it. */
  securityLabel: RecordLabel;
  demo: boolean;
  duplicateOf: string | null;
  repliedOn: string | null;
  objection: {
    filedOn: string;
    reason: string;
    reviewDue: string;
    status: WhistleObjectionStatus;
    reviewReason: string | null;
    reviewedOn: string | null;
    reopenedTo: 'received' | 'accepted' | null;
  } | null;
  reward: {
    status: WhistleRewardStatus;
    amountYuan: string;
    basis: string;
    ruleId: string;
    source: string;
    proposedBy: string;
    approvers: string[];
    paidOn: string | null;
    proposedOn: string;
  } | null;
}

export type WhistleInsert = Omit<
  WhistleRecord,
  | 'id'
  | 'decidedOn'
  | 'decisionReason'
  | 'transferredTo'
  | 'assignedCounty'
  | 'assignedDeadline'
  | 'verificationDue'
  | 'outcome'
  | 'outcomeNote'
  | 'verifiedOn'
  | 'inspectionId'
  | 'hazardIds'
  | 'penaltyCaseId'
  | 'fineYuan'
  | 'deaths'
  | 'accidentClass'
  | 'reward'
  | 'securityLabel'
  | 'duplicateOf'
  | 'repliedOn'
  | 'objection'
> & { enteredBy: string | null };

const date = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;
const SELECT = `
  SELECT r.id, r.query_code, r.secret_salt, r.secret_hash, r.channel, r.category, r.description, r.address, r.lon,
         r.lat, r.enterprise_id, r.enterprise_by_pin, coalesce(e.name, r.enterprise_name) AS enterprise_name, r.county,
         ${date('r.occurred_on')} AS occurred_on, r.anonymous, r.pseudonym, r.photo_ids::text[] AS photo_ids,
         ${date('r.received_on')} AS received_on, r.status, ${date('r.acceptance_due')} AS acceptance_due,
         ${date('r.decided_on')} AS decided_on, r.decision_reason, r.transferred_to, r.assigned_county,
         ${date('r.assigned_deadline')} AS assigned_deadline, ${date('r.verification_due')} AS verification_due,
         r.outcome, r.outcome_note, ${date('r.verified_on')} AS verified_on, r.inspection_id, r.hazard_ids::text[] AS hazard_ids, r.penalty_case_id,
         r.fine_yuan::text AS fine_yuan, r.deaths, r.accident_class, r.security_label, r.demo, r.duplicate_of,
         w.status AS reward_status, w.amount_yuan::text AS reward_amount, w.basis AS reward_basis,
         w.rule_id AS reward_rule, w.source AS reward_source, w.proposed_by AS reward_proposed_by,
         w.approvers::text[] AS reward_approvers, ${date('w.paid_on')} AS reward_paid_on,
         to_char(w.proposed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS reward_proposed_on,
         ${date('r.replied_on')} AS replied_on, ${date('o.filed_on')} AS objection_filed_on,
         o.reason AS objection_reason, ${date('o.review_due')} AS objection_review_due, o.status AS objection_status,
         o.review_reason AS objection_review_reason, ${date('o.reviewed_on')} AS objection_reviewed_on,
         o.reopened_to AS objection_reopened_to
    FROM whistle_reports r
    LEFT JOIN enterprise_directory e ON e.id = r.enterprise_id
    LEFT JOIN whistle_rewards w ON w.report_id = r.id
    LEFT JOIN whistle_objections o ON o.report_id = r.id`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function toRecord(r: any): WhistleRecord {
  return {
    id: r.id,
    queryCode: r.query_code,
    secretSalt: r.secret_salt,
    secretHash: r.secret_hash,
    channel: r.channel,
    category: r.category,
    description: r.description,
    address: r.address,
    lon: r.lon,
    lat: r.lat,
    enterpriseId: r.enterprise_id,
    enterpriseByPin: r.enterprise_by_pin,
    enterpriseName: r.enterprise_name,
    county: r.county,
    occurredOn: r.occurred_on,
    anonymous: r.anonymous,
    pseudonym: r.pseudonym,
    photoIds: r.photo_ids,
    receivedOn: r.received_on,
    status: r.status,
    acceptanceDue: r.acceptance_due,
    decidedOn: r.decided_on,
    decisionReason: r.decision_reason,
    transferredTo: r.transferred_to,
    assignedCounty: r.assigned_county,
    assignedDeadline: r.assigned_deadline,
    verificationDue: r.verification_due,
    outcome: r.outcome,
    outcomeNote: r.outcome_note,
    verifiedOn: r.verified_on,
    inspectionId: r.inspection_id,
    hazardIds: r.hazard_ids,
    penaltyCaseId: r.penalty_case_id,
    fineYuan: r.fine_yuan,
    deaths: r.deaths,
    accidentClass: r.accident_class,
    securityLabel: r.security_label,
    demo: r.demo,
    duplicateOf: r.duplicate_of,
    repliedOn: r.replied_on,
    objection: r.objection_status
      ? {
          filedOn: r.objection_filed_on,
          reason: r.objection_reason,
          reviewDue: r.objection_review_due,
          status: r.objection_status,
          reviewReason: r.objection_review_reason,
          reviewedOn: r.objection_reviewed_on,
          reopenedTo: r.objection_reopened_to,
        }
      : null,
    reward: r.reward_status
      ? {
          status: r.reward_status,
          amountYuan: r.reward_amount,
          basis: r.reward_basis,
          ruleId: r.reward_rule,
          source: r.reward_source,
          proposedBy: r.reward_proposed_by,
          approvers: r.reward_approvers,
          paidOn: r.reward_paid_on,
          proposedOn: r.reward_proposed_on,
        }
      : null,
  };
}

/**
 * A report belongs to the county it was assigned to, else the county it concerns. County staff see
 * their counties' reports; a report with no county yet is the city bureau's.
 */
export function scopeWhere(scope: DataScope, params: unknown[]): string {
  if (scope.kind === 'enterprise') return 'FALSE';
  // Security labels (decision 0005): on top of the scope, a report above the caller's clearance is left out.
  const label = labelCondition(scope, 'r.security_label', params);
  if (scope.kind === 'city') return label;
  params.push(scope.counties);
  return `coalesce(r.assigned_county, r.county) = ANY ($${params.length}::text[]) AND ${label}`;
}

export interface WhistleFilter {
  status?: WhistleStatus | undefined;
  category?: WhistleCategory | undefined;
  channel?: WhistleChannel | undefined;
  county?: string | undefined;
  q?: string | undefined;
  /** 'true': only reports past a deadline on `today` (whistleOverdue in the domain, in SQL). */
  overdue?: 'true' | 'false' | undefined;
  objection?: WhistleObjectionStatus | undefined;
  securityLabel?: RecordLabel | undefined;
  today?: string | undefined;
}

function filterWhere(scope: DataScope, filter: WhistleFilter, params: unknown[]): string {
  const conditions = [scopeWhere(scope, params)];
  const add = (sql: (n: number) => string, value: unknown) => {
    params.push(value);
    conditions.push(sql(params.length));
  };
  if (filter.status) add((n) => `r.status = $${n}`, filter.status);
  if (filter.category) add((n) => `r.category = $${n}`, filter.category);
  if (filter.channel) add((n) => `r.channel = $${n}`, filter.channel);
  if (filter.county) add((n) => `coalesce(r.assigned_county, r.county) = $${n}`, filter.county);
  if (filter.objection) add((n) => `o.status = $${n}`, filter.objection);
  if (filter.securityLabel) add((n) => `r.security_label = $${n}`, filter.securityLabel);
  if (filter.overdue && filter.today) {
    params.push(filter.today);
    const today = `$${params.length}::date`;
    const late = `((r.status = 'received' AND ${today} > r.acceptance_due) OR (r.status = 'accepted' AND
      (${today} > r.assigned_deadline OR ${today} > r.verification_due)))`;
    conditions.push(filter.overdue === 'true' ? late : `NOT coalesce(${late}, false)`);
  }
  if (filter.q)
    add(
      (n) =>
        `(r.query_code ILIKE $${n} OR r.description ILIKE $${n} OR coalesce(e.name, r.enterprise_name) ILIKE $${n})`,
      `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
    );
  return conditions.join(' AND ');
}

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
           acceptance_due, entered_by, demo, enterprise_by_pin)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)
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
