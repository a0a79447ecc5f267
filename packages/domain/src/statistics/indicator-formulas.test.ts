import { describe, expect, it } from 'vitest';
import type { IndicatorDefinition, YearFigures } from './indicator-definition.ts';
import { indicatorBaseline, indicatorMilestone, indicatorStatus } from './indicator-trajectory.ts';

/**
 * Every indicator of 专栏1 on hand-computed cases (docs/statistics.md §3): the two rates, the
 * 十四五-vs-十三五 average rule over a whole plan period, and a county without 工矿商贸 employment.
 * The definitions are the rows the migration seeds.
 */
const base = {
  kind: 'binding',
  comparison: 'point',
  baselineFrom: 2020,
  baselineTo: 2020,
  targetYear: 2025,
  publishedBaseline: null,
  publishedBaselineNote: null,
} as const;
const perGdp: IndicatorDefinition = {
  ...base,
  code: 'deaths_per_100m_gdp',
  nameZh: '亿元地区生产总值生产安全事故死亡率',
  nameEn: 'Deaths per 100 million yuan of GDP',
  unit: '人/亿元',
  formula: 'deaths_per_100m_gdp',
  targetChange: -0.33,
  decimals: 3,
};
const perWorkers: IndicatorDefinition = {
  ...base,
  code: 'deaths_per_100k_workers',
  nameZh: '工矿商贸就业人员十万人生产安全事故死亡率',
  nameEn: 'Deaths per 100,000 industry, mining and trade workers',
  unit: '人/十万人',
  formula: 'deaths_per_100k_workers',
  targetChange: -0.2,
  decimals: 3,
};
const larger: IndicatorDefinition = {
  ...base,
  code: 'major_accidents',
  nameZh: '较大生产安全事故起数',
  nameEn: 'Larger work-safety accidents',
  unit: '起',
  formula: 'major_accidents',
  comparison: 'period_average',
  baselineFrom: 2016,
  targetChange: -0.2,
  decimals: 2,
};

const figuresOf = (rows: (Partial<YearFigures> & { year: number })[]) =>
  new Map<number, YearFigures>(
    rows.map((row) => [
      row.year,
      {
        deaths: 0,
        industrialDeaths: 0,
        largerAccidents: 0,
        gdpYi: null,
        industrialWorkers: null,
        ...row,
      },
    ]),
  );

/** 2024 is a leap year: day 183 of 366 is exactly half of it. */
const HALF_2024 = { elapsedDays: 183, daysInYear: 366 };

describe('亿元地区生产总值生产安全事故死亡率: all deaths ÷ GDP (亿元), −33 % by 2025', () => {
  // 2020: 60 deaths over 2,000 亿元 = 0.030; target 0.030 × 0.67 = 0.0201; the line falls 0.00198 a year.
  const data = figuresOf([
    { year: 2020, deaths: 60, gdpYi: 2000 },
    { year: 2023, deaths: 50, industrialDeaths: 10, gdpYi: 2500 },
    { year: 2024, deaths: 30, gdpYi: 2400 },
  ]);

  it('baseline 0.030, target 0.0201, milestones 0.02802 … 0.0201', () => {
    expect(indicatorBaseline(perGdp, data)).toBeCloseTo(0.03, 12);
    expect(indicatorMilestone(perGdp, 0.03, 2021)).toBeCloseTo(0.02802, 12);
    expect(indicatorMilestone(perGdp, 0.03, 2023)).toBeCloseTo(0.02406, 12);
    expect(indicatorMilestone(perGdp, 0.03, 2025)).toBeCloseTo(0.0201, 12);
  });

  it('2023 complete: 50 ÷ 2,500 = 0.020 against 0.024 is on track', () => {
    const status = indicatorStatus({ definition: perGdp, figures: data, year: 2023, progress: null });
    expect(status).toMatchObject({
      baselineValue: 0.03,
      targetValue: 0.02,
      milestone: 0.024,
      actual: 0.02,
      projected: 0.02,
      status: 'on_track',
      reasonZh: '年末预计 0.020，达到本年目标值 0.024',
    });
  });

  it('half of 2024 with 30 deaths projects 60 ± 10.74 deaths over 2,400 亿元: 0.025 (0.021–0.029), at risk against 0.022', () => {
    // Remainder 30 ÷ 183 × 183 = 30; band ± 1.96 √30 = ± 10.735 → 49.265 … 70.735 deaths.
    const status = indicatorStatus({ definition: perGdp, figures: data, year: 2024, progress: HALF_2024 });
    expect(status.actual).toBe(0.013); // 30 ÷ 2,400 = 0.0125, rounded half away from zero
    expect(status.milestone).toBe(0.022); // 0.03 − 4 × 0.00198 = 0.02208
    expect([status.projected, status.projectedLow, status.projectedHigh]).toEqual([0.025, 0.021, 0.029]);
    expect(status.status).toBe('at_risk');
  });

  it('without this year’s GDP the rate has no data rather than a guess', () => {
    const noGdp = figuresOf([
      { year: 2020, deaths: 60, gdpYi: 2000 },
      { year: 2024, deaths: 30 },
    ]);
    const status = indicatorStatus({ definition: perGdp, figures: noGdp, year: 2024, progress: HALF_2024 });
    expect([status.actual, status.projected, status.status]).toEqual([null, null, 'no_data']);
  });
});

