import { describe, expect, it } from 'vitest';
import { thrownCode } from './monitoring.test-fixtures.ts';
import { dryBeachThresholds, phreaticDepthThresholds } from './tailings-thresholds.ts';

describe('phreaticDepthThresholds (GB 51108 §8.3: orange = 1.1 × red)', () => {
  it.each<[number, number]>([
    [6, 6.6],
    [2.2, 2.42],
    [10, 11],
  ])('red %d m → orange %d m, exactly', (red, orange) => {
    expect(phreaticDepthThresholds(red)).toEqual({ scheme: 'graded', side: 'low', orange, red });
  });

  it('refuses a depth of 0', () => {
    expect(thrownCode(() => phreaticDepthThresholds(0))).toBe('monitoring.point_invalid');
  });
});

describe('dryBeachThresholds (GB 50863 minimums, unconfirmed)', () => {
  it.each<[1 | 2 | 3 | 4 | 5, number, number]>([
    [1, 0, 150],
    [2, 0, 100],
    [3, 0, 70],
    [3, 30, 49],
    [4, 0, 50],
    [5, 30, 28],
    [5, 7, 37.2],
  ])('level %d, reduced by %d %% → red %d m', (level, reduction, red) => {
    expect(dryBeachThresholds(level, reduction)).toEqual({ scheme: 'graded', side: 'low', red });
  });

  it.each<[1 | 2 | 3, number]>([
    [2, 10],
    [3, 31],
  ])('refuses a level-%d dam reduced by %d %%', (level, reduction) => {
    expect(thrownCode(() => dryBeachThresholds(level, reduction))).toBe('monitoring.point_invalid');
  });
});
