export type IndicatorKind = 'binding' | 'expected';
export type IndicatorTrack = 'on_track' | 'at_risk' | 'off_track' | 'no_data';
/** published = the plan's own figure (city-wide only); computed = from the base period's figures. */
export type IndicatorBaselineSource = 'published' | 'computed';
export interface IndicatorPoint {
  year: number;
  milestone: number | null;
  actual: number | null;
}
export interface IndicatorStatus {
  code: string; // e.g. 'deaths', 'major_accidents', 'deaths_per_100m_gdp', 'deaths_per_100k_workers'
  nameZh: string;
  nameEn: string;
  unit: string;
  kind: IndicatorKind;
  decimals: number; // every value below is rounded to these; screens print them with as many
  baselineValue: number | null;
  baselineSource: IndicatorBaselineSource;
  baselineNote: string | null; // the published figure's source; null when computed
  baselineFrom: number; // base period the computed baseline reads (from = to for a base year)
  baselineTo: number;
  targetValue: number | null; // plan-end target
  milestone: number | null; // this year's milestone on the path
  actual: number | null; // year to date
  projected: number | null;
  projectedLow: number | null;
  projectedHigh: number | null; // year end
  status: IndicatorTrack;
  reasonZh: string;
  reasonEn: string;
  trajectory: IndicatorPoint[]; // baseline year .. plan end year
}
export interface IndicatorSummary {
  year: number;
  divisionCode: string | null;
  includesDemo: boolean;
  indicators: IndicatorStatus[];
}
