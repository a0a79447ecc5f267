import { describe, expect, it } from 'vitest';
import {
  calculateLec,
  defaultLecBandTable,
  lecBandOf,
  lecConsequenceScores,
  lecExposureScores,
  lecLevelOf,
  lecLevelTableVariantA,
  lecLevelTableVariantB,
  lecLikelihoodScores,
  type LecBandTable,
  type LecLevelTable,
} from './lec.ts';
import { RiskCalculationError } from './risk-calculation-error.ts';
import type { RiskColourTable } from './risk-level.ts';

function errorOf(action: () => unknown): RiskCalculationError {
  try {
    action();
  } catch (error) {
    if (error instanceof RiskCalculationError) return error;
    throw error;
  }
  throw new Error('expected a RiskCalculationError');
}

describe('calculateLec with the default tables', () => {
  // Each cut-off (320, 160, 70, 20) with the nearest D values the score sets can reach on both sides,
  // and the D values that fall exactly on a cut-off (only 70 and 20 can).
  it.each([
    [10, 10, 100, 10000, 1, 1, 'red'],
    [3, 3, 40, 360, 1, 1, 'red'],
    [10, 10, 3, 300, 2, 2, 'orange'],
    [10, 6, 3, 180, 2, 2, 'orange'],
    [10, 1, 15, 150, 3, 3, 'yellow'],
    [10, 0.5, 15, 75, 3, 3, 'yellow'],
    [1, 10, 7, 70, 4, 4, 'blue'],
    [10, 1, 7, 70, 4, 4, 'blue'],
    [3, 3, 7, 63, 4, 4, 'blue'],
    [0.1, 6, 100, 60, 4, 4, 'blue'],
    [6, 0.5, 7, 21, 4, 4, 'blue'],
    [10, 2, 1, 20, 5, 4, 'blue'],
    [1, 0.5, 40, 20, 5, 4, 'blue'],
    [0.5, 1, 40, 20, 5, 4, 'blue'],
    [0.2, 1, 100, 20, 5, 4, 'blue'],
    [0.1, 2, 100, 20, 5, 4, 'blue'],
    [6, 3, 1, 18, 5, 4, 'blue'],
    [0.2, 3, 7, 4.2, 5, 4, 'blue'],
    [0.1, 0.5, 1, 0.05, 5, 4, 'blue'],
  ] as const)('L=%s E=%s C=%s → D=%s, band %s, level %s, %s', (l, e, c, d, band, level, colour) => {
    expect(calculateLec({ l, e, c })).toEqual({ d, band, level, colour });
  });

  it('gives every combination of scores an exact D and the band of the standard table', () => {
    // D in hundredths from integer tenths of L and E: no floating point involved.
    const tenths = (value: number) => Math.round(value * 10);
    for (const l of lecLikelihoodScores) {
      for (const e of lecExposureScores) {
        for (const c of lecConsequenceScores) {
          const d100 = tenths(l) * tenths(e) * c;
          const band = d100 > 32000 ? 1 : d100 > 16000 ? 2 : d100 > 7000 ? 3 : d100 > 2000 ? 4 : 5;
          const result = calculateLec({ l, e, c });
          expect(result.d, `${l}×${e}×${c}`).toBe(d100 / 100);
          expect(result.band, `${l}×${e}×${c}`).toBe(band);
        }
      }
    }
  });
});

describe('lecBandOf', () => {
  it.each([
    [10000, 1],
    [320.01, 1],
    [320, 2],
    [160.01, 2],
    [160, 3],
    [70.01, 3],
    [70, 4],
    [20.01, 4],
    [20, 5],
    [0, 5],
  ])('D=%s → band %s (upper-inclusive)', (d, band) => {
    expect(lecBandOf(d)).toBe(band);
  });

  it.each([
    [320, 1],
    [319.99, 2],
    [160, 2],
    [70, 3],
    [69.99, 4],
    [20, 4],
    [19.99, 5],
  ])('D=%s → band %s when the lower end is inclusive', (d, band) => {
    expect(lecBandOf(d, { ...defaultLecBandTable, boundary: 'lower_inclusive' })).toBe(band);
  });

  it.each([[-1], [20.001], [Number.NaN], [Number.POSITIVE_INFINITY]])('rejects D=%s', (d) => {
    expect(errorOf(() => lecBandOf(d)).code).toBe('calc.lec_invalid_score');
  });
});

