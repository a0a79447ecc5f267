import type { DrawPublicRecord } from './draw-record.ts';
import {
  defaultRiskWeightFormula,
  riskWeightOf,
  type RiskWeightFactors,
  type RiskWeightFormula,
} from './risk-weight.ts';
import { sm3DigestHex } from './sm3.ts';

/* Shared by the draw tests: small public records and a deterministic supply of seeds. */

export const seedA = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f';

/** The t-th seed of a named series: SM3 of the label, so the statistical tests are repeatable. */
export const seedOf = (series: string, t: number): string => sm3DigestHex(`${series} ${t}`);

export const ids = (prefix: string, count: number): string[] =>
  Array.from({ length: count }, (_, i) => `${prefix}${String(i + 1).padStart(2, '0')}`);

export function uniformRecord(overrides: Partial<DrawPublicRecord> = {}): DrawPublicRecord {
  return {
    algorithm: 'anjian-draw-v1',
    drawId: 'draw-2026-q2-01',
    title: '2026年第二季度危险化学品企业双随机抽查',
    announcedAt: '2026-04-01T09:00:00+08:00',
    mode: 'uniform',
    enterpriseCount: 3,
    inspectorsPerEnterprise: 2,
    pool: ids('e', 8).map((enterpriseId) => ({ enterpriseId })),
    inspectorIds: ids('i', 5),
    conflicts: [
      { enterpriseId: 'e01', inspectorId: 'i01' },
      { enterpriseId: 'e02', inspectorId: 'i03' },
    ],
    exclusion: { periodDays: 365, excludedEnterpriseIds: ['e08'] },
    ...overrides,
  };
}

export const factorsOf = (
  riskLevel: 1 | 2 | 3 | 4,
  hazards = 0,
  alarms = 0,
  listed = false,
): RiskWeightFactors => ({
  riskLevel,
  openHiddenHazards: hazards,
  alarmsLast90Days: alarms,
  creditListed: listed,
});

/** The default formula as published before the report term (issue 16) existed: the test vector's. */
export const formulaBeforeReports: RiskWeightFormula = (({
  pointsPerVerifiedReport: _points,
  maxReportPoints: _max,
  verifiedReportWindowDays: _window,
  ...rest
}) => rest)(defaultRiskWeightFormula);

/** A risk-weighted record whose weights are 1, 2, 4, 8, 9 and 16 under that formula. */
export function weightedRecord(overrides: Partial<DrawPublicRecord> = {}): DrawPublicRecord {
  const factors = [
    factorsOf(4),
    factorsOf(3),
    factorsOf(2),
    factorsOf(1),
    factorsOf(1, 1),
    factorsOf(1, 0, 0, true),
  ];
  return uniformRecord({
    mode: 'risk_weighted',
    riskWeightFormula: formulaBeforeReports,
    pool: factors.map((f, i) => ({
      enterpriseId: `w${i + 1}`,
      factors: f,
      weight: riskWeightOf(f, formulaBeforeReports),
    })),
    conflicts: [],
    exclusion: { periodDays: 0, excludedEnterpriseIds: [] },
    ...overrides,
  });
}
