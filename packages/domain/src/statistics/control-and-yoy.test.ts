import { describe, expect, it } from 'vitest';
import { controlNumberUse } from './control-number-use.ts';
import { projectCount } from './year-end-projection.ts';
import { describeYearOnYear, yearOnYear } from './year-on-year.ts';
import {
  defaultSectorMappings,
  industryPrefixSchema,
  isIndustrialSector,
  suggestSector,
} from './accident-sectors.ts';

describe('control numbers: warnings at 80 % and 100 %', () => {
  it.each([
    [7, 10, 'normal', 3, 70],
    [8, 10, 'warning', 2, 80],
    [9, 10, 'warning', 1, 90],
    [10, 10, 'reached', 0, 100],
    [12, 10, 'reached', 0, 120],
    [0, 0, 'reached', 0, null],
  ] as const)('%i of %i → %s', (used, limit, level, remaining, percent) => {
    expect(controlNumberUse(used, limit)).toEqual({ used, limit, remaining, percent, level });
  });
});

describe('同比 as the published reports print it', () => {
  it('13 vs 17 起 → −4, −23.53 %', () => {
    expect(yearOnYear(13, 17)).toEqual({ previous: 17, change: -4, ratePercent: -23.53, kind: 'down' });
  });
  it('508.7 vs 714.47 万元 → −205.77, −28.80 %', () => {
    expect(yearOnYear(508.7, 714.47)).toEqual({
      previous: 714.47,
      change: -205.77,
      ratePercent: -28.8,
      kind: 'down',
    });
  });
  it('zero base → 净增加, equal → 持平', () => {
    expect(describeYearOnYear(yearOnYear(3, 0), 'zh-CN')).toBe('净增加 3');
    expect(describeYearOnYear(yearOnYear(5, 5), 'zh-CN')).toBe('持平');
    expect(describeYearOnYear(yearOnYear(17, 13), 'en')).toBe('+4 (+30.77%)');
  });
});

describe('year-end projection of a count', () => {
  it('a complete year projects to itself', () => {
    expect(projectCount(12, null)).toEqual({ mid: 12, low: 12, high: 12 });
  });
  it('a quiet start uses last year’s daily rate: 0 by day 31, last year 73 → 66.8 ± 16.0', () => {
    const p = projectCount(0, { elapsedDays: 31, daysInYear: 365 }, 73)!;
    expect(p.mid).toBeCloseTo(66.8, 10);
    expect(p.high - p.mid).toBeCloseTo(1.96 * Math.sqrt(66.8), 10);
  });
  it('day 0 has nothing to project from', () => {
    expect(projectCount(0, { elapsedDays: 0, daysInYear: 365 })).toBe(null);
  });
});

describe('sectors from the GB/T 4754 industry', () => {
  it.each([
    ['B0610', 'coal_mine'],
    ['B0911', 'metal_nonmetal_mine'],
    ['C2672', 'fireworks'],
    ['C2614', 'chemicals'],
    ['C3011', 'industry_trade'],
    ['E4710', 'construction'],
    ['G5411', 'road_transport'],
    ['D4411', 'other'],
  ] as const)('%s → %s', (code, sector) => expect(suggestSector(code)).toBe(sector));
  it('工矿商贸 excludes road transport', () => {
    expect(isIndustrialSector('construction')).toBe(true);
    expect(isIndustrialSector('road_transport')).toBe(false);
  });
});

describe('sectors from an edited mapping', () => {
  const edited = [
    ...defaultSectorMappings.filter((m) => m.prefix !== 'G54'),
    { prefix: 'G5411', sector: 'other_industrial' as const },
    { prefix: 'D', sector: 'industry_trade' as const },
  ];
  it.each([
    ['G5411', 'other_industrial'],
    ['G5430', 'other_industrial'],
    ['D4411', 'industry_trade'],
    ['c2672', 'fireworks'],
  ] as const)('%s → %s', (code, sector) => expect(suggestSector(code, edited)).toBe(sector));
  it('an empty mapping suggests 其他', () => expect(suggestSector('C3011', [])).toBe('other'));
});

describe('industry prefixes', () => {
  it.each(['C', 'C26', 'C267', 'C2672', ' c26 '])('%s is a prefix', (p) =>
    expect(industryPrefixSchema.safeParse(p).success).toBe(true),
  );
  it.each(['', 'Z', 'C2', 'C26721', '26', 'CC'])('%s is not', (p) =>
    expect(industryPrefixSchema.safeParse(p).success).toBe(false),
  );
});
