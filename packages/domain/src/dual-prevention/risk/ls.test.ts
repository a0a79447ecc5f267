import { describe, expect, it } from 'vitest';
import { calculateLs, lsLevelOf, severityOfHazard, type LsLevelTable, type SeverityScores } from './ls.ts';
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

describe('calculateLs with the default (Shandong-style) table', () => {
  // Both sides of each cut-off: 20 | 16, 15 | 12, 9 | 8.
  it.each([
    [5, 5, 25, 1, 'red'],
    [4, 5, 20, 1, 'red'],
    [5, 4, 20, 1, 'red'],
    [4, 4, 16, 2, 'orange'],
    [3, 5, 15, 2, 'orange'],
    [5, 3, 15, 2, 'orange'],
    [3, 4, 12, 3, 'yellow'],
    [2, 5, 10, 3, 'yellow'],
    [3, 3, 9, 3, 'yellow'],
    [2, 4, 8, 4, 'blue'],
    [1, 5, 5, 4, 'blue'],
    [1, 1, 1, 4, 'blue'],
  ] as const)('L=%s S=%s → R=%s, level %s, %s', (l, s, r, level, colour) => {
    expect(calculateLs({ l, s })).toEqual({ r, level, colour });
  });

  it('gives each of the 25 cells the level of its product', () => {
    for (let l = 1; l <= 5; l += 1) {
      for (let s = 1; s <= 5; s += 1) {
        const r = l * s;
        const level = r >= 20 ? 1 : r >= 15 ? 2 : r >= 9 ? 3 : 4;
        expect(calculateLs({ l, s })).toMatchObject({ r, level });
      }
    }
  });
});

describe('overridden LS tables', () => {
  // The other band set seen in use: 17–25 / 11–16 / 5–10 / 1–4.
  const wide: LsLevelTable = { minimumR: [17, 11, 5] };

  it.each([
    [20, 1],
    [16, 2],
    [12, 2],
    [10, 3],
    [5, 3],
    [4, 4],
  ])('R=%s → level %s with cut-offs 17/11/5', (r, level) => {
    expect(lsLevelOf(r, wide)).toBe(level);
  });

  it('uses the configured tables in calculateLs', () => {
    const colours: RiskColourTable = { 1: 'red', 2: 'red', 3: 'orange', 4: 'blue' };
    expect(calculateLs({ l: 4, s: 4 }, { levels: wide })).toEqual({ r: 16, level: 2, colour: 'orange' });
    expect(calculateLs({ l: 4, s: 4 }, { levels: wide, colours })).toEqual({
      r: 16,
      level: 2,
      colour: 'red',
    });
    expect(calculateLs({ l: 1, s: 5 }, { levels: wide })).toEqual({ r: 5, level: 3, colour: 'yellow' });
  });

  it.each([[[20, 20, 9]], [[9, 15, 20]], [[30, 15, 9]], [[20, 15, 9.5]], [[20, 15, 1]], [[20, 15]]])(
    'rejects minimumR %j',
    (minimumR) => {
      const levels = { minimumR } as unknown as LsLevelTable;
      expect(errorOf(() => calculateLs({ l: 1, s: 1 }, { levels })).code).toBe('calc.risk_table_invalid');
    },
  );
});

describe('calculateLs rejects scores outside 1–5', () => {
  it.each([
    ['l', 0],
    ['l', 6],
    ['l', 2.5],
    ['l', -1],
    ['l', Number.NaN],
    ['s', 0],
    ['s', 6],
    ['s', 4.5],
    ['s', 10],
  ] as const)('%s = %s', (field, value) => {
    const error = errorOf(() => calculateLs({ l: 1, s: 1, [field]: value }));
    expect(error.code).toBe('calc.ls_invalid_score');
    expect(error.fields).toEqual([expect.objectContaining({ path: field })]);
  });
});

describe('severityOfHazard', () => {
  it.each([
    [{ legal: 1, injury: 5, economicLoss: 2, shutdown: 1, reputation: 1 }, 5],
    [{ legal: 3, injury: 2, economicLoss: 4, shutdown: 1, reputation: 2 }, 4],
    [{ legal: 1, injury: 1, economicLoss: 1, shutdown: 1, reputation: 1 }, 1],
    [{ reputation: 3 }, 3],
    [{ injury: 2, shutdown: 2 }, 2],
  ] as const)('%j → S=%s', (scores, severity) => {
    expect(severityOfHazard(scores)).toBe(severity);
  });

  it.each([
    [{}, 'severity'],
    [{ injury: 6 }, 'severity.injury'],
    [{ legal: 2, economicLoss: 0 }, 'severity.economicLoss'],
    [{ shutdown: 1.5 }, 'severity.shutdown'],
  ])('rejects %j', (scores, path) => {
    const error = errorOf(() => severityOfHazard(scores as SeverityScores));
    expect(error.code).toBe('calc.ls_invalid_score');
    expect(error.fields[0]?.path).toBe(path);
  });
});
