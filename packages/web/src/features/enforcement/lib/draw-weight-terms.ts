import type { RiskWeightBreakdown, RiskWeightFactors } from '@anjian/domain';

/** A pool entry of a risk-weighted draw as the draw page shows it: the weight and its terms. */
export interface WeightedPoolEntry {
  readonly factors?: RiskWeightFactors;
  readonly points?: RiskWeightBreakdown;
}

/**
 * The terms of an enterprise's weight in words, as the published formula names them: 风险等级 4 +
 * 隐患 2 + 报警 0 + 举报 4（2 件）× 1. The report term only where the draw's formula has it.
 */
export function weightTermsText(
  entry: WeightedPoolEntry,
  t: (key: string, values?: Record<string, unknown>) => string,
): string {
  const p = entry.points;
  if (!p) return '';
  const terms = [
    t('enforcement.draws.terms.level', { n: p.levelPoints }),
    t('enforcement.draws.terms.hazard', { n: p.hazardPoints }),
    t('enforcement.draws.terms.alarm', { n: p.alarmPoints }),
  ];
  if (entry.factors?.verifiedReports !== undefined)
    terms.push(
      t('enforcement.draws.terms.report', { n: p.reportPoints, count: entry.factors.verifiedReports }),
    );
  return `${terms.join(' + ')} ${t('enforcement.draws.terms.multiplier', { n: p.multiplier })}`;
}
