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
  verifiedReports?: number,
): RiskWeightFactors => ({
  riskLevel,
  openHiddenHazards,
  alarmsLast90Days,
  creditListed,
  ...(verifiedReports === undefined ? {} : { verifiedReports }),
});

/** The formula as published before the report term existed. */
const {
  pointsPerVerifiedReport: _p,
  maxReportPoints: _m,
  verifiedReportWindowDays: _w,
  ...olderFormula
} = defaultRiskWeightFormula;

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
    ['no verified report', f(4, 0, 0, false, 0), 1],
    ['one verified report: 2 points', f(4, 0, 0, false, 1), 3],
    ['one verified report, 一般风险: as much as 较大风险', f(3, 0, 0, false, 1), 4],
    ['three verified reports: 6 points', f(4, 0, 0, false, 3), 7],
    ['reports capped at 6 points', f(4, 0, 0, false, 9), 7],
    ['a verified report of a listed enterprise: doubled too', f(2, 1, 0, true, 1), 14],
    ['the maximum', f(1, 5, 25, true), 36],
    ['the maximum with reports', f(1, 5, 25, true, 3), 48],
  ])('%s → %i', (_name, factors, weight) => {
    expect(riskWeightOf(factors)).toBe(weight);
  });

  it('explains each term', () => {
    expect(explainRiskWeight(f(2, 3, 12, true, 2))).toEqual({
      levelPoints: 4,
      hazardPoints: 3,
      alarmPoints: 2,
      reportPoints: 4,
      multiplier: 2,
      weight: 26,
    });
  });

  it('weighs a record published before the report term exactly as then', () => {
    expect(riskWeightOf(f(2, 3, 12, true, 2), olderFormula)).toBe(18);
    expect(riskWeightOf(f(2, 3, 12, true), olderFormula)).toBe(18);
    expect(describeRiskWeightFormula(olderFormula).zh).not.toContain('举报分');
  });

  it('takes a bureau’s own report points and window', () => {
    const formula = {
      ...defaultRiskWeightFormula,
      pointsPerVerifiedReport: 5,
      maxReportPoints: 5,
      verifiedReportWindowDays: 730,
    };
    expect(riskWeightOf(f(4, 0, 0, false, 2), formula)).toBe(6);
    expect(describeRiskWeightFormula(formula).zh).toContain(
      '举报分：近 730 日内经核查属实或部分属实的举报每件 5 分（重复举报不重复计），最多 5 分',
    );
  });

  it('states the formula with its parameters in both languages', () => {
    const text = describeRiskWeightFormula({ ...defaultRiskWeightFormula, creditListedMultiplier: 3 });
    expect(text.zh).toContain('重大风险 8、较大风险 4、一般风险 2、低风险 1');
    expect(text.zh).toContain('列入严重失信主体名单的为 3');
    expect(text.zh).toContain('权重 =（风险等级分 + 隐患分 + 报警分 + 举报分）× 失信系数');
    expect(text.zh).toContain(
      '举报分：近 365 日内经核查属实或部分属实的举报每件 2 分（重复举报不重复计），最多 6 分',
    );
    expect(text.en).toContain('credit factor: 3 for an enterprise on the serious-dishonesty list');
    expect(text.en).toContain(
      'report points: 2 per public report verified true or partly true in the last 365 days (a duplicate report is not counted again), at most 6',
    );
  });

  it.each([
    ['a zero level point', { ...defaultRiskWeightFormula, levelPoints: { 1: 8, 2: 4, 3: 2, 4: 0 } }],
    ['a fractional multiplier', { ...defaultRiskWeightFormula, creditListedMultiplier: 1.5 }],
    ['zero alarms per point', { ...defaultRiskWeightFormula, alarmsPerPoint: 0 }],
    [
      'report points without their window',
      { ...olderFormula, pointsPerVerifiedReport: 2, maxReportPoints: 6 },
    ],
    ['a zero-day report window', { ...defaultRiskWeightFormula, verifiedReportWindowDays: 0 }],
    ['fractional report points', { ...defaultRiskWeightFormula, pointsPerVerifiedReport: 1.5 }],
  ])('refuses a formula with %s', (_name, formula) => {
    expect(() => checkRiskWeightFormula(formula)).toThrow(EnforcementError);
  });

  it('refuses negative or fractional counts', () => {
    expect(() => riskWeightOf(f(1, -1))).toThrow(EnforcementError);
    expect(() => riskWeightOf(f(1, 0, 2.5))).toThrow(EnforcementError);
    expect(() => riskWeightOf(f(1, 0, 0, false, -1))).toThrow(EnforcementError);
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
