import { EnforcementError } from './enforcement.errors.ts';
import {
  checkRiskWeightFormula,
  riskWeightOf,
  type RiskWeightFactors,
  type RiskWeightFormula,
} from './risk-weight.ts';

/** Version tag of the draw algorithm; a record and its result name the algorithm they follow. */
export const drawAlgorithmVersion = 'anjian-draw-v1';

/** uniform = every enterprise equally likely (the statutory default); risk_weighted = see risk-weight.ts. */
export const drawModes = ['uniform', 'risk_weighted'] as const;
export type DrawMode = (typeof drawModes)[number];

export interface DrawPoolEntry {
  readonly enterpriseId: string;
  /** Risk-weighted draws only: the weight, which must equal the formula applied to `factors`. */
  readonly weight?: number;
  readonly factors?: RiskWeightFactors;
}

/** A declared conflict of interest (回避): this inspector never inspects this enterprise. */
export interface DrawConflict {
  readonly enterpriseId: string;
  readonly inspectorId: string;
}

/**
 * Everything the bureau publishes before a draw, together with the commitment SM3(seed ‖ this record).
 * Ids are opaque strings (the server uses the registry UUIDs; the public page shows names beside them).
 */
export interface DrawPublicRecord {
  readonly algorithm: typeof drawAlgorithmVersion;
  readonly drawId: string;
  /** e.g. 2026年第二季度危险化学品企业双随机抽查 */
  readonly title: string;
  /** When the record and commitment were published (ISO 8601). */
  readonly announcedAt: string;
  readonly mode: DrawMode;
  /** N: how many enterprises are drawn. */
  readonly enterpriseCount: number;
  /** Inspectors paired with each enterprise, at least 2. */
  readonly inspectorsPerEnterprise: number;
  /** The filtered pool of inspectable enterprises (随机抽查对象名录). */
  readonly pool: readonly DrawPoolEntry[];
  /** The roster of certified inspectors (执法检查人员名录). */
  readonly inspectorIds: readonly string[];
  readonly conflicts: readonly DrawConflict[];
  /** Enterprises drawn within the last `periodDays` days, which this draw may not pick again. */
  readonly exclusion: { readonly periodDays: number; readonly excludedEnterpriseIds: readonly string[] };
  /** Risk-weighted draws only: the published formula. */
  readonly riskWeightFormula?: RiskWeightFormula;
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function invalid(problem: string, extra: Record<string, unknown> = {}): never {
  throw new EnforcementError('enforcement.draw_record_invalid', { problem, ...extra });
}

function sortedUnique(ids: readonly string[], what: string): string[] {
  const sorted = [...ids].sort(byCodeUnits);
  sorted.forEach((id, i) => {
    if (typeof id !== 'string' || id.length === 0) invalid(`empty_${what}_id`);
    if (i > 0 && sorted[i - 1] === id) invalid(`duplicate_${what}`, { id });
  });
  return sorted;
}

function checkParameters(record: DrawPublicRecord): void {
  if (record.algorithm !== drawAlgorithmVersion) invalid('algorithm', { algorithm: record.algorithm });
  if (!drawModes.includes(record.mode)) invalid('mode', { mode: record.mode });
  if (!Number.isSafeInteger(record.enterpriseCount) || record.enterpriseCount < 1)
    invalid('enterprise_count');
  // At least two inspectors: the rule, and 行政处罚法 Art. 42 (执法人员不得少于两人) [M].
  const k = record.inspectorsPerEnterprise;
  if (!Number.isSafeInteger(k) || k < 2) invalid('inspectors_per_enterprise', { inspectorsPerEnterprise: k });
  const period = record.exclusion.periodDays;
  if (!Number.isSafeInteger(period) || period < 0) invalid('exclusion_period', { periodDays: period });
}

function normalizePool(record: DrawPublicRecord): DrawPoolEntry[] {
  const formula = record.mode === 'risk_weighted' ? record.riskWeightFormula : undefined;
  if (record.mode === 'risk_weighted') {
    if (!formula) invalid('formula_missing');
    checkRiskWeightFormula(formula);
  } else if (record.riskWeightFormula) invalid('formula_in_uniform_draw');
  const pool = [...record.pool].sort((a, b) => byCodeUnits(a.enterpriseId, b.enterpriseId));
  sortedUnique(
    pool.map((entry) => entry.enterpriseId),
    'enterprise',
  );
  let total = 0;
  for (const entry of pool) {
    if (!formula) {
      if (entry.weight !== undefined || entry.factors)
        invalid('weight_in_uniform_draw', { id: entry.enterpriseId });
      continue;
    }
    if (!entry.factors) invalid('factors_missing', { id: entry.enterpriseId });
    const expected = riskWeightOf(entry.factors, formula);
    if (entry.weight !== expected)
      invalid('weight_mismatch', { id: entry.enterpriseId, weight: entry.weight, expected });
    total += expected;
  }
  if (!Number.isSafeInteger(total)) invalid('total_weight_too_large');
  return pool;
}

/**
 * The record in canonical order — pool, roster, conflicts and exclusions sorted by id (UTF-16 code
 * units) — after checking it. Throws `enforcement.draw_record_invalid` naming the problem. The
 * commitment and the draw always use this form, so the order in which a record was typed in or
 * published does not matter.
 */
export function normalizeDrawRecord(record: DrawPublicRecord): DrawPublicRecord {
  checkParameters(record);
  const conflicts = [...record.conflicts].sort(
    (a, b) => byCodeUnits(a.enterpriseId, b.enterpriseId) || byCodeUnits(a.inspectorId, b.inspectorId),
  );
  conflicts.forEach((c, i) => {
    const previous = conflicts[i - 1];
    if (previous && previous.enterpriseId === c.enterpriseId && previous.inspectorId === c.inspectorId) {
      invalid('duplicate_conflict', { ...c });
    }
  });
  return {
    ...record,
    pool: normalizePool(record),
    inspectorIds: sortedUnique(record.inspectorIds, 'inspector'),
    conflicts: conflicts.map(({ enterpriseId, inspectorId }) => ({ enterpriseId, inspectorId })),
    exclusion: {
      periodDays: record.exclusion.periodDays,
      excludedEnterpriseIds: sortedUnique(record.exclusion.excludedEnterpriseIds, 'excluded'),
    },
  };
}
