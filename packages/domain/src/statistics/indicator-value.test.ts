import { describe, expect, it } from 'vitest';
import type { YearFigures } from './indicator-definition.ts';
import { indicatorValue, roundTo } from './indicator-value.ts';

const year = (over: Partial<YearFigures> = {}): YearFigures => ({
  year: 2024,
  deaths: 0,
  industrialDeaths: 0,
  largerAccidents: 0,
  gdpYi: null,
  industrialWorkers: null,
  ...over,
});

describe('indicator formulas (statistics-and-plan.md §2)', () => {
  it('counts deaths (missing included) and 较大 accidents as they are', () => {
    expect(indicatorValue('deaths', year({ deaths: 37 }))).toBe(37);
    expect(indicatorValue('major_accidents', year({ largerAccidents: 2 }))).toBe(2);
  });

  it('divides all deaths by GDP in 亿元: 52 deaths over 2,521 亿元 = 0.021 per 亿元', () => {
    const value = indicatorValue('deaths_per_100m_gdp', year({ deaths: 52, gdpYi: 2521 }))!;
    expect(roundTo(value, 3)).toBe(0.021);
    expect(value).toBeCloseTo(52 / 2521, 12);
  });

  it('divides 工矿商贸 deaths by 工矿商贸 workers per 100,000: 13 of 412,000 = 3.155', () => {
    const value = indicatorValue(
      'deaths_per_100k_workers',
      year({ deaths: 60, industrialDeaths: 13, industrialWorkers: 412_000 }),
    )!;
    expect(roundTo(value, 3)).toBe(3.155);
  });

  it('answers no data (null), not Infinity, for a county with zero or unknown employment or GDP', () => {
    expect(
      indicatorValue('deaths_per_100k_workers', year({ industrialDeaths: 2, industrialWorkers: 0 })),
    ).toBe(null);
    expect(indicatorValue('deaths_per_100k_workers', year({ industrialDeaths: 2 }))).toBe(null);
    expect(indicatorValue('deaths_per_100m_gdp', year({ deaths: 2, gdpYi: 0 }))).toBe(null);
  });

  it('rounds half away from zero', () => {
    expect(roundTo(0.0125, 3)).toBe(0.013);
    expect(roundTo(2.5, 0)).toBe(3);
  });
});
