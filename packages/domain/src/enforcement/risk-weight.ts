import type { RiskLevel } from '../dual-prevention/risk/risk-level.ts';
import { EnforcementError } from './enforcement.errors.ts';

/*
 * Weight of an enterprise in a risk-weighted double-random draw (双随机). No national formula exists
 * (standards.md §6.4 lists the risk-index formula as NF), so this one is ours, published with every
 * draw and configurable. It is integer arithmetic only, so every platform recomputes it exactly.
 *
 *   weight = (levelPoints[riskLevel] + hazardPoints + alarmPoints + reportPoints) × (creditListed ? multiplier : 1)
 *   hazardPoints = min(openHiddenHazards × pointsPerOpenHazard, maxHazardPoints)
 *   alarmPoints  = min(⌊alarmsLast90Days ÷ alarmsPerPoint⌋, maxAlarmPoints)
 *   reportPoints = min(verifiedReports × pointsPerVerifiedReport, maxReportPoints)
 *
 * The report term (issue 16: "a verified report raises the enterprise's inspection weight") came
 * later: a published record without it (no `verifiedReportWindowDays` in its formula, no
 * `verifiedReports` in its factors) weighs exactly as before, so old draws still verify.
 */

/** What the weight depends on; the server fills these in from the registers when the pool is built. */
export interface RiskWeightFactors {
  /** Enterprise risk level 1 (重大, highest) to 4 (低). */
  readonly riskLevel: RiskLevel;
  /** Hidden hazards (事故隐患) not yet closed. */
  readonly openHiddenHazards: number;
  /** Monitoring alarms in the 90 days before the pool was built. */
  readonly alarmsLast90Days: number;
  /** On the serious-dishonesty list (严重失信主体名单) when the pool was built. */
  readonly creditListed: boolean;
  /**
   * Public reports (举报) about the enterprise verified 属实 or 部分属实 within the formula's window
   * before the pool was built; duplicates of another report are not counted again. Absent in
   * records published before the term existed.
   */
  readonly verifiedReports?: number;
}

export interface RiskWeightFormula {
  readonly levelPoints: Readonly<Record<RiskLevel, number>>;
  readonly pointsPerOpenHazard: number;
  readonly maxHazardPoints: number;
  readonly alarmsPerPoint: number;
  readonly maxAlarmPoints: number;
  readonly creditListedMultiplier: number;
  /** Points per verified report; with the two below, or none of the three (an older formula). */
  readonly pointsPerVerifiedReport?: number;
  readonly maxReportPoints?: number;
  /** Reports verified within this many days before the pool was built count. */
  readonly verifiedReportWindowDays?: number;
}

/**
 * Defaults (our assumption, NF): each risk level doubles the base (蓝 1, 黄 2, 橙 4, 红 8); open hazards
 * and recent alarms add up to 5 points each; each report verified in the last 365 days adds 2
 * points, at most 6 (one verified report weighs as much as a level step from 一般 to 较大); a
 * listed enterprise counts twice. Weights run 1–48.
 */
export const defaultRiskWeightFormula: RiskWeightFormula = Object.freeze({
  levelPoints: Object.freeze({ 1: 8, 2: 4, 3: 2, 4: 1 }),
  pointsPerOpenHazard: 1,
  maxHazardPoints: 5,
  alarmsPerPoint: 5,
  maxAlarmPoints: 5,
  creditListedMultiplier: 2,
  pointsPerVerifiedReport: 2,
  maxReportPoints: 6,
  verifiedReportWindowDays: 365,
});

export interface RiskWeightBreakdown {
  readonly levelPoints: number;
  readonly hazardPoints: number;
  readonly alarmPoints: number;
  readonly reportPoints: number;
  readonly multiplier: number;
  readonly weight: number;
}

const isCount = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;
const isPositive = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 1;
const bounded = (n: number) => n <= 1_000_000;

/** Throws `enforcement.risk_weight_formula_invalid` unless every parameter is an integer in range. */
export function checkRiskWeightFormula(formula: RiskWeightFormula): RiskWeightFormula {
  const reportKeys = ['pointsPerVerifiedReport', 'maxReportPoints', 'verifiedReportWindowDays'] as const;
  const reportTerm = reportKeys.filter((k) => formula[k] !== undefined).length;
  const problems = [
    ...([1, 2, 3, 4] as const)
      .filter((l) => !isPositive(formula.levelPoints[l]))
      .map((l) => `levelPoints.${l}`),
    ...(['pointsPerOpenHazard', 'maxHazardPoints', 'maxAlarmPoints'] as const).filter(
      (k) => !isCount(formula[k]),
    ),
    ...(['alarmsPerPoint', 'creditListedMultiplier'] as const).filter((k) => !isPositive(formula[k])),
    ...(reportTerm === 0
      ? []
      : reportTerm < reportKeys.length
        ? reportKeys.filter((k) => formula[k] === undefined)
        : [
            ...(['pointsPerVerifiedReport', 'maxReportPoints'] as const).filter((k) => !isCount(formula[k])),
            ...(isPositive(formula.verifiedReportWindowDays) && formula.verifiedReportWindowDays <= 3660
              ? []
              : ['verifiedReportWindowDays']),
          ]),
  ];
  const values = [
    ...Object.values(formula.levelPoints),
    formula.maxHazardPoints,
    formula.maxAlarmPoints,
    formula.maxReportPoints ?? 0,
  ];
  if (problems.length > 0 || !values.every(bounded) || !bounded(formula.creditListedMultiplier)) {
    throw new EnforcementError('enforcement.risk_weight_formula_invalid', { problems });
  }
  return formula;
}

