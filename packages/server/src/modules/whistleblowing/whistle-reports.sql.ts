/**
 * The stored shape of a whistle report and the read SQL over it: the SELECT with its joins, the row
 * mapping, the data-scope condition and the list filter. The repository (whistle-reports.repository.ts)
 * runs the queries and the writes.
 */
import type {
  DataScope,
  WhistleAccidentClass,
  WhistleCategory,
  WhistleChannel,
  WhistleObjectionStatus,
  WhistleOutcome,
  WhistleRewardStatus,
  WhistleStatus,
  RecordLabel,
} from '@anjian/domain';
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
> & { enteredBy: string | null; securityLabel?: RecordLabel | undefined };

export const date = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;
export const SELECT = `
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
export function toRecord(r: any): WhistleRecord {
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

export function filterWhere(scope: DataScope, filter: WhistleFilter, params: unknown[]): string {
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