describe('overridden tables', () => {
  it('puts D on a cut-off in the more dangerous band when the lower end is inclusive', () => {
    const bands: LecBandTable = { cutOffs: [320, 160, 70, 20], boundary: 'lower_inclusive' };
    expect(calculateLec({ l: 1, e: 10, c: 7 }, { bands })).toEqual({
      d: 70,
      band: 3,
      level: 3,
      colour: 'yellow',
    });
    expect(calculateLec({ l: 10, e: 2, c: 1 }, { bands })).toEqual({
      d: 20,
      band: 4,
      level: 4,
      colour: 'blue',
    });
  });

  it('uses other cut-offs', () => {
    const bands: LecBandTable = { cutOffs: [400, 200, 100, 50], boundary: 'upper_inclusive' };
    expect(calculateLec({ l: 3, e: 3, c: 40 }, { bands }).band).toBe(2);
    expect(calculateLec({ l: 10, e: 6, c: 3 }, { bands }).band).toBe(3);
    expect(calculateLec({ l: 1, e: 10, c: 7 }, { bands }).band).toBe(4);
  });

  it.each([
    [10, 10, 3, 300, 2, 1, 'red'],
    [10, 6, 3, 180, 2, 1, 'red'],
    [10, 1, 15, 150, 3, 2, 'orange'],
    [1, 10, 7, 70, 4, 3, 'yellow'],
    [6, 0.5, 7, 21, 4, 3, 'yellow'],
    [10, 2, 1, 20, 5, 4, 'blue'],
  ] as const)(
    'Variant B: L=%s E=%s C=%s → D=%s, band %s, level %s, %s',
    (l, e, c, d, band, level, colour) => {
      expect(calculateLec({ l, e, c }, { levels: lecLevelTableVariantB })).toEqual({
        d,
        band,
        level,
        colour,
      });
    },
  );

  it('uses a configured colour table', () => {
    const colours: RiskColourTable = { 1: 'red', 2: 'red', 3: 'orange', 4: 'yellow' };
    expect(calculateLec({ l: 10, e: 6, c: 3 }, { colours }).colour).toBe('red');
    expect(calculateLec({ l: 10, e: 2, c: 1 }, { colours }).colour).toBe('yellow');
  });

  it.each([
    [{ cutOffs: [320, 160, 160, 20], boundary: 'upper_inclusive' }],
    [{ cutOffs: [20, 70, 160, 320], boundary: 'upper_inclusive' }],
    [{ cutOffs: [320, 160, 70, 0], boundary: 'upper_inclusive' }],
    [{ cutOffs: [320, 160, 70.005, 20], boundary: 'upper_inclusive' }],
    [{ cutOffs: [320, 160, 70], boundary: 'upper_inclusive' }],
  ])('rejects the band table %j', (bands) => {
    const error = errorOf(() =>
      calculateLec({ l: 1, e: 1, c: 1 }, { bands: bands as unknown as LecBandTable }),
    );
    expect(error.code).toBe('calc.risk_table_invalid');
  });

  it.each([
    [{ 1: 1, 2: 2, 3: 3, 4: 4 }],
    [{ 1: 2, 2: 1, 3: 3, 4: 4, 5: 4 }],
    [{ 1: 1, 2: 2, 3: 3, 4: 4, 5: 5 }],
  ])('rejects the level table %j', (levels) => {
    expect(errorOf(() => lecLevelOf(1, levels as unknown as LecLevelTable)).code).toBe(
      'calc.risk_table_invalid',
    );
  });

  it('rejects a colour outside the four regulation colours', () => {
    const colours = { 1: 'red', 2: 'orange', 3: 'yellow', 4: 'green' } as unknown as RiskColourTable;
    expect(errorOf(() => calculateLec({ l: 1, e: 1, c: 1 }, { colours })).code).toBe(
      'calc.risk_table_invalid',
    );
  });

  it('keeps Variant A as the default level table', () => {
    expect(lecBandOf(70)).toBe(4);
    expect(lecLevelOf(5)).toBe(lecLevelTableVariantA[5]);
    expect(lecLevelTableVariantA).toEqual({ 1: 1, 2: 2, 3: 3, 4: 4, 5: 4 });
  });
});

describe('calculateLec rejects scores outside the standard sets', () => {
  it.each([
    ['l', 2],
    ['l', 0],
    ['l', 5],
    ['l', 0.3],
    ['l', 100],
    ['l', -1],
    ['l', Number.NaN],
    ['e', 0.2],
    ['e', 0.1],
    ['e', 4],
    ['e', 0],
    ['e', Number.POSITIVE_INFINITY],
    ['c', 0],
    ['c', 2],
    ['c', 10],
    ['c', 50],
    ['c', 1000],
  ] as const)('%s = %s', (field, value) => {
    const input = { l: 1, e: 1, c: 1, [field]: value };
    const error = errorOf(() => calculateLec(input));
    expect(error).toBeInstanceOf(RiskCalculationError);
    expect(error.code).toBe('calc.lec_invalid_score');
    expect(error.fields).toEqual([expect.objectContaining({ path: field, code: 'calc.lec_invalid_score' })]);
    expect(error.details).toMatchObject({ field, value });
  });
});
