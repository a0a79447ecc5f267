import { describe, expect, it } from 'vitest';
import { indicatorValue, milestoneShare } from './indicator-values.ts';

describe('indicator values on the screens', () => {
  it.each([
    [12, '12'],
    [0.123456, '0.12'],
    [1.005, '1'],
    [0, '0'],
    [null, '无'],
  ] as const)('%s shows as %s', (value, shown) => {
    expect(indicatorValue(value, '无')).toBe(shown);
  });

  it.each([
    [84, 91, 92.3],
    [91, 91, 100],
    [100, 80, 125],
    [null, 91, null],
    [84, null, null],
    [3, 0, null],
  ] as const)('projection %s against milestone %s is %s %%', (projected, milestone, share) => {
    expect(milestoneShare(projected, milestone)).toBe(share);
  });
});
