import {
  DomainError,
  identifyMajorHazard,
  MajorHazardError,
  Rational,
  resolveGb18218Substance,
  type FieldProblem,
  type MajorHazardResult,
  type MajorHazardUnitUpdate,
} from '@anjian/domain';
import type { InventoryItemRecord } from './major-hazards.repository.ts';

export interface IdentifiedUnit {
  identification: MajorHazardResult;
  inventory: InventoryItemRecord[];
  /** The inventory as declared, quantities as exact decimal text, for the history. */
  declared: { substance: string; quantityTonnes: string; betaCategory?: string }[];
}

const problem = (path: string, code: string): FieldProblem => ({ path, code, message: code });

/**
 * Identifies and grades a declared unit with the public calculator's own function. A substance
 * that cannot be resolved, or a missing β category, is reported against its inventory row
 * (`inventory.2.substance`), so that the form can point at it; nothing is stored then.
 */
export function identifyUnit(
  input: Pick<MajorHazardUnitUpdate, 'inventory' | 'exposedPopulation'>,
): IdentifiedUnit {
  const fields: FieldProblem[] = [];
  let firstCode: MajorHazardError['code'] | null = null;
  const resolved = input.inventory.map((item, index) => {
    try {
      return resolveGb18218Substance(item.substance);
    } catch (error) {
      if (!(error instanceof MajorHazardError)) throw error;
      firstCode ??= error.code;
      fields.push(problem(`inventory.${index}.substance`, error.code));
      return null;
    }
  });
  if (firstCode) throw new DomainError(firstCode, { fields });
  const declared = input.inventory.map((item) => ({
    substance: item.substance,
    quantityTonnes: Rational.parseDecimal(item.quantityTonnes)!.toExactDecimalString()!,
    ...(item.betaCategory ? { betaCategory: item.betaCategory } : {}),
  }));
  let identification: MajorHazardResult;
  try {
    identification = identifyMajorHazard({ items: declared, exposedPopulation: input.exposedPopulation });
  } catch (error) {
    if (!(error instanceof MajorHazardError) || error.code !== 'major_hazard.beta_category_required')
      throw error;
    const rows = resolved.flatMap((substance, index) =>
      substance?.code === error.details.code && !input.inventory[index]!.betaCategory ? [index] : [],
    );
    throw new DomainError(error.code, {
      fields: rows.map((index) => problem(`inventory.${index}.betaCategory`, error.code)),
    });
  }
  const inventory = declared.map((item, index) => ({
    substance: item.substance,
    substanceCode: resolved[index]!.code,
    quantityTonnes: item.quantityTonnes,
    betaCategory: item.betaCategory ?? null,
  }));
  return { identification, inventory, declared };
}
