import type { IndicatorStatus, IndicatorTrack } from '@anjian/domain';

/** A 同比 as the server sends it (domain year-on-year.ts). */
export interface YearOnYearView {
  previous: number;
  change: number;
  ratePercent: number | null;
  kind: 'up' | 'down' | 'flat' | 'net_increase';
}

type Translate = (key: string, values?: Record<string, unknown>) => string;

/** "+4（+30.77%）", "净增加 3", "持平" — the published reports' wording. */
export function describeChange(y: YearOnYearView, t: Translate): string {
  if (y.kind === 'flat') return t('statistics.monthly.flat');
  if (y.kind === 'net_increase') return t('statistics.monthly.netIncrease', { n: y.change });
  const sign = y.change > 0 ? '+' : '';
  return `${sign}${y.change}（${sign}${y.ratePercent!.toFixed(2)}%）`;
}

/** Element Plus tag type of a status: green on track, amber at risk, red off track, grey no data. */
export function statusTagType(status: IndicatorTrack): 'success' | 'warning' | 'danger' | 'info' {
  return ({ on_track: 'success', at_risk: 'warning', off_track: 'danger', no_data: 'info' } as const)[status];
}

/** A value with the indicator's own decimals; "—" for no data. */
export function indicatorValue(value: number | null, decimals: number): string {
  return value === null ? '—' : value.toFixed(decimals);
}

/** An indicator's base period: "2020", or "2016–2020" for a base-period mean. */
export function baselinePeriod(indicator: { baselineFrom: number; baselineTo: number }): string {
  return indicator.baselineFrom === indicator.baselineTo
    ? String(indicator.baselineFrom)
    : `${indicator.baselineFrom}–${indicator.baselineTo}`;
}

/** Where a baseline comes from: "规划公布", or "按 2016–2020 年数据计算" (a county always the latter). */
export function baselineSourceText(
  indicator: Pick<IndicatorStatus, 'baselineSource' | 'baselineFrom' | 'baselineTo'>,
  t: Translate,
): string {
  return indicator.baselineSource === 'published'
    ? t('statistics.indicators.baselinePublished')
    : t('statistics.indicators.baselineComputed', { period: baselinePeriod(indicator) });
}

/** The trajectory chart: the straight target path and the actual values, year by year. */
export function trajectoryOption(indicator: IndicatorStatus, names: { milestone: string; actual: string }) {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 32, bottom: 28 },
    xAxis: { type: 'category', data: indicator.trajectory.map((p) => String(p.year)) },
    yAxis: { type: 'value', min: 0 },
    series: [
      {
        name: names.milestone,
        type: 'line',
        lineStyle: { type: 'dashed' },
        data: indicator.trajectory.map((p) => p.milestone),
      },
      { name: names.actual, type: 'bar', data: indicator.trajectory.map((p) => p.actual) },
    ],
  };
}
