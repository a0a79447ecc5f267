import { describe, expect, it } from 'vitest';
import type { DomainError } from '../errors/domain-error.ts';
import { isSelfIntersecting, validateWarningArea, type WarningArea } from './warning-area.ts';

const empty: WarningArea = { counties: [], townships: [], polygon: null, circle: null };
const square = [
  { lat: 24.2, lon: 102.7 },
  { lat: 24.2, lon: 102.8 },
  { lat: 24.3, lon: 102.8 },
  { lat: 24.3, lon: 102.7 },
];
const bowTie = [
  { lat: 24.2, lon: 102.7 },
  { lat: 24.3, lon: 102.8 },
  { lat: 24.2, lon: 102.8 },
  { lat: 24.3, lon: 102.7 },
];

describe('warning area', () => {
  it('accepts counties and townships, sorted and without repeats', () => {
    expect(
      validateWarningArea({ ...empty, counties: ['530423', '530403', '530403'], townships: ['530403101'] }),
    ).toEqual({
      counties: ['530403', '530423'],
      townships: ['530403101'],
      polygon: null,
      circle: null,
    });
  });

  it('stores a closed ring open', () => {
    expect(validateWarningArea({ ...empty, polygon: [...square, square[0]!] }).polygon).toEqual(square);
  });

  it.each([
    ['nothing at all', empty, 'warning.area_empty'],
    ['an unknown county', { ...empty, counties: ['110101'] }, 'warning.area_unknown_division'],
    ['an unknown township', { ...empty, townships: ['530403999'] }, 'warning.area_unknown_division'],
    ['a self-intersecting polygon', { ...empty, polygon: bowTie }, 'warning.area_polygon_self_intersecting'],
    [
      'a polygon with repeated corners',
      { ...empty, polygon: [square[0]!, square[1]!, square[1]!, square[2]!] },
      'warning.area_polygon_invalid',
    ],
    [
      'a two-corner polygon',
      { ...empty, polygon: [square[0]!, square[1]!, square[0]!] },
      'warning.area_polygon_invalid',
    ],
    [
      'a zero circle',
      { ...empty, circle: { center: square[0]!, radiusKm: 0 } },
      'warning.area_circle_invalid',
    ],
  ] as [string, WarningArea, string][])('refuses %s', (_, area, code) => {
    expect(() => validateWarningArea(area)).toThrow(expect.objectContaining({ code }) as DomainError);
  });

  it('finds crossings only between non-adjacent edges', () => {
    expect(isSelfIntersecting(square)).toBe(false);
    expect(isSelfIntersecting(bowTie)).toBe(true);
  });
});
