import type { PenaltyKind } from './penalty-case-terms.ts';
import type { TimeLimit } from './time-limit.ts';

/*
 * Statutory time limits of a penalty case. shared/reference/standards.md does not cover the 行政处罚法,
 * so every figure here is M (from the official text as remembered, to be checked before release) or
 * NF (our assumption); all are configurable. 行政处罚法 Art. 85 [M]: its 三日, 五日 and 七日 are working
 * days (不含法定节假日); longer periods are calendar days.
 */
export interface PenaltyCaseTimeLimits {
  /** Decision within 90 days of filing (Art. 60) [M]. */
  readonly decision: TimeLimit;
  /** Most days the decision period may be extended by in total (NF: rules below the law differ). */
  readonly maxDecisionExtensionDays: number;
  /** Statement and defence (陈述、申辩) after the notice is served [M]. */
  readonly statement: TimeLimit;
  /** Hearing request within 5 days of being told of the right (Art. 64(1), Art. 85) [M]. */
  readonly hearingRequest: TimeLimit;
  /** The party is told the time and place 7 days before the hearing (Art. 64(2), Art. 85) [M]. */
  readonly hearingNotice: TimeLimit;
  /** A decision not handed over on the spot is served within 7 days (Art. 61) [M]. */
  readonly decisionService: TimeLimit;
  /** The fine is paid within 15 days of service (Art. 67) [M]. */
  readonly payment: TimeLimit;
  /** Administrative reconsideration (行政复议) may be applied for within 60 days [M]. */
  readonly reconsideration: TimeLimit;
  /** An administrative suit may be brought within 6 months (行政诉讼法 Art. 46) [M]. */
  readonly litigation: TimeLimit;
  /** Court enforcement is applied for within 3 months after the suit period (行政强制法 Art. 53) [M]. */
  readonly enforcementApplication: TimeLimit;
}

export const defaultPenaltyCaseTimeLimits: PenaltyCaseTimeLimits = Object.freeze<PenaltyCaseTimeLimits>({
  decision: {
    amount: 90,
    unit: 'calendar_days',
    basisZh: '《行政处罚法》第六十条：自立案之日起九十日内作出行政处罚决定',
    basisEn: 'Administrative Penalty Law Art. 60: decide within 90 days of filing',
    verification: 'M',
  },
  maxDecisionExtensionDays: 90,
  statement: {
    amount: 3,
    unit: 'working_days',
    basisZh: '收到行政处罚告知书之日起三日内提出陈述、申辩（安全生产行政处罚规章）',
    basisEn: 'Statement and defence within 3 days of receiving the notice (work-safety penalty rules)',
    verification: 'M',
  },
  hearingRequest: {
    amount: 5,
    unit: 'working_days',
    basisZh: '《行政处罚法》第六十四条：告知后五日内提出听证要求',
    basisEn: 'Administrative Penalty Law Art. 64: request a hearing within 5 days of being told',
    verification: 'M',
  },
  hearingNotice: {
    amount: 7,
    unit: 'working_days',
    basisZh: '《行政处罚法》第六十四条：举行听证的七日前通知当事人',
    basisEn: 'Administrative Penalty Law Art. 64: notify the party 7 days before the hearing',
    verification: 'M',
  },
  decisionService: {
    amount: 7,
    unit: 'working_days',
    basisZh: '《行政处罚法》第六十一条：当事人不在场的，七日内送达',
    basisEn: 'Administrative Penalty Law Art. 61: serve within 7 days if the party was absent',
    verification: 'M',
  },
  payment: {
    amount: 15,
    unit: 'calendar_days',
    endsOnWorkingDay: true,
    basisZh: '《行政处罚法》第六十七条：收到决定书之日起十五日内缴纳罚款',
    basisEn: 'Administrative Penalty Law Art. 67: pay within 15 days of receiving the decision',
    verification: 'M',
  },
  reconsideration: {
    amount: 60,
    unit: 'calendar_days',
    endsOnWorkingDay: true,
    basisZh: '《行政复议法》：知道行政行为之日起六十日内申请行政复议',
    basisEn: 'Administrative Reconsideration Law: apply within 60 days',
    verification: 'M',
  },
  litigation: {
    amount: 6,
    unit: 'months',
    endsOnWorkingDay: true,
    basisZh: '《行政诉讼法》第四十六条：知道作出行政行为之日起六个月内提起诉讼',
    basisEn: 'Administrative Litigation Law Art. 46: sue within 6 months',
    verification: 'M',
  },
  enforcementApplication: {
    amount: 3,
    unit: 'months',
    basisZh: '《行政强制法》第五十三条：期限届满之日起三个月内申请人民法院强制执行',
    basisEn: 'Administrative Compulsion Law Art. 53: apply to the court within 3 months after the periods',
    verification: 'M',
  },
});

/**
 * When a proposed penalty carries the right to a hearing (行政处罚法 Art. 63 [M]): a large fine or
 * confiscation, a downgrade or revocation, suspension, closure, a trade bar. What counts as large is
 * set by the province; without one, 2万元 for an individual and 5万元 for an organisation — the
 * fallback of the 安全生产违法行为行政处罚办法 as remembered [M]; confiscation uses the same [NF].
 */
export interface HearingRightRules {
  readonly kinds: readonly PenaltyKind[];
  readonly largeAmountYuan: { readonly organisation: string; readonly individual: string };
}

export const defaultHearingRightRules: HearingRightRules = Object.freeze<HearingRightRules>({
  kinds: [
    'qualification_downgrade',
    'licence_revocation',
    'production_suspension',
    'closure',
    'employment_restriction',
  ],
  largeAmountYuan: { organisation: '50000', individual: '20000' },
});

export interface PenaltyCaseRules {
  readonly timeLimits: PenaltyCaseTimeLimits;
  readonly hearingRight: HearingRightRules;
  /** 行政处罚法 Art. 42 and 55 [M]: at least two officers investigate. */
  readonly minimumInvestigators: number;
  /** 行政处罚法 Art. 58(1)(2) [M]: a case that went through a hearing needs a legal review. */
  readonly legalReviewAfterHearing: boolean;
}

export const defaultPenaltyCaseRules: PenaltyCaseRules = Object.freeze<PenaltyCaseRules>({
  timeLimits: defaultPenaltyCaseTimeLimits,
  hearingRight: defaultHearingRightRules,
  minimumInvestigators: 2,
  legalReviewAfterHearing: true,
});
