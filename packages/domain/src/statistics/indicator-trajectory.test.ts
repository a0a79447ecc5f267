import { describe, expect, it } from 'vitest';
import type { IndicatorDefinition, YearFigures } from './indicator-definition.ts';
import {
  indicatorBaseline,
  indicatorMilestone,
  indicatorStatus,
  indicatorTarget,
} from './indicator-trajectory.ts';
import { deathsIndicator } from './statistics.test-support.ts';

const deaths = deathsIndicator;
const larger: IndicatorDefinition = {
  ...deaths,
  code: 'major_accidents',
  formula: 'major_accidents',
  comparison: 'period_average',
  baselineFrom: 2016,
  baselineTo: 2020,
  targetChange: -0.2,
  decimals: 2,
};

const figures = (rows: [number, number, number][]) =>
  new Map<number, YearFigures>(
    rows.map(([year, d, l]) => [
      year,
      { year, deaths: d, industrialDeaths: 0, largerAccidents: l, gdpYi: null, industrialWorkers: null },
    ]),
  );

describe('baseline, target and straight-line milestones', () => {
  const data = figures([[2020, 100, 0]]);
  it('a point baseline is the base year: 100 deaths, −15 % → 85 by 2025', () => {
    expect(indicatorBaseline(deaths, data)).toBe(100);
    expect(indicatorTarget(deaths, 100)).toBe(85);
  });
  it('milestones fall by 3 a year: 2021 97, 2023 91, 2025 85, held after', () => {
    expect(indicatorMilestone(deaths, 100, 2020)).toBe(100);
    expect(indicatorMilestone(deaths, 100, 2021)).toBeCloseTo(97, 10);
    expect(indicatorMilestone(deaths, 100, 2023)).toBeCloseTo(91, 10);
    expect(indicatorMilestone(deaths, 100, 2025)).toBeCloseTo(85, 10);
    expect(indicatorMilestone(deaths, 100, 2026)).toBeCloseTo(85, 10);
    expect(indicatorMilestone(deaths, 100, 2019)).toBe(null);
  });
});

describe('the 十四五-vs-十三五 average rule (the seed’s note on 较大事故起数)', () => {
  // 十三五: 3, 2, 4, 1, 5 较大 accidents → mean 3; −20 % → the 十四五 mean must stay ≤ 2.4.
  const base: [number, number, number][] = [
    [2016, 0, 3],
    [2017, 0, 2],
    [2018, 0, 4],
    [2019, 0, 1],
    [2020, 0, 5],
  ];
  it('the baseline is the base period’s mean and every plan year is held to the target mean', () => {
    const data = figures(base);
    expect(indicatorBaseline(larger, data)).toBe(3);
    expect(indicatorTarget(larger, 3)).toBeCloseTo(2.4, 10);
    expect(indicatorMilestone(larger, 3, 2022)).toBeCloseTo(2.4, 10);
  });
  it('judges the plan years’ mean: 2021–2023 = 2, 3, 2 → 2.33 ≤ 2.4 on track', () => {
    const data = figures([...base, [2021, 0, 2], [2022, 0, 3], [2023, 0, 2]]);
    const status = indicatorStatus({ definition: larger, figures: data, year: 2023, progress: null });
    expect(status.status).toBe('on_track');
    expect(status.reasonZh).toBe('规划期年均预计 2.33，达到本年目标值 2.40');
  });
  it('a missing base year gives no data', () => {
    const data = figures(base.filter(([y]) => y !== 2018));
    expect(indicatorBaseline(larger, data)).toBe(null);
    const status = indicatorStatus({ definition: larger, figures: data, year: 2021, progress: null });
    expect(status.status).toBe('no_data');
  });
});

describe('year-end projection and status', () => {
  it('projects 45 deaths by day 182 of 365 to 90.2 (band 77.1–103.4): at risk against 88', () => {
    // Milestone 2024 = 100 − 4 × 3 = 88. Remainder = 45/182 × 183 = 45.247; ± 1.96 √45.247 = ± 13.184.
    const data = figures([
      [2020, 100, 0],
      [2024, 45, 0],
    ]);
    const status = indicatorStatus({
      definition: { ...deaths, decimals: 1 },
      figures: data,
      year: 2024,
      progress: { elapsedDays: 182, daysInYear: 365 },
    });
    expect(status.milestone).toBe(88);
    expect(status.actual).toBe(45);
    expect(status.projected).toBe(90.2);
    expect(status.projectedLow).toBe(77.1);
    expect(status.projectedHigh).toBe(103.4);
    expect(status.status).toBe('at_risk');
    expect(status.reasonEn).toBe(
      "Projected 90.2 for the year end, beyond the milestone 88.0; the band's better end 77.1 still meets it",
    );
  });
  it('a complete year below its milestone is on track, above its band off track', () => {
    const onTrack = indicatorStatus({
      definition: deaths,
      figures: figures([
        [2020, 100, 0],
        [2021, 96, 0],
      ]),
      year: 2021,
      progress: null,
    });
    expect([onTrack.status, onTrack.projected, onTrack.milestone]).toEqual(['on_track', 96, 97]);
    const offTrack = indicatorStatus({
      definition: deaths,
      figures: figures([
        [2020, 100, 0],
        [2021, 98, 0],
      ]),
      year: 2021,
      progress: null,
    });
    expect(offTrack.status).toBe('off_track');
    expect(offTrack.reasonZh).toBe('年末预计 98，区间较好一端 98 也未达到本年目标值 97');
  });
  it('draws the trajectory from the base year to the plan end', () => {
    const status = indicatorStatus({
      definition: deaths,
      figures: figures([
        [2020, 100, 0],
        [2021, 96, 0],
      ]),
      year: 2021,
      progress: null,
    });
    expect(status.trajectory).toEqual([
      { year: 2020, milestone: 100, actual: 100 },
      { year: 2021, milestone: 97, actual: 96 },
      { year: 2022, milestone: 94, actual: null },
      { year: 2023, milestone: 91, actual: null },
      { year: 2024, milestone: 88, actual: null },
      { year: 2025, milestone: 85, actual: null },
    ]);
  });
});

