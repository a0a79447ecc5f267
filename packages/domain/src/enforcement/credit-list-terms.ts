import type { VerificationMark } from './time-limit.ts';

/*
 * Vocabulary of the serious-dishonesty list (安全生产严重失信主体名单), 应急管理部令第11号 (in force
 * 2023-10-01): notice before listing, a written decision, objection handling, publication, a 3-year
 * term and early removal after 12 months (信用修复), revoked if obtained by fraud (peer-systems.md §5.6;
 * the 3-year term and the 12 months are V2, with the Shanxi rules).
 */

export const creditListingStatuses = [
  'candidate',
  'notified',
  'listed',
  'published',
  'repair_pending',
  'repaired',
  'expired',
  'dismissed',
  'cancelled',
] as const;
export type CreditListingStatus = (typeof creditListingStatuses)[number];

/** Statuses in which the enterprise is on the list (and weighs more in risk-weighted draws). */
export const creditListedStatuses: readonly CreditListingStatus[] = ['listed', 'published', 'repair_pending'];

export const creditListingActions = [
  'notify',
  'object',
  'waive_objection',
  'decide',
  'dismiss',
  'publish',
  'apply_repair',
  'decide_repair',
  'revoke_repair',
  'expire',
  'cancel',
] as const;
export type CreditListingActionName = (typeof creditListingActions)[number];

/** handler 承办人员, head 负责人 (decides), party 当事人, system the deadline worker. */
export const creditListingRoles = ['handler', 'head', 'party', 'system'] as const;
export type CreditListingRole = (typeof creditListingRoles)[number];

export interface CreditListingGround {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  readonly verification: VerificationMark;
}

/**
 * Grounds for listing after an administrative penalty, paraphrased from 应急管理部令第11号 as
 * remembered [M]: the wording and the exact list must be checked against the order. Configurable.
 */
export const creditListingGrounds: readonly CreditListingGround[] = Object.freeze([
  {
    code: 'major_accident',
    zh: '发生特别重大、重大生产安全事故负有责任',
    en: 'Responsible for an especially major or major accident',
    verification: 'M',
  },
  {
    code: 'repeated_larger_accidents',
    zh: '一年内累计发生两起以上较大生产安全事故',
    en: 'Two or more larger accidents within one year',
    verification: 'M',
  },
  {
    code: 'aggravated_accident_fine',
    zh: '事故情节特别严重、影响特别恶劣，按罚款数额二倍以上五倍以下处罚',
    en: 'Accident fined two to five times for especially serious circumstances',
    verification: 'M',
  },
  {
    code: 'concealed_accident',
    zh: '瞒报、谎报生产安全事故',
    en: 'Concealed or falsely reported an accident',
    verification: 'M',
  },
  {
    code: 'unlicensed_operation',
    zh: '未依法取得安全生产许可擅自从事生产经营活动',
    en: 'Operated without the required safety licence',
    verification: 'M',
  },
  {
    code: 'refuse_suspension',
    zh: '拒不执行停产停业整顿等执法决定',
    en: 'Refused to comply with a suspension or similar order',
    verification: 'M',
  },
  {
    code: 'repeated_major_hazard',
    zh: '存在重大事故隐患，一年内因同一隐患受到两次以上行政处罚或者拒不整改',
    en: 'Major hidden hazard penalised twice in a year, or not rectified',
    verification: 'M',
  },
  {
    code: 'false_report_agency',
    zh: '安全评价、检测检验机构租借资质、挂靠、出具虚假报告或者证书',
    en: 'Assessment or testing agency lent its licence or issued false reports',
    verification: 'M',
  },
  {
    code: 'other_statutory',
    zh: '法律、行政法规规定的其他情形',
    en: 'Other grounds set by law or regulation',
    verification: 'M',
  },
]);

interface Names {
  readonly zh: string;
  readonly en: string;
}

export const creditListingStatusNames: Readonly<Record<CreditListingStatus, Names>> = {
  candidate: { zh: '拟列入（待告知）', en: 'Candidate (awaiting notice)' },
  notified: { zh: '已告知（异议期）', en: 'Notified (objection period)' },
  listed: { zh: '已决定列入（待公示）', en: 'Listed (awaiting publication)' },
  published: { zh: '已公示', en: 'Published' },
  repair_pending: { zh: '信用修复申请审核中', en: 'Early removal applied for' },
  repaired: { zh: '已提前移出（信用修复）', en: 'Removed early (credit repaired)' },
  expired: { zh: '期满移出', en: 'Removed at the end of the term' },
  dismissed: { zh: '不予列入', en: 'Not listed' },
  cancelled: { zh: '已撤销列入', en: 'Listing cancelled' },
};
