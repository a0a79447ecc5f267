import type { VerificationMark } from './time-limit.ts';

/*
 * Kinds of enforcement document (执法文书) the workflows produce (ecosystem-security.md §A3, from the
 * Tianjin 立卷规定 list). `numberTag` goes between the agency prefix and the year in the document
 * number, as in (县简称)应急XX〔2025〕12号 (§A3, from the 煤矿 执法文书制作规范). The tags follow the
 * national 安全生产监管监察执法文书 式样 as remembered [M]; a bureau may change them.
 */

export const enforcementDocumentTypeCodes = [
  'inspection_record',
  'rectification_order',
  'rectification_review',
  'penalty_notice',
  'penalty_decision',
] as const;
export type EnforcementDocumentTypeCode = (typeof enforcementDocumentTypeCodes)[number];

export interface EnforcementDocumentType {
  readonly code: EnforcementDocumentTypeCode;
  readonly zh: string;
  readonly en: string;
  readonly numberTag: string;
  readonly verification: VerificationMark;
}

export const enforcementDocumentTypes: readonly EnforcementDocumentType[] = Object.freeze([
  {
    code: 'inspection_record',
    zh: '现场检查记录',
    en: 'On-site inspection record',
    numberTag: '检记',
    verification: 'M',
  },
  {
    code: 'rectification_order',
    zh: '责令限期整改指令书',
    en: 'Order to rectify within a time limit',
    numberTag: '责改',
    verification: 'M',
  },
  {
    code: 'rectification_review',
    zh: '整改复查意见书',
    en: 'Opinion on the review of rectification',
    numberTag: '复查',
    verification: 'M',
  },
  {
    code: 'penalty_notice',
    zh: '行政处罚告知书',
    en: 'Notice of an intended administrative penalty',
    numberTag: '罚告',
    verification: 'M',
  },
  {
    code: 'penalty_decision',
    zh: '行政处罚决定书',
    en: 'Administrative penalty decision',
    numberTag: '罚',
    verification: 'M',
  },
]);
