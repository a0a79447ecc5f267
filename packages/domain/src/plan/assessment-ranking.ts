/**
 * The yearly target-responsibility assessment (目标责任考核, statistics-and-plan.md §4.2): a scheme
 * of items with maximum scores (weights) summing to 100, each unit's scores per item, grade bands
 * (国办发〔2016〕64号: 优秀/良好/合格/不合格) and veto items (一票否决: e.g. a 较大 accident, the unit
 * is graded 不合格 and ranked after every unit without one). Units with equal totals share a rank.
 */
export const assessmentGrades = ['excellent', 'good', 'pass', 'fail'] as const;
export type AssessmentGrade = (typeof assessmentGrades)[number];

export const assessmentGradeNames: Readonly<Record<AssessmentGrade, { zh: string; en: string }>> = {
  excellent: { zh: '优秀', en: 'Excellent' },
  good: { zh: '良好', en: 'Good' },
  pass: { zh: '合格', en: 'Pass' },
  fail: { zh: '不合格', en: 'Fail' },
};

export interface AssessmentItem {
  readonly code: string;
  readonly name: string;
  readonly maxScore: number;
}

export interface UnitScores {
  readonly organisationId: string;
  readonly scores: Readonly<Record<string, number>>;
  readonly veto: string | null;
}

export interface RankedUnit {
  readonly organisationId: string;
  readonly total: number;
  readonly grade: AssessmentGrade;
  readonly rank: number;
  readonly veto: string | null;
  readonly scored: number;
}

/** Grade bands on a 100-point scheme: ≥ 90 优秀, ≥ 80 良好, ≥ 60 合格, below 60 不合格. */
export function assessmentGrade(total: number, veto: string | null): AssessmentGrade {
  if (veto !== null) return 'fail';
  if (total >= 90) return 'excellent';
  if (total >= 80) return 'good';
  if (total >= 60) return 'pass';
  return 'fail';
}

/** Totals in tenths of a point, so 0.1 + 0.2 never ranks below 0.3 (items not scored count 0). */
export function assessmentTotal(
  items: readonly AssessmentItem[],
  scores: Readonly<Record<string, number>>,
): number {
  const tenths = items.reduce((sum, item) => sum + Math.round((scores[item.code] ?? 0) * 10), 0);
  return tenths / 10;
}

const totalOf = (items: readonly AssessmentItem[], unit: UnitScores) => assessmentTotal(items, unit.scores);

export function rankAssessment(items: readonly AssessmentItem[], units: readonly UnitScores[]): RankedUnit[] {
  const totals = units.map((unit) => ({
    organisationId: unit.organisationId,
    total: totalOf(items, unit),
    veto: unit.veto,
    grade: assessmentGrade(totalOf(items, unit), unit.veto),
    scored: items.filter((item) => unit.scores[item.code] !== undefined).length,
  }));
  const order = (a: (typeof totals)[number]) => (a.veto === null ? 0 : 1);
  totals.sort((a, b) => order(a) - order(b) || b.total - a.total);
  return totals.map((unit, index) => {
    const first = totals.findIndex((other) => order(other) === order(unit) && other.total === unit.total);
    return { ...unit, rank: first === -1 ? index + 1 : first + 1 };
  });
}

/** Whether every score lies within its item's range (0 … maxScore, in tenths). */
export function scoreWithinItem(item: AssessmentItem, score: number): boolean {
  return score >= 0 && score <= item.maxScore && Math.abs(score * 10 - Math.round(score * 10)) < 1e-9;
}
