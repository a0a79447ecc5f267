/**
 * 同比 (statistics-and-plan.md §1.7): change = 本期 − 上年同期, rate = change ÷ 上年同期 × 100 %
 * (2 decimals); a zero base prints "净增加 N" with no rate, an equal one "持平".
 * Checks from the published reports: 13 vs 17 起 → −23.53 %; 508.7 vs 714.47 万元 → −28.80 %.
 */
export type YearOnYearKind = 'up' | 'down' | 'flat' | 'net_increase';

export interface YearOnYear {
  readonly previous: number;
  readonly change: number;
  readonly ratePercent: number | null;
  readonly kind: YearOnYearKind;
}

export function yearOnYear(current: number, previous: number): YearOnYear {
  const change = roundMoney(current - previous);
  if (change === 0) return { previous, change: 0, ratePercent: 0, kind: 'flat' };
  if (previous === 0) return { previous, change, ratePercent: null, kind: 'net_increase' };
  const rate = Math.round(((current - previous) / previous) * 10_000) / 100;
  return { previous, change, ratePercent: rate, kind: change > 0 ? 'up' : 'down' };
}

/** Loss figures carry 4 decimals of 万元; differences are rounded back to them. */
function roundMoney(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/** The printed change: "+4 (+30.77%)", "净增加 3", "持平". */
export function describeYearOnYear(y: YearOnYear, language: 'zh-CN' | 'en'): string {
  if (y.kind === 'flat') return language === 'en' ? 'unchanged' : '持平';
  if (y.kind === 'net_increase') return language === 'en' ? `net increase ${y.change}` : `净增加 ${y.change}`;
  const sign = y.change > 0 ? '+' : '';
  return `${sign}${y.change} (${sign}${y.ratePercent!.toFixed(2)}%)`;
}