describe('the plan’s published baseline (docs/decisions/0007-published-baseline.md)', () => {
  const note = '《玉溪市“十四五”安全生产规划》专栏1';
  // The bureau's own 2020 figure is 20 deaths; the plan publishes 12 for the city.
  const published: IndicatorDefinition = {
    ...deaths,
    targetChange: -0.2,
    decimals: 1,
    publishedBaseline: 12,
    publishedBaselineNote: note,
  };
  const data = figures([
    [2020, 20, 0],
    [2021, 11, 0],
  ]);

  it('the city is judged against it: 12 with −20 % → target 9.6, shown with one decimal', () => {
    const status = indicatorStatus({
      definition: published,
      figures: data,
      year: 2021,
      progress: null,
      wholeCity: true,
    });
    expect(status).toMatchObject({
      baselineValue: 12,
      baselineSource: 'published',
      baselineNote: note,
      baselineFrom: 2020,
      baselineTo: 2020,
      targetValue: 9.6,
      // 2021 = 12 − 2.4 × 1/5 = 11.52 → 11.5.
      milestone: 11.5,
      actual: 11,
      status: 'on_track',
      reasonZh: '年末预计 11.0，达到本年目标值 11.5',
    });
    expect(status.trajectory[0]).toEqual({ year: 2020, milestone: 12, actual: 20 });
    expect(status.trajectory.at(-1)).toEqual({ year: 2025, milestone: 9.6, actual: null });
  });

  it('shows the target with the indicator’s decimals: 9.6 is 10 for a whole-number indicator', () => {
    const whole = indicatorStatus({
      definition: { ...published, decimals: 0 },
      figures: data,
      year: 2021,
      progress: null,
      wholeCity: true,
    });
    expect([whole.baselineValue, whole.targetValue]).toEqual([12, 10]);
  });

  it('a county ignores it and keeps the computed baseline: 20 with −20 % → 16', () => {
    for (const wholeCity of [false, undefined]) {
      const status = indicatorStatus({
        definition: published,
        figures: data,
        year: 2021,
        progress: null,
        wholeCity,
      });
      expect(status).toMatchObject({
        baselineValue: 20,
        baselineSource: 'computed',
        baselineNote: null,
        targetValue: 16,
        milestone: 19.2,
        status: 'on_track',
      });
    }
  });

  it('stands in for base years the bureau never imported, for the city only', () => {
    const noBase = figures([[2021, 11, 0]]);
    const city = indicatorStatus({
      definition: published,
      figures: noBase,
      year: 2021,
      progress: null,
      wholeCity: true,
    });
    expect([city.baselineValue, city.status]).toEqual([12, 'on_track']);
    const county = indicatorStatus({ definition: published, figures: noBase, year: 2021, progress: null });
    expect([county.baselineValue, county.baselineSource, county.status]).toEqual([
      null,
      'computed',
      'no_data',
    ]);
  });

  it('a published 0 is a figure, not “none”: the target stays 0', () => {
    const zero = indicatorStatus({
      definition: { ...published, publishedBaseline: 0 },
      figures: data,
      year: 2021,
      progress: null,
      wholeCity: true,
    });
    expect([zero.baselineValue, zero.baselineSource, zero.targetValue, zero.status]).toEqual([
      0,
      'published',
      0,
      'off_track',
    ]);
  });

  it('for the 十四五-vs-十三五 rule it is the 十三五 mean: every plan year is held to 2.4', () => {
    const status = indicatorStatus({
      definition: { ...larger, publishedBaseline: 3, publishedBaselineNote: note },
      figures: figures([[2021, 0, 2]]),
      year: 2021,
      progress: null,
      wholeCity: true,
    });
    expect([status.baselineValue, status.targetValue, status.milestone, status.status]).toEqual([
      3,
      2.4,
      2.4,
      'on_track',
    ]);
  });
});
