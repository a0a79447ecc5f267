import type { AgencyCreditKind, SpotCheckSeverity, Term } from './obligation-terms.ts';
import type { ParameterMark } from './obligation-parameters.ts';

/** What a finding of a given severity costs the agency. */
export interface CreditConsequence {
  readonly kind: AgencyCreditKind;
  readonly points: number;
}

/**
 * One problem type a spot check can find in a report, with its credit consequence per severity. The
 * list is the bureau's to configure (`createObligationsModule({ spotCheckProblems })`); the defaults
 * follow 安全生产法 Art. 92 and 令第1号 Arts. 28–30 in spirit, the points are a local scoring scheme.
 */
export interface SpotCheckProblemRule extends Term {
  readonly code: string;
  readonly minor: CreditConsequence;
  readonly serious: CreditConsequence;
  readonly sourceZh: string;
  readonly sourceEn: string;
  readonly mark: ParameterMark;
}

const scheme = {
  sourceZh: '扣分分值为本局信用评价办法的示例，待本局确定',
  sourceEn: 'The points are an example scoring scheme for the bureau to set',
  mark: 'U',
} as const;

export const defaultSpotCheckProblems: readonly SpotCheckProblemRule[] = Object.freeze([
  {
    code: 'false_conclusion',
    zh: '报告结论不实',
    en: 'Conclusion not true to the facts',
    minor: { kind: 'deduction', points: 10 },
    serious: { kind: 'bad_record', points: 20 },
    ...scheme,
  },
  {
    code: 'no_site_visit',
    zh: '未到现场',
    en: 'No site visit',
    minor: { kind: 'bad_record', points: 10 },
    serious: { kind: 'bad_record', points: 20 },
    ...scheme,
  },
  {
    code: 'signer_mismatch',
    zh: '签字人员不符',
    en: 'Signers do not match',
    minor: { kind: 'deduction', points: 5 },
    serious: { kind: 'bad_record', points: 10 },
    ...scheme,
  },
  {
    // 安全生产法 Art. 92 ¶2: a false report loses the qualification; the bureau lists the agency.
    code: 'fabricated_data',
    zh: '数据造假',
    en: 'Fabricated data',
    minor: { kind: 'blacklist', points: 100 },
    serious: { kind: 'blacklist', points: 100 },
    ...scheme,
  },
  {
    code: 'other',
    zh: '其他',
    en: 'Other',
    minor: { kind: 'deduction', points: 2 },
    serious: { kind: 'deduction', points: 5 },
    ...scheme,
  },
]);

export interface SpotCheckFindingFacts {
  readonly problem: string;
  readonly severity: SpotCheckSeverity;
}

/** The credit record each finding gives the agency; null for a problem code not in the rules. */
export function agencyCreditConsequence(
  finding: SpotCheckFindingFacts,
  rules: readonly SpotCheckProblemRule[],
): CreditConsequence | null {
  const rule = rules.find((r) => r.code === finding.problem);
  return rule ? rule[finding.severity] : null;
}

export interface AgencyCreditStanding {
  /** 100 less the points of every record, never below 0. */
  readonly score: number;
  readonly blacklisted: boolean;
}

export function agencyCreditStanding(records: readonly CreditConsequence[]): AgencyCreditStanding {
  const points = records.reduce((sum, r) => sum + r.points, 0);
  return { score: Math.max(0, 100 - points), blacklisted: records.some((r) => r.kind === 'blacklist') };
}
