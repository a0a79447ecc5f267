import type { IndicatorKind } from './indicator-status.ts';

/** The quantity an indicator measures; each has one formula in indicator-value.ts. */
export const indicatorFormulas = [
  'deaths',
  'major_accidents',
  'deaths_per_100m_gdp',
  'deaths_per_100k_workers',
] as const;
export type IndicatorFormula = (typeof indicatorFormulas)[number];

/**
 * How the plan compares: 'point' = the target year's value against the base year's (十一五 style,
 * 2025 vs 2020); 'period_average' = the plan period's yearly average against the base period's
 * (the seed's note on 较大生产安全事故起数: 十四五 average vs 十三五 average).
 */
export const indicatorComparisons = ['point', 'period_average'] as const;
export type IndicatorComparison = (typeof indicatorComparisons)[number];

/** One indicator of a plan, as data: the next plan or another city is configuration, not code. */
export interface IndicatorDefinition {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly unit: string;
  readonly kind: IndicatorKind;
  readonly formula: IndicatorFormula;
  readonly comparison: IndicatorComparison;
  /** Base period: one year for 'point' (from = to), the base plan's years for 'period_average'. */
  readonly baselineFrom: number;
  readonly baselineTo: number;
  /** The plan's last year (2025 for 十四五); the plan runs baselineTo + 1 .. targetYear. */
  readonly targetYear: number;
  /** Relative change the plan asks for: −0.15 = 下降 15 %. */
  readonly targetChange: number;
  /** Decimals shown (rates: 3, counts: 0). */
  readonly decimals: number;
  /**
   * The baseline the plan itself publishes for the whole city (e.g. a 十三五 figure in 专栏1), with the
   * note naming its source; null = computed from the imported yearly figures. Counties never use it
   * (docs/decisions/0007-published-baseline.md).
   */
  readonly publishedBaseline: number | null;
  readonly publishedBaselineNote: string | null;
}

/** One year's statistics of an area: what every formula reads. */
export interface YearFigures {
  readonly year: number;
  /** 生产安全事故 deaths, missing included (死亡和下落不明), all sectors. */
  readonly deaths: number;
  /** Deaths (and missing) in 工矿商贸 sectors only. */
  readonly industrialDeaths: number;
  /** Accidents of the statutory class 较大. */
  readonly largerAccidents: number;
  /** 地区生产总值, 亿元 at current prices; null when not imported. */
  readonly gdpYi: number | null;
  /** 工矿商贸就业人员 (persons); null when not imported. */
  readonly industrialWorkers: number | null;
}