/** The weight with each of its terms, as shown beside the enterprise on the draw page. */
export function explainRiskWeight(
  factors: RiskWeightFactors,
  formula: RiskWeightFormula = defaultRiskWeightFormula,
): RiskWeightBreakdown {
  checkRiskWeightFormula(formula);
  if (
    !isCount(factors.openHiddenHazards) ||
    !isCount(factors.alarmsLast90Days) ||
    (factors.verifiedReports !== undefined && !isCount(factors.verifiedReports)) ||
    !formula.levelPoints[factors.riskLevel]
  ) {
    throw new EnforcementError('enforcement.draw_record_invalid', { problem: 'factors', factors });
  }
  const levelPoints = formula.levelPoints[factors.riskLevel];
  const hazardPoints = Math.min(
    factors.openHiddenHazards * formula.pointsPerOpenHazard,
    formula.maxHazardPoints,
  );
  const alarmPoints = Math.min(
    Math.floor(factors.alarmsLast90Days / formula.alarmsPerPoint),
    formula.maxAlarmPoints,
  );
  const reportPoints = Math.min(
    (factors.verifiedReports ?? 0) * (formula.pointsPerVerifiedReport ?? 0),
    formula.maxReportPoints ?? 0,
  );
  const multiplier = factors.creditListed ? formula.creditListedMultiplier : 1;
  return {
    levelPoints,
    hazardPoints,
    alarmPoints,
    reportPoints,
    multiplier,
    weight: (levelPoints + hazardPoints + alarmPoints + reportPoints) * multiplier,
  };
}

/** The weight alone. */
export function riskWeightOf(
  factors: RiskWeightFactors,
  formula: RiskWeightFormula = defaultRiskWeightFormula,
): number {
  return explainRiskWeight(factors, formula).weight;
}

/** The formula in words with its current parameters, for the draw page and the published record. */
export function describeRiskWeightFormula(formula: RiskWeightFormula = defaultRiskWeightFormula): {
  readonly zh: string;
  readonly en: string;
} {
  const f = checkRiskWeightFormula(formula);
  const l = f.levelPoints;
  const reports = f.verifiedReportWindowDays !== undefined;
  return {
    zh:
      `权重 =（风险等级分 + 隐患分 + 报警分${reports ? ' + 举报分' : ''}）× 失信系数。风险等级分：重大风险 ${l[1]}、较大风险 ${l[2]}、` +
      `一般风险 ${l[3]}、低风险 ${l[4]}；隐患分：每项未闭环事故隐患 ${f.pointsPerOpenHazard} 分，最多 ${f.maxHazardPoints} 分；` +
      `报警分：近 90 日每 ${f.alarmsPerPoint} 次监测报警 1 分（不足不计），最多 ${f.maxAlarmPoints} 分；` +
      (reports
        ? `举报分：近 ${f.verifiedReportWindowDays} 日内经核查属实或部分属实的举报每件 ${f.pointsPerVerifiedReport} 分` +
          `（重复举报不重复计），最多 ${f.maxReportPoints} 分；`
        : '') +
      `失信系数：列入严重失信主体名单的为 ${f.creditListedMultiplier}，否则为 1。` +
      '企业被抽中的概率与权重成正比（逐次抽取、不放回）。',
    en:
      `weight = (risk-level points + hazard points + alarm points${reports ? ' + report points' : ''}) × credit factor. Risk-level points: ` +
      `major ${l[1]}, considerable ${l[2]}, moderate ${l[3]}, low ${l[4]}; hazard points: ` +
      `${f.pointsPerOpenHazard} per open hidden hazard, at most ${f.maxHazardPoints}; alarm points: 1 per ` +
      `${f.alarmsPerPoint} monitoring alarms in the last 90 days (rounded down), at most ${f.maxAlarmPoints}; ` +
      (reports
        ? `report points: ${f.pointsPerVerifiedReport} per public report verified true or partly true in the last ` +
          `${f.verifiedReportWindowDays} days (a duplicate report is not counted again), at most ${f.maxReportPoints}; `
        : '') +
      `credit factor: ${f.creditListedMultiplier} for an enterprise on the serious-dishonesty list, else 1. ` +
      'Each pick chooses an enterprise with probability proportional to its weight, without replacement.',
  };
}
