import type { WhistleCategory } from '../whistleblowing/whistle.schema.ts';
import { addCalendarMonths } from './calendar-date.ts';
import type { VerificationMark } from './time-limit.ts';

/*
 * 信用记录 from public reports (issue 16: "repeated verified reports feed the credit rules"). No
 * national rule sets a count of verified reports that lowers an enterprise's credit; this one is the
 * bureau's (NF), dated like the whistleblowing rules so a change never rewrites an earlier record:
 *
 *   Walk the enterprise's reports verified 属实 or 部分属实 (a duplicate is not counted again) in the
 *   order they were verified. When `threshold` of them not yet used lie within `windowMonths` of the
 *   latest (its day and the day `windowMonths` before it included), they make one deduction of
 *   `points`, recorded on the latest one's day and in force for `termMonths`; those reports are
 *   used. The rule set in force on that day decides.
 *
 * Derived, never stored: a verification reversed (an objection upheld reopens the case, a re-check
 * finds the report untrue) takes its report out of the facts and the deduction it completed goes.
 */
export interface CreditReportRuleSet {
  readonly id: string;
  /** In force for deductions recorded on or after this day (until the next set's day). */
  readonly validFrom: string;
  /** Verified reports that make one deduction (default 2). */
  readonly threshold: number;
  /** They must lie within this many months of one another (default 12). */
  readonly windowMonths: number;
  /** Points deducted from the enterprise's credit record (NF). */
  readonly points: number;
  /** Months the deduction stays in force from its day (default 12). */
  readonly termMonths: number;
  readonly basisZh: string;
  readonly basisEn: string;
  readonly verification: VerificationMark;
}

export const creditReportRuleSets: readonly CreditReportRuleSet[] = Object.freeze([
  Object.freeze({
    id: 'anjian-2025',
    validFrom: '2000-01-01',
    threshold: 2,
    windowMonths: 12,
    points: 5,
    termMonths: 12,
    basisZh: '本局设定：12个月内2件举报经核查属实（含部分属实）的，记入企业信用记录（未找到上位规定）',
    basisEn:
      'Set by the bureau: two reports verified true or partly true within 12 months go on the credit record (no higher rule found)',
    verification: 'NF' as const,
  }),
]);

/** The set in force on a day: the latest that began on or before it (else the earliest). */
export function creditReportRulesOn(
  date: string,
  sets: readonly CreditReportRuleSet[] = creditReportRuleSets,
): CreditReportRuleSet {
  const sorted = [...sets].sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1));
  return sorted.filter((set) => set.validFrom <= date).at(-1) ?? sorted[0]!;
}

/** A report about the enterprise verified 属实 or 部分属实, not a duplicate of another. */
export interface CreditReportFact {
  readonly reportId: string;
  readonly verifiedOn: string;
  readonly category: WhistleCategory;
  readonly outcome: 'true' | 'partly_true';
}

export interface CreditReportDeduction {
  /** The day of the report that completed the count. */
  readonly recordedOn: string;
  /** The last day in force. */
  readonly endsOn: string;
  readonly inForce: boolean;
  readonly points: number;
  readonly ruleId: string;
  readonly threshold: number;
  readonly windowMonths: number;
  /** The reports it rests on, oldest first. */
  readonly reports: readonly CreditReportFact[];
  /** The reason, naming the reports by the day verified, their kind and what was found. */
  readonly reasonZh: string;
  readonly reasonEn: string;
}

const categoryZh: Record<WhistleCategory, string> = {
  major_hazard: '重大事故隐患',
  illegal_operation: '安全生产违法行为',
  concealed_accident: '谎报瞒报事故',
};
const categoryEn: Record<WhistleCategory, string> = {
  major_hazard: 'major hidden hazard',
  illegal_operation: 'illegal operation',
  concealed_accident: 'concealed accident',
};
const outcomeZh = { true: '属实', partly_true: '部分属实' } as const;
const outcomeEn = { true: 'true', partly_true: 'partly true' } as const;

function reasons(rules: CreditReportRuleSet, reports: readonly CreditReportFact[]) {
  const zh = reports
    .map((r) => `${r.verifiedOn}核查${outcomeZh[r.outcome]}的${categoryZh[r.category]}举报`)
    .join('、');
  const en = reports
    .map((r) => `a ${categoryEn[r.category]} report verified ${outcomeEn[r.outcome]} on ${r.verifiedOn}`)
    .join('; ');
  return {
    reasonZh: `${rules.windowMonths}个月内${reports.length}件举报经核查属实：${zh}（达到${rules.threshold}件的标准）`,
    reasonEn: `${reports.length} reports verified within ${rules.windowMonths} months: ${en} (the rule counts ${rules.threshold})`,
  };
}

const byDay = (a: CreditReportFact, b: CreditReportFact) =>
  a.verifiedOn === b.verifiedOn ? (a.reportId < b.reportId ? -1 : 1) : a.verifiedOn < b.verifiedOn ? -1 : 1;

/**
 * The deductions an enterprise's verified reports make, newest first. Reports verified after
 * `today` are not counted yet; `inForce` compares the deduction's last day with `today`.
 */
export function creditReportDeductions(
  facts: readonly CreditReportFact[],
  today: string,
  sets: readonly CreditReportRuleSet[] = creditReportRuleSets,
): CreditReportDeduction[] {
  const deductions: CreditReportDeduction[] = [];
  let pending: CreditReportFact[] = [];
  for (const fact of facts.filter((f) => f.verifiedOn <= today).sort(byDay)) {
    const rules = creditReportRulesOn(fact.verifiedOn, sets);
    const windowStart = addCalendarMonths(fact.verifiedOn, -rules.windowMonths);
    pending = [...pending.filter((p) => p.verifiedOn >= windowStart), fact];
    if (pending.length < rules.threshold) continue;
    const endsOn = addCalendarMonths(fact.verifiedOn, rules.termMonths);
    deductions.push({
      recordedOn: fact.verifiedOn,
      endsOn,
      inForce: today <= endsOn,
      points: rules.points,
      ruleId: rules.id,
      threshold: rules.threshold,
      windowMonths: rules.windowMonths,
      reports: pending,
      ...reasons(rules, pending),
    });
    pending = [];
  }
  return deductions.reverse();
}

/** Throws a plain Error naming the first bad figure; the server's configuration calls it at start. */
export function checkCreditReportRuleSet(set: CreditReportRuleSet): CreditReportRuleSet {
  const figures = [
    ['threshold', set.threshold, 1, 20],
    ['windowMonths', set.windowMonths, 1, 120],
    ['points', set.points, 0, 1000],
    ['termMonths', set.termMonths, 1, 120],
  ] as const;
  for (const [name, value, min, max] of figures)
    if (!Number.isSafeInteger(value) || value < min || value > max)
      throw new Error(`${name} must be an integer from ${min} to ${max}`);
  return set;
}
