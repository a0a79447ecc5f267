import { describe, expect, it } from 'vitest';
import { ConsequenceError } from './consequence.errors.ts';
import { stabilityClassFromWeather, type SkyCondition } from './stability-class.ts';

// Pasquill (1961) table as printed by NOAA READY (consequence-models.md §1.2, [V]). Rows are read
// lower-inclusive ([0,2), [2,3), [3,5), [5,6), [6,∞)): the table does not say, so the boundary
// speeds themselves are tested on both sides.
const strong: SkyCondition = { period: 'day', insolation: 'strong' };
const moderate: SkyCondition = { period: 'day', insolation: 'moderate' };
const slight: SkyCondition = { period: 'day', insolation: 'slight' };
const cloudy: SkyCondition = { period: 'night', cloud: 'cloudy' };
const clear: SkyCondition = { period: 'night', cloud: 'clear' };

describe('stabilityClassFromWeather: every cell of the Pasquill table', () => {
  const rows: [number, string[]][] = [
    [1, ['A', 'A–B', 'B', 'E', 'F']],
    [2.5, ['A–B', 'B', 'C', 'E', 'F']],
    [4, ['B', 'B–C', 'C', 'D', 'E']],
    [5.5, ['C', 'C–D', 'D', 'D', 'D']],
    [8, ['C', 'D', 'D', 'D', 'D']],
  ];
  const skies = [strong, moderate, slight, cloudy, clear];
  it.each(rows.flatMap(([u, cells]) => skies.map((sky, i) => [u, sky, cells[i] as string] as const)))(
    'u10 = %s m/s, %j → cell %s',
    (u, sky, cell) => {
      expect(stabilityClassFromWeather(u, sky).tableCell).toBe(cell);
    },
  );
});

describe('stabilityClassFromWeather: wind-speed boundaries', () => {
  it.each([
    [0, strong, 'A'],
    [1.99, strong, 'A'],
    [2, strong, 'B'], // A–B, more stable
    [2.99, slight, 'C'],
    [1.99, slight, 'B'],
    [2, slight, 'C'],
    [2.99, clear, 'F'],
    [3, clear, 'E'],
    [4.99, cloudy, 'D'],
    [2.99, cloudy, 'E'],
    [3, cloudy, 'D'],
    [4.99, strong, 'B'],
    [5, strong, 'C'],
    [5.99, moderate, 'D'], // C–D, more stable
    [6, moderate, 'D'],
    [5.99, clear, 'D'],
    [4.99, clear, 'E'],
    [5, clear, 'D'],
  ] as const)('u10 = %s m/s, %j → %s', (u, sky, letter) => {
    expect(stabilityClassFromWeather(u, sky).stabilityClass).toBe(letter);
  });
});

describe('split cells and overcast sky', () => {
  it('takes the more stable letter of a split cell by default (§1.2, conservative toxic distances)', () => {
    expect(stabilityClassFromWeather(1, moderate)).toEqual({
      stabilityClass: 'B',
      tableCell: 'A–B',
      split: true,
    });
    expect(stabilityClassFromWeather(4, moderate).stabilityClass).toBe('C');
    expect(stabilityClassFromWeather(5.5, moderate).stabilityClass).toBe('D');
  });

  it('takes the less stable letter when asked', () => {
    expect(stabilityClassFromWeather(1, moderate, 'less_stable').stabilityClass).toBe('A');
    expect(stabilityClassFromWeather(2.5, strong, 'less_stable').stabilityClass).toBe('A');
    expect(stabilityClassFromWeather(5.5, moderate, 'less_stable').stabilityClass).toBe('C');
  });

  it.each([0.5, 2, 4, 7, 20])('is D for an overcast sky or a transition hour at %s m/s', (u) => {
    expect(stabilityClassFromWeather(u, { period: 'overcast_or_transition' })).toEqual({
      stabilityClass: 'D',
      tableCell: 'D',
      split: false,
    });
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('rejects the wind speed %s', (u) => {
    expect(() => stabilityClassFromWeather(u, strong)).toThrow(ConsequenceError);
  });
});
