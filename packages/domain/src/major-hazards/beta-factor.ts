import type { Gb18218Table2Row } from './gb18218-table2.ts';
import { MajorHazardError } from './major-hazard.errors.ts';
import type { MajorHazardOptions } from './major-hazard-options.ts';
import { Rational } from './rational.ts';
import { findGb18218Category, type Gb18218Substance } from './substance-lookup.ts';
import { gb18218Table1DefaultCategories } from './gb18218-table1-categories.ts';
import { gb18218Table2 } from './gb18218-table2.ts';

/**
 * Where β came from (GB 18218-2018 Tables 3 and 4, standards.md §1.5):
 * - `table3`: the chemical is a Table 3 named toxic gas;
 * - `table3_via`: Table 1 row 13 (煤气) with Table 3's 一氧化碳 value (option `applyInferredTable3Beta`);
 * - `table4_category`: Table 4 by the hazard category — the item's own Table 2 category, or the
 *   category the caller gave for a Table 1 chemical outside Table 3;
 * - `table4_default`: Table 4 by the row's default category from its GHS classification
 *   (gb18218-table1-categories.ts); with several categories the largest β;
 * - `fallback`: no category known, the configured `fallbackBeta` was assumed.
 */
export type Gb18218BetaSource = 'table3' | 'table3_via' | 'table4_category' | 'table4_default' | 'fallback';

export interface Gb18218BetaChoice {
  readonly beta: Rational;
  readonly betaText: string;
  readonly source: Gb18218BetaSource;
  /** The category whose Table 4 β was used. */
  readonly category?: Gb18218Table2Row;
  /** A category the caller gave that did not decide β (Table 3 takes precedence, or the item is a category). */
  readonly ignoredCategory?: string;
  /** For `table4_default`: every default category of the row, and whether the defaults are confirmed. */
  readonly defaultCategories?: readonly string[];
  readonly defaultConfirmed?: boolean;
}

/** β of one item. `betaCategory` is the caller's Table 2 code for a Table 1 chemical outside Table 3. */
export function chooseGb18218Beta(
  substance: Gb18218Substance,
  betaCategory: string | undefined,
  options: Pick<MajorHazardOptions, 'fallbackBeta' | 'applyInferredTable3Beta'>,
): Gb18218BetaChoice {
  const given = betaCategory?.trim() ? betaCategory.trim() : undefined;
  if (substance.kind === 'table2') {
    // β belongs to the category that set Q (standards.md §1.5 open point), never to another one.
    const ignoredCategory = given && findGb18218Category(given)?.code !== substance.code ? given : undefined;
    return {
      ...fromText(substance.row.beta),
      source: 'table4_category',
      category: substance.row,
      ...(ignoredCategory ? { ignoredCategory } : {}),
    };
  }
  const { table3Beta, table3BetaVia } = substance.row;
  if (table3Beta !== undefined && (table3BetaVia === undefined || options.applyInferredTable3Beta)) {
    return {
      ...fromText(table3Beta),
      source: table3BetaVia === undefined ? 'table3' : 'table3_via',
      ...(given ? { ignoredCategory: given } : {}),
    };
  }
  if (given) {
    const category = findGb18218Category(given);
    if (!category) throw new MajorHazardError('major_hazard.unknown_category', { input: given });
    return { ...fromText(category.beta), source: 'table4_category', category };
  }
  const defaults = gb18218Table1DefaultCategories[substance.row.row];
  if (defaults && defaults.categories.length > 0) {
    // With several hazard categories the largest Table 4 β applies (issue 11 item 18; see
    // docs/major-hazards.md); ties keep the first listed category.
    const rows = defaults.categories.map((code) => gb18218Table2.find((row) => row.code === code)!);
    const category = rows.reduce((best, row) =>
      Rational.fromDecimal(row.beta).compare(Rational.fromDecimal(best.beta)) > 0 ? row : best,
    );
    return {
      ...fromText(category.beta),
      source: 'table4_default',
      category,
      defaultCategories: defaults.categories,
      defaultConfirmed: defaults.confirmed,
    };
  }
  if (options.fallbackBeta !== null) return { ...fromText(options.fallbackBeta), source: 'fallback' };
  throw new MajorHazardError('major_hazard.beta_category_required', {
    input: substance.row.nameZh,
    code: substance.code,
  });
}

function fromText(text: string): { beta: Rational; betaText: string } {
  const beta = Rational.fromDecimal(text);
  return { beta, betaText: beta.toExactDecimalString() ?? text };
}
