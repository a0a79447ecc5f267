import type { IndicatorDefinition, YearFigures } from './indicator-definition.ts';
import type {
  IndicatorBaselineSource,
  IndicatorPoint,
  IndicatorStatus,
  IndicatorTrack,
} from './indicator-status.ts';
import { indicatorValue, roundTo } from './indicator-value.ts';
import { projectCount, type YearProgress } from './year-end-projection.ts';

export interface IndicatorInput {
  readonly definition: IndicatorDefinition;
  /** Figures by year, from the first base year to `year` (the current year to date). */
  readonly figures: ReadonlyMap<number, YearFigures>;
  readonly year: number;
  /** null: `year` is complete. */
  readonly progress: YearProgress | null;
  /**
   * The figures are the whole city's, so the plan's published baseline applies; absent or false for a
   * county or a group of counties, which have no published figure and keep the computed one.
   */
  readonly wholeCity?: boolean;
}

const valueOf = (definition: IndicatorDefinition, figures: YearFigures | undefined) =>
  figures ? indicatorValue(definition.formula, figures) : null;

/**
 * Baseline of an indicator: the base year's value ('point'), or the mean of the base period's
 * yearly values ('period_average', the seed's 专栏1 note: 十三五 = 2016–2020). Null if a year lacks data.
 */
