import { RiskCalculationError } from './risk-calculation-error.ts';
import {
  defaultRiskColourTable,
  riskColourOf,
  type RiskColour,
  type RiskColourTable,
  type RiskLevel,
} from './risk-level.ts';

/*
 * 风险矩阵 (LS): R = L × S, each an integer 1–5. The level bands are a provincial convention
 * (Shandong-style, standards.md §2.3, V1/M), so they are a table; other sets exist (17/11/5).
 */

export const lsScores = [1, 2, 3, 4, 5] as const;
export type LsScore = (typeof lsScores)[number];

export interface LsLevelTable {
  /** Smallest R of levels 1, 2 and 3, strictly descending; any smaller R is level 4. */
  readonly minimumR: readonly [number, number, number];
}

/** 20–25 重大/red, 15–16 较大/orange, 9–12 一般/yellow, 1–8 低/blue. R = 13, 14, 17–19 cannot occur. */
export const defaultLsLevelTable: LsLevelTable = { minimumR: [20, 15, 9] };

export interface LsTables {
  readonly levels: LsLevelTable;
  readonly colours: RiskColourTable;
}

export const defaultLsTables: LsTables = { levels: defaultLsLevelTable, colours: defaultRiskColourTable };

export interface LsInput {
  readonly l: number;
  readonly s: number;
}

export interface LsResult {
  readonly r: number;
  readonly level: RiskLevel;
  readonly colour: RiskColour;
}

function checkScore(path: string, value: number): LsScore {
  if (!(lsScores as readonly number[]).includes(value)) {
    throw new RiskCalculationError('calc.ls_invalid_score', {
      fields: [{ path, code: 'calc.ls_invalid_score', message: 'must be an integer from 1 to 5' }],
      details: { field: path, value },
    });
  }
  return value as LsScore;
}

/** Level of a product R under `table`. */
export function lsLevelOf(r: number, table: LsLevelTable = defaultLsLevelTable): RiskLevel {
  const [first, second, third] = table.minimumR;
  const valid =
    table.minimumR.length === 3 &&
    table.minimumR.every((min) => Number.isInteger(min) && min >= 2 && min <= 25) &&
    first > second &&
    second > third;
  if (!valid) {
    throw new RiskCalculationError('calc.risk_table_invalid', {
      details: { problem: 'minimumR must be three integers from 2 to 25, strictly descending', table },
    });
  }
  if (r >= first) return 1;
  if (r >= second) return 2;
  if (r >= third) return 3;
  return 4;
}

/** R = L × S; level and colour by the given tables. */
export function calculateLs(input: LsInput, tables: Partial<LsTables> = {}): LsResult {
  const { levels, colours } = { ...defaultLsTables, ...tables };
  const r = checkScore('l', input.l) * checkScore('s', input.s);
  const level = lsLevelOf(r, levels);
  return { r, level, colour: riskColourOf(level, colours) };
}

/**
 * The dimensions a hazard's severity is scored on, each 1–5 (standards.md §2.3, V1): legal
 * compliance, personal injury (1 none … 5 death), direct economic loss, shutdown, reputation.
 */
export const severityDimensions = ['legal', 'injury', 'economicLoss', 'shutdown', 'reputation'] as const;
export type SeverityDimension = (typeof severityDimensions)[number];
export type SeverityScores = Readonly<Partial<Record<SeverityDimension, number>>>;

/** S of a hazard: the highest of its scored dimensions. At least one dimension must be scored. */
export function severityOfHazard(scores: SeverityScores): LsScore {
  const scored = severityDimensions.filter((dimension) => scores[dimension] !== undefined);
  if (scored.length === 0) {
    throw new RiskCalculationError('calc.ls_invalid_score', {
      fields: [{ path: 'severity', code: 'calc.ls_invalid_score', message: 'score at least one dimension' }],
    });
  }
  return Math.max(
    ...scored.map((dimension) => checkScore(`severity.${dimension}`, scores[dimension] as number)),
  ) as LsScore;
}
