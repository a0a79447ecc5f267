import { describe, expect, it } from 'vitest';
import { affectedColour, affectedClasses } from './disaster-colours.ts';

describe('the disaster map’s colour of people affected', () => {
  it('is grey for none and darkens at each class boundary', () => {
    expect(affectedColour(0)).toBe('#c0c4cc');
    expect(affectedClasses.map((c) => affectedColour(c.min))).toEqual(affectedClasses.map((c) => c.colour));
    expect(affectedColour(99)).toBe(affectedClasses[0].colour);
    expect(affectedColour(4999)).toBe(affectedClasses[3].colour);
    expect(affectedColour(1_000_000)).toBe(affectedClasses[4].colour);
  });
});
