import { describe, expect, it } from 'vitest';
import { EnforcementError } from './enforcement.errors.ts';
import {
  checkRiskWeightFormula,
  defaultRiskWeightFormula,
  describeRiskWeightFormula,
  explainRiskWeight,
  riskWeightOf,
  type RiskWeightFactors,
} from './risk-weight.ts';
import { recentlyDrawnEnterpriseIds } from './draw-exclusion.ts';

const f = (
  riskLevel: 1 | 2 | 3 | 4,
  openHiddenHazards = 0,
  alarmsLast90Days = 0,
  creditListed = false,
): RiskWeightFactors => ({
  riskLevel,
  openHiddenHazards,
  alarmsLast90Days,
  creditListed,
});

describe('risk weight of an enterprise', () => {
  it.each<[string, RiskWeightFactors, number]>([
    ['低风险, nothing open', f(4), 1],
    ['一般风险', f(3), 2],
    ['较大风险', f(2), 4],
    ['重大风险', f(1), 8],
    ['two open hazards', f(4, 2), 3],
    ['hazards capped at 5 points', f(4, 9), 6],
    ['4 alarms: below the first point', f(4, 0, 4), 1],
    ['5 alarms: one point', f(4, 0, 5), 2],
    ['alarms capped at 5 points', f(4, 0, 1000), 6],
    ['listed: doubled', f(4, 0, 0, true), 2],
    ['the maximum', f(1, 5, 25, true), 36],
  ])('%s → %i', (_name, factors, weight) => {
    expect(riskWeightOf(factors)).toBe(weight);
  });

  it('explains each term', () => {
    expect(explainRiskWeight(f(2, 3, 12, true))).toEqual({
      levelPoints: 4,
      hazardPoints: 3,
      alarmPoints: 2,
      multiplier: 2,
      weight: 18,
    });
  });

  it('states the formula with its parameters in both languages', () => {
    const text = describeRiskWeightFormula({ ...defaultRiskWeightFormula, creditListedMultiplier: 3 });
    expect(text.zh).toContain('重大风险 8、较大风险 4、一般风险 2、低风险 1');
    expect(text.zh).toContain('列入严重失信主体名单的为 3');
    expect(text.en).toContain('credit factor: 3 for an enterprise on the serious-dishonesty list');
  });

  it.each([
    ['a zero level point', { ...defaultRiskWeightFormula, levelPoints: { 1: 8, 2: 4, 3: 2, 4: 0 } }],
    ['a fractional multiplier', { ...defaultRiskWeightFormula, creditListedMultiplier: 1.5 }],
    ['zero alarms per point', { ...defaultRiskWeightFormula, alarmsPerPoint: 0 }],
  ])('refuses a formula with %s', (_name, formula) => {
    expect(() => checkRiskWeightFormula(formula)).toThrow(EnforcementError);
  });

  it('refuses negative or fractional counts', () => {
    expect(() => riskWeightOf(f(1, -1))).toThrow(EnforcementError);
    expect(() => riskWeightOf(f(1, 0, 2.5))).toThrow(EnforcementError);
  });
});

describe('enterprises excluded as drawn within the period', () => {
  const now = new Date('2026-04-01T09:00:00+08:00');
  const history = [
    { enterpriseId: 'e3', drawnAt: new Date('2026-03-01T09:00:00+08:00') },
    { enterpriseId: 'e1', drawnAt: new Date('2025-04-01T09:00:01+08:00') },
    { enterpriseId: 'e2', drawnAt: new Date('2025-04-01T09:00:00+08:00') },
    { enterpriseId: 'e3', drawnAt: new Date('2025-10-01T09:00:00+08:00') },
    { enterpriseId: 'e4', drawnAt: new Date('2026-04-02T09:00:00+08:00') },
  ];

  // A draw exactly `days` × 24 h ago is outside the period (e2 at 365 days, e3 at 31 days).
  it.each<[number, string[]]>([
    [365, ['e1', 'e3']],
    [31, []],
    [32, ['e3']],
    [0, []],
  ])('%i days', (days, ids) => {
    expect(recentlyDrawnEnterpriseIds(history, now, days)).toEqual(ids);
  });
});