export function indicatorBaseline(
  definition: IndicatorDefinition,
  figures: ReadonlyMap<number, YearFigures>,
): number | null {
  const values: number[] = [];
  for (let year = definition.baselineFrom; year <= definition.baselineTo; year++) {
    const value = valueOf(definition, figures.get(year));
    if (value === null) return null;
    values.push(value);
  }
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/**
 * The baseline an area is judged against: the plan's published figure for the whole city when the
 * bureau set one, else the computed one (docs/decisions/0007-published-baseline.md). A county's
 * figures are a share of the city's, so the city's published figure never stands for a county.
 */
export function resolveBaseline(input: IndicatorInput): {
  value: number | null;
  source: IndicatorBaselineSource;
} {
  const { publishedBaseline } = input.definition;
  if (input.wholeCity && publishedBaseline !== null) return { value: publishedBaseline, source: 'published' };
  return { value: indicatorBaseline(input.definition, input.figures), source: 'computed' };
}

/** Plan-end target: baseline × (1 + change); −15 % of 100 deaths is 85. */
export function indicatorTarget(definition: IndicatorDefinition, baseline: number | null): number | null {
  return baseline === null ? null : baseline * (1 + definition.targetChange);
}

/**
 * This year's milestone. 'point': the straight line from the baseline (base year) to the target
 * (plan end), held after the plan ends. 'period_average': every plan year is held to the target
 * average, since the period's mean is what is judged.
 */
export function indicatorMilestone(
  definition: IndicatorDefinition,
  baseline: number | null,
  year: number,
): number | null {
  const target = indicatorTarget(definition, baseline);
  if (baseline === null || target === null || year < definition.baselineTo) return null;
  if (year === definition.baselineTo) return baseline;
  if (definition.comparison === 'period_average' || year >= definition.targetYear) return target;
  const share = (year - definition.baselineTo) / (definition.targetYear - definition.baselineTo);
  return baseline + (target - baseline) * share;
}

interface Projection {
  mid: number;
  low: number;
  high: number;
}

/** The year-end value of `year` projected from its figures to date, with its band. */
function projectYear(input: IndicatorInput): Projection | null {
  const now = input.figures.get(input.year);
  if (!now) return null;
  const last = input.figures.get(input.year - 1) ?? null;
  const counts = (pick: (f: YearFigures) => number) =>
    projectCount(pick(now), input.progress, last ? pick(last) : null);
  const deaths = counts((f) => f.deaths);
  const industrial = counts((f) => f.industrialDeaths);
  const larger = counts((f) => f.largerAccidents);
  if (!deaths || !industrial || !larger) return null;
  const at = (end: 'mid' | 'low' | 'high') =>
    valueOf(input.definition, {
      ...now,
      deaths: deaths[end],
      industrialDeaths: industrial[end],
      largerAccidents: larger[end],
    });
  const [mid, low, high] = [at('mid'), at('low'), at('high')];
  return mid === null || low === null || high === null ? null : { mid, low, high };
}

/** For 'period_average': the plan years' mean so far, this year projected. */
function periodAverage(input: IndicatorInput, thisYear: Projection): Projection | null {
  const first = input.definition.baselineTo + 1;
  if (input.year < first) return thisYear;
  let done = 0;
  for (let year = first; year < input.year; year++) {
    const value = valueOf(input.definition, input.figures.get(year));
    if (value === null) return null;
    done += value;
  }
  const n = input.year - first + 1;
  return {
    mid: (done + thisYear.mid) / n,
    low: (done + thisYear.low) / n,
    high: (done + thisYear.high) / n,
  };
}

export interface TrackDecision {
  status: IndicatorTrack;
  reasonZh: string;
  reasonEn: string;
}

/**
 * on track: the projection meets the milestone; at risk: it misses, but the band's better end
 * meets it; off track: even the better end misses. Lower is better when the plan asks for a decline.
 */
export function decideTrack(
  definition: IndicatorDefinition,
  milestone: number | null,
  judged: Projection | null,
): TrackDecision {
  if (milestone === null || judged === null)
    return {
      status: 'no_data',
      reasonZh: '缺少基期或本年数据（如地区生产总值、就业人员未导入）',
      reasonEn: 'Base-period or current data are missing (e.g. GDP or employment not imported)',
    };
  const lowerIsBetter = definition.targetChange <= 0;
  const meets = (value: number) => (lowerIsBetter ? value <= milestone : value >= milestone);
  const [m, v, best] = [
    fmt(milestone, definition),
    fmt(judged.mid, definition),
    fmt(lowerIsBetter ? judged.low : judged.high, definition),
  ];
  const what = definition.comparison === 'period_average' ? '规划期年均' : '年末';
  const whatEn = definition.comparison === 'period_average' ? 'the plan-period yearly mean' : 'the year end';
  if (meets(judged.mid))
    return {
      status: 'on_track',
      reasonZh: `${what}预计 ${v}，达到本年目标值 ${m}`,
      reasonEn: `Projected ${v} for ${whatEn}, within this year's milestone ${m}`,
    };
  if (meets(lowerIsBetter ? judged.low : judged.high))
    return {
      status: 'at_risk',
      reasonZh: `${what}预计 ${v}，超出本年目标值 ${m}；区间较好一端 ${best} 仍可达到`,
      reasonEn: `Projected ${v} for ${whatEn}, beyond the milestone ${m}; the band's better end ${best} still meets it`,
    };
  return {
    status: 'off_track',
    reasonZh: `${what}预计 ${v}，区间较好一端 ${best} 也未达到本年目标值 ${m}`,
    reasonEn: `Projected ${v} for ${whatEn}; even the band's better end ${best} misses the milestone ${m}`,
  };
}

const fmt = (value: number, definition: IndicatorDefinition) =>
  roundTo(value, definition.decimals).toFixed(definition.decimals);

const shown = (value: number | null, definition: IndicatorDefinition) =>
  value === null ? null : roundTo(value, definition.decimals);

/** Baseline year .. plan end: each year's milestone and actual value (null for years not reached). */
export function indicatorTrajectory(input: IndicatorInput, baseline: number | null): IndicatorPoint[] {
  const { definition } = input;
  const points: IndicatorPoint[] = [];
  for (let year = definition.baselineTo; year <= Math.max(definition.targetYear, input.year); year++)
    points.push({
      year,
      milestone: shown(indicatorMilestone(definition, baseline, year), definition),
      actual: year <= input.year ? shown(valueOf(definition, input.figures.get(year)), definition) : null,
    });
  return points;
}

/** An indicator's status for one year and area: the contract the cockpit reads. */
export function indicatorStatus(input: IndicatorInput): IndicatorStatus {
  const { definition } = input;
  const { value: baseline, source } = resolveBaseline(input);
  const milestone = indicatorMilestone(definition, baseline, input.year);
  const projection = projectYear(input);
  const judged =
    projection && definition.comparison === 'period_average' ? periodAverage(input, projection) : projection;
  const decision = decideTrack(definition, milestone, judged);
  return {
    code: definition.code,
    nameZh: definition.nameZh,
    nameEn: definition.nameEn,
    unit: definition.unit,
    kind: definition.kind,
    decimals: definition.decimals,
    baselineValue: shown(baseline, definition),
    baselineSource: source,
    baselineNote: source === 'published' ? definition.publishedBaselineNote : null,
    baselineFrom: definition.baselineFrom,
    baselineTo: definition.baselineTo,
    targetValue: shown(indicatorTarget(definition, baseline), definition),
    milestone: shown(milestone, definition),
    actual: shown(valueOf(definition, input.figures.get(input.year)), definition),
    projected: shown(projection?.mid ?? null, definition),
    projectedLow: shown(projection?.low ?? null, definition),
    projectedHigh: shown(projection?.high ?? null, definition),
    ...decision,
    trajectory: indicatorTrajectory(input, baseline),
  };
}
