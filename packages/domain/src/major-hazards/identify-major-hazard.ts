import { chooseGb18218Beta, type Gb18218BetaChoice } from './beta-factor.ts';
import { gb18218AlphaBand, type Gb18218AlphaBand } from './exposure-alpha.ts';
import { majorHazardLevelBand } from './hazard-level.ts';
import { defaultMajorHazardOptions, type MajorHazardOptions } from './major-hazard-options.ts';
import { MajorHazardError } from './major-hazard.errors.ts';
import type { MajorHazardItemResult, MajorHazardResult } from './major-hazard.schema.ts';
import {
  alphaStep,
  betaStep,
  identificationStep,
  levelStep,
  ratioStep,
  rStep,
  sumStep,
  type EvaluatedItem,
} from './major-hazard-steps.ts';
import { Rational } from './rational.ts';
import { resolveGb18218Substance } from './substance-lookup.ts';

export interface MajorHazardItemInput {
  /** T1-nn row code, Chinese name or alias, CAS number, or Table 2 category code. */
  readonly substance: string;
  /** q in tonnes: a decimal string (exact) or a number (read by its shortest decimal form). */
  readonly quantityTonnes: string | number;
  /** Table 2 code giving Table 4 β for a Table 1 chemical outside Table 3. */
  readonly betaCategory?: string;
}

export interface MajorHazardInput {
  readonly items: readonly MajorHazardItemInput[];
  /** People within 500 m outside the plant boundary, an integer ≥ 0. */
  readonly exposedPopulation: number;
}

/**
 * Identifies and grades one unit by GB 18218-2018 (standards.md §1.2–1.7):
 * S = Σ qᵢ/Qᵢ, major when S ≥ 1; then R = α·Σ βᵢ·qᵢ/Qᵢ and the level from R. All arithmetic is exact;
 * displayed values are truncated to `displayPlaces`.
 */
export function identifyMajorHazard(
  input: MajorHazardInput,
  options: Partial<MajorHazardOptions> = {},
): MajorHazardResult {
  const settings: MajorHazardOptions = { ...defaultMajorHazardOptions, ...options };
  const places = settings.displayPlaces;
  const alphaBand = gb18218AlphaBand(input.exposedPopulation);
  const items = input.items.map((item, index) => evaluateItem(item, index));
  const s = Rational.sum(items.map((item) => item.ratio));
  // GB 18218-2018 (standards.md §1.2): S ≥ 1 means a major hazard source; S = 1 exactly included.
  const isMajor = s.isAtLeast(Rational.one);
  const steps = [
    ...items.map((item) => ratioStep(item, places)),
    sumStep(items, s, places),
    identificationStep(isMajor, s, places),
  ];
  const identification = { s: s.toDecimalString(places, 'down'), isMajor };
  if (!isMajor) {
    const results = items.map((item) => itemResult(item, null, places));
    return { ...identification, alpha: null, r: null, level: null, items: results, steps };
  }
  const grading = gradeUnit(items, input.exposedPopulation, alphaBand, settings);
  return { ...identification, ...grading, steps: [...steps, ...grading.steps] };
}

/** R and the level of a unit already identified as a major hazard source. */
function gradeUnit(
  items: readonly EvaluatedItem[],
  population: number,
  alphaBand: Gb18218AlphaBand,
  settings: MajorHazardOptions,
): Omit<MajorHazardResult, 's' | 'isMajor'> {
  const places = settings.displayPlaces;
  const graded = items.map((item) => ({
    ...item,
    beta: chooseGb18218Beta(item.substance, item.input.betaCategory, settings),
  }));
  // GB 18218-2018 (standards.md §1.7): R = α·Σ βᵢ·qᵢ/Qᵢ, computed only when S ≥ 1.
  const weighted = Rational.sum(graded.map((item) => item.beta.beta.multiply(item.ratio)));
  const r = Rational.fromDecimal(alphaBand.alpha).multiply(weighted);
  const band = majorHazardLevelBand(r);
  return {
    alpha: alphaBand.alpha,
    r: r.toDecimalString(places, 'down'),
    level: band.level,
    items: graded.map((item) => itemResult(item, item.beta, places)),
    steps: [
      ...graded.map((item) => betaStep(item)),
      alphaStep(population, alphaBand, settings.exposureRadiusMetres),
      rStep(alphaBand.alpha, graded, weighted, r, places),
      levelStep(r, band, places),
    ],
  };
}

function evaluateItem(input: MajorHazardItemInput, index: number): EvaluatedItem {
  const quantity = Rational.parseDecimal(input.quantityTonnes);
  if (quantity === null || quantity.sign() <= 0) {
    throw new MajorHazardError('major_hazard.invalid_quantity', { index, input: input.quantityTonnes });
  }
  const substance = resolveGb18218Substance(input.substance);
  const criticalQuantity = Rational.fromDecimal(substance.row.criticalQuantityTonnes);
  return { index, input, substance, quantity, criticalQuantity, ratio: quantity.divide(criticalQuantity) };
}

function itemResult(
  item: EvaluatedItem,
  beta: Gb18218BetaChoice | null,
  places: number,
): MajorHazardItemResult {
  const { substance } = item;
  const names =
    substance.kind === 'table1'
      ? { nameZh: substance.row.nameZh, nameEn: substance.row.nameEn, cas: [...substance.row.cas] }
      : {
          nameZh: `${substance.row.hazardClassZh}（${substance.row.conditionZh}）`,
          nameEn: `${substance.row.hazardClassEn} (${substance.row.conditionEn})`,
          cas: [],
        };
  return {
    substance: item.input.substance,
    code: substance.code,
    table: substance.kind === 'table1' ? 1 : 2,
    ...names,
    matchedBy: substance.matchedBy,
    quantityTonnes: item.quantity.toExactDecimalString() ?? item.quantity.toString(),
    criticalQuantityTonnes: substance.row.criticalQuantityTonnes,
    ratio: item.ratio.toDecimalString(places, 'down'),
    beta: beta ? beta.betaText : null,
    betaSource: beta ? beta.source : null,
    betaCategory: beta?.category?.code ?? null,
    ...(beta?.defaultCategories
      ? {
          betaDefaultCategories: [...beta.defaultCategories],
          betaDefaultConfirmed: beta.defaultConfirmed ?? false,
        }
      : {}),
  };
}