describe('工矿商贸就业人员十万人生产安全事故死亡率: 工矿商贸 deaths ÷ workers × 10⁵, −20 % by 2025', () => {
  // 2020: 12 工矿商贸 deaths (of 60 in all) among 400,000 workers = 3.000; target 2.400; −0.12 a year.
  const data = figuresOf([
    { year: 2020, deaths: 60, industrialDeaths: 12, industrialWorkers: 400_000 },
    { year: 2021, deaths: 80, industrialDeaths: 11, industrialWorkers: 410_000 },
    { year: 2022, deaths: 40, industrialDeaths: 12, industrialWorkers: 400_000 },
  ]);

  it('counts only 工矿商贸 deaths: 2021 = 11 ÷ 410,000 × 10⁵ = 2.683 ≤ 2.880, on track although all deaths rose', () => {
    const status = indicatorStatus({ definition: perWorkers, figures: data, year: 2021, progress: null });
    expect([status.baselineValue, status.targetValue, status.milestone]).toEqual([3, 2.4, 2.88]);
    expect([status.actual, status.status]).toEqual([2.683, 'on_track']);
  });

  it('2022 = 12 ÷ 400,000 × 10⁵ = 3.000 > 2.760, off track although all deaths fell', () => {
    const status = indicatorStatus({ definition: perWorkers, figures: data, year: 2022, progress: null });
    expect([status.actual, status.milestone, status.status]).toEqual([3, 2.76, 'off_track']);
    expect(status.reasonEn).toBe(
      "Projected 3.000 for the year end; even the band's better end 3.000 misses the milestone 2.760",
    );
  });

  it('a county with zero 工矿商贸 employment has no rate at all: no data, never Infinity', () => {
    const county = figuresOf([
      { year: 2020, deaths: 3, industrialDeaths: 1, industrialWorkers: 0 },
      { year: 2021, deaths: 2, industrialDeaths: 1, industrialWorkers: 0 },
    ]);
    const status = indicatorStatus({ definition: perWorkers, figures: county, year: 2021, progress: null });
    expect(status).toMatchObject({
      baselineValue: null,
      targetValue: null,
      milestone: null,
      actual: null,
      projected: null,
      status: 'no_data',
    });
    expect(status.trajectory.every((p) => p.actual === null && p.milestone === null)).toBe(true);
  });

  it('a county whose employment drops to zero keeps its baseline but has no current rate', () => {
    const county = figuresOf([
      { year: 2020, industrialDeaths: 1, industrialWorkers: 20_000 },
      { year: 2021, industrialDeaths: 0, industrialWorkers: 0 },
    ]);
    const status = indicatorStatus({ definition: perWorkers, figures: county, year: 2021, progress: null });
    expect([status.baselineValue, status.milestone, status.actual, status.status]).toEqual([
      5,
      4.8,
      null,
      'no_data',
    ]);
  });
});

describe('较大生产安全事故起数: the 十四五 average against the 十三五 average (the seed’s note)', () => {
  // 十三五 2016–2020: 3, 2, 4, 1, 5 → mean 3.00; −20 % → the 十四五 mean must stay ≤ 2.40.
  const thirteenth = [3, 2, 4, 1, 5].map((n, i) => ({ year: 2016 + i, largerAccidents: n }));

  it('the whole 十四五 at 2, 3, 2, 3, 3 averages 2.60: off track, although 2021 and 2023 alone met 2.40', () => {
    const data = figuresOf([
      ...thirteenth,
      ...[2, 3, 2, 3, 3].map((n, i) => ({ year: 2021 + i, largerAccidents: n })),
    ]);
    const status = indicatorStatus({ definition: larger, figures: data, year: 2025, progress: null });
    expect([status.baselineValue, status.targetValue, status.milestone]).toEqual([3, 2.4, 2.4]);
    expect(status.actual).toBe(3);
    expect(status.status).toBe('off_track');
    expect(status.reasonZh).toBe('规划期年均预计 2.60，区间较好一端 2.60 也未达到本年目标值 2.40');
  });

  it('mid-2024 with 2 so far after 2, 2, 2: this year projects 4 (2–6.77), the mean 2.50 (2.00–3.19): at risk', () => {
    // Remainder 2 ÷ 183 × 183 = 2, band ± 1.96 √2 = ± 2.772 → low 2 + max(0, 2 − 2.772) = 2, high 6.772.
    const data = figuresOf([
      ...thirteenth,
      { year: 2021, largerAccidents: 2 },
      { year: 2022, largerAccidents: 2 },
      { year: 2023, largerAccidents: 2 },
      { year: 2024, largerAccidents: 2 },
    ]);
    const status = indicatorStatus({ definition: larger, figures: data, year: 2024, progress: HALF_2024 });
    expect([status.projected, status.projectedLow, status.projectedHigh]).toEqual([4, 2, 6.77]);
    expect(status.status).toBe('at_risk');
    expect(status.reasonZh).toBe('规划期年均预计 2.50，超出本年目标值 2.40；区间较好一端 2.00 仍可达到');
  });

  it('judged on the base period’s mean, not its last year: a 2020 of 5 does not make 4 a year acceptable', () => {
    const data = figuresOf([...thirteenth, { year: 2021, largerAccidents: 4 }]);
    const status = indicatorStatus({ definition: larger, figures: data, year: 2021, progress: null });
    expect(status.status).toBe('off_track');
    const asPoint = indicatorStatus({
      definition: { ...larger, comparison: 'point', baselineFrom: 2020 },
      figures: data,
      year: 2021,
      progress: null,
    });
    // Against 2020 alone (5 → 4.00 by 2025, 4.80 in 2021) the same year would be on track.
    expect([asPoint.milestone, asPoint.status]).toEqual([4.8, 'on_track']);
  });
});
