import { toHundredths, fromHundredths } from './hundredths.ts';
import { RiskCalculationError } from './risk-calculation-error.ts';
import {
  defaultRiskColourTable,
  riskColourOf,
  riskLevels,
  type RiskColour,
  type RiskColourTable,
  type RiskLevel,
} from './risk-level.ts';

/*
 * 作业条件危险性评价法 (LEC): D = L × E × C. Score sets and the five D bands are the common
 * textbook tables (standards.md §2.2, V2). The band → risk level mapping is not nationally unified,
 * so it is a table with Variant A as the default.
 */

/** L, likelihood: 10 fully expected … 0.1 practically impossible. */
export const lecLikelihoodScores = [10, 6, 3, 1, 0.5, 0.2, 0.1] as const;
/** E, exposure: 10 continuous … 0.5 very rarely. */
export const lecExposureScores = [10, 6, 3, 2, 1, 0.5] as const;
/** C, consequence: 100 catastrophe, many deaths … 1 noticeable, needs first aid. */
export const lecConsequenceScores = [100, 40, 15, 7, 3, 1] as const;

export type LecLikelihood = (typeof lecLikelihoodScores)[number];
export type LecExposure = (typeof lecExposureScores)[number];
export type LecConsequence = (typeof lecConsequenceScores)[number];

export const lecBands = [1, 2, 3, 4, 5] as const;
/** 1 极其危险 (stop work) · 2 高度危险 · 3 显著危险 · 4 一般危险 · 5 稍有危险 (acceptable). */
export type LecBand = (typeof lecBands)[number];

export interface LecBandTable {
  /** D values separating bands 1|2, 2|3, 3|4 and 4|5, strictly descending, at most two decimals. */
  readonly cutOffs: readonly [number, number, number, number];
  /**
   * Which band a D equal to a cut-off belongs to. `upper_inclusive`: each range includes its upper
   * end (70 < D ≤ 160 is band 3, so D = 70 is band 4); `lower_inclusive`: D = 70 is band 3.
   */
  readonly boundary: 'upper_inclusive' | 'lower_inclusive';
}

/**
 * D > 320 → 1, 160 < D ≤ 320 → 2, 70 < D ≤ 160 → 3, 20 < D ≤ 70 → 4, D ≤ 20 → 5. The sources do not
 * say which end is inclusive; upper-inclusive matches the published code. With the standard scores
 * D = 20 and D = 70 occur (10×2×1, 1×10×7), D = 160 and D = 320 cannot.
 */
export const defaultLecBandTable: LecBandTable = { cutOffs: [320, 160, 70, 20], boundary: 'upper_inclusive' };

export type LecLevelTable = Readonly<Record<LecBand, RiskLevel>>;

/** Variant A (default): 1 → 重大, 2 → 较大, 3 → 一般, 4 and 5 → 低. */
export const lecLevelTableVariantA: LecLevelTable = { 1: 1, 2: 2, 3: 3, 4: 4, 5: 4 };
/** Variant B, seen in code: D > 160 → 重大, 70 < D ≤ 160 → 较大, 20 < D ≤ 70 → 一般, D ≤ 20 → 低. */
export const lecLevelTableVariantB: LecLevelTable = { 1: 1, 2: 1, 3: 2, 4: 3, 5: 4 };

export interface LecTables {
  readonly bands: LecBandTable;
  readonly levels: LecLevelTable;
  readonly colours: RiskColourTable;
}

export const defaultLecTables: LecTables = {
  bands: defaultLecBandTable,
  levels: lecLevelTableVariantA,
  colours: defaultRiskColourTable,
};

export interface LecInput {
  readonly l: number;
  readonly e: number;
  readonly c: number;
}

export interface LecResult {
  /** D = L × E × C, exact to the hundredth (the smallest possible D is 0.05). */
  readonly d: number;
  readonly band: LecBand;
  readonly level: RiskLevel;
  readonly colour: RiskColour;
}

const scoreSets = { l: lecLikelihoodScores, e: lecExposureScores, c: lecConsequenceScores } as const;

function hundredthsOfScore(field: keyof LecInput, value: number): number {
  const allowed: readonly number[] = scoreSets[field];
  if (!allowed.includes(value)) {
    throw new RiskCalculationError('calc.lec_invalid_score', {
      fields: [
        { path: field, code: 'calc.lec_invalid_score', message: `must be one of ${allowed.join(', ')}` },
      ],
      details: { field, value, allowed },
    });
  }
  return toHundredths(value) as number;
}

function tableError(problem: string, table: unknown): RiskCalculationError {
  return new RiskCalculationError('calc.risk_table_invalid', { details: { problem, table } });
}

function cutOffsInHundredths(table: LecBandTable): number[] {
  const cutOffs = table.cutOffs.map(toHundredths);
  const valid = cutOffs.every(
    (cut, i) => cut !== null && cut > 0 && (i === 0 || cut < (cutOffs[i - 1] ?? 0)),
  );
  if (table.cutOffs.length !== 4 || !valid) {
    throw tableError(
      'cutOffs must be four positive numbers, strictly descending, at most two decimals',
      table,
    );
  }
  return cutOffs as number[];
}

function bandOfHundredths(d: number, table: LecBandTable): LecBand {
  const cutOffs = cutOffsInHundredths(table);
  const index = cutOffs.findIndex((cut) => (table.boundary === 'upper_inclusive' ? d > cut : d >= cut));
  return index < 0 ? 5 : (lecBands[index] ?? 5);
}

/** The band of a D value (at most two decimals, ≥ 0) under `table`. */
export function lecBandOf(d: number, table: LecBandTable = defaultLecBandTable): LecBand {
  const hundredths = toHundredths(d);
  if (hundredths === null || hundredths < 0) {
    throw new RiskCalculationError('calc.lec_invalid_score', { details: { field: 'd', value: d } });
  }
  return bandOfHundredths(hundredths, table);
}

/** Level of a band; a table must give each band a level and never rank a more dangerous band lower. */
export function lecLevelOf(band: LecBand, table: LecLevelTable = lecLevelTableVariantA): RiskLevel {
  const levels = lecBands.map((b) => table[b]);
  const valid = levels.every(
    (level, i) => riskLevels.includes(level) && (i === 0 || level >= (levels[i - 1] ?? 1)),
  );
  if (!valid) throw tableError('levels must map bands 1–5 to levels 1–4, never decreasing', table);
  return table[band];
}

/** D = L × E × C with the standard score sets; band, level and colour by the given tables. */
export function calculateLec(input: LecInput, tables: Partial<LecTables> = {}): LecResult {
  const { bands, levels, colours } = { ...defaultLecTables, ...tables };
  // Hundredths × hundredths × hundredths of a whole C: divide by 10⁴ to get hundredths of D, exact
  // because L and E have at most one decimal and C is whole.
  const dHundredths =
    (hundredthsOfScore('l', input.l) * hundredthsOfScore('e', input.e) * hundredthsOfScore('c', input.c)) /
    10_000;
  const band = bandOfHundredths(dHundredths, bands);
  const level = lecLevelOf(band, levels);
  return { d: fromHundredths(dHundredths), band, level, colour: riskColourOf(level, colours) };
}
