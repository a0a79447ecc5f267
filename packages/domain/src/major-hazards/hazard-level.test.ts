import { describe, expect, it } from 'vitest';
import { majorHazardLevelBand } from './hazard-level.ts';
import { Rational } from './rational.ts';

describe('majorHazardLevelBand (GB 18218-2018 grading by R)', () => {
  it.each([
    ['0.5', 4],
    ['9.9999999999', 4],
    ['10', 3],
    ['49.9999999999', 3],
    ['50', 2],
    ['99.9999999999', 2],
    ['100', 1],
    ['1000', 1],
  ])('R = %s → level %i', (r, level) => {
    expect(majorHazardLevelBand(Rational.fromDecimal(r)).level).toBe(level);
  });
});
