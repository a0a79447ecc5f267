import { describe, expect, it } from 'vitest';
import { gb18218AlphaBand } from './exposure-alpha.ts';
import { MajorHazardError } from './major-hazard.errors.ts';

describe('gb18218AlphaBand (GB 18218-2018 α, people within 500 m outside the plant)', () => {
  it.each([
    [0, '0.5'],
    [1, '1.0'],
    [29, '1.0'],
    [30, '1.2'],
    [49, '1.2'],
    [50, '1.5'],
    [99, '1.5'],
    [100, '2.0'],
    [250_000, '2.0'],
  ])('%i people → α = %s', (people, alpha) => {
    expect(gb18218AlphaBand(people).alpha).toBe(alpha);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses %d people', (people) => {
    expect(() => gb18218AlphaBand(people)).toThrow(MajorHazardError);
    expect(() => gb18218AlphaBand(people)).toThrow('major_hazard.invalid_population');
  });
});
