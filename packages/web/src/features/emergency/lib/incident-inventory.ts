import {
  findConsequenceChemical,
  type ConsequenceChemical,
  type MajorHazardInventoryRow,
} from '@anjian/domain';
import type { ConsequenceDraft } from './incident-consequence.ts';

/**
 * The chemicals an enterprise declared in its GB 18218 units (GET /major-hazards/units?enterpriseId=…),
 * each matched to the consequence calculator's chemical table so the duty officer can pick the one
 * actually stored on site. A substance the table does not hold is listed as not modelled.
 */
export interface DeclaredUnit {
  id: string;
  name: string;
  inventory: readonly Pick<
    MajorHazardInventoryRow,
    'substance' | 'nameZh' | 'nameEn' | 'cas' | 'quantityTonnes'
  >[];
}

export interface DeclaredChemical {
  /** `unitId:row`, stable while the declaration stands. */
  key: string;
  unitId: string;
  unitName: string;
  nameZh: string;
  nameEn: string;
  cas: readonly string[];
  /** Declared design maximum quantity q, tonnes, as declared. */
  quantityTonnes: string;
  /** The calculator's chemical, or null when it is not modelled. */
  chemical: ConsequenceChemical | null;
}

type InventoryRow = DeclaredUnit['inventory'][number];

/** CAS numbers first (they are unambiguous), then the GB 18218 names, then what was typed. */
export function matchDeclaredSubstance(row: InventoryRow): ConsequenceChemical | null {
  const candidates = [...row.cas, row.nameZh, row.nameEn, row.substance];
  for (const candidate of candidates) {
    if (!candidate.trim()) continue;
    const chemical = findConsequenceChemical(candidate);
    if (chemical) return chemical;
  }
  return null;
}

/** Every declared row, unit by unit; within a unit, the modelled ones first. */
export function declaredChemicals(units: readonly DeclaredUnit[]): DeclaredChemical[] {
  return units.flatMap((unit) =>
    unit.inventory
      .map((row, index) => ({
        key: `${unit.id}:${index}`,
        unitId: unit.id,
        unitName: unit.name,
        nameZh: row.nameZh,
        nameEn: row.nameEn,
        cas: row.cas,
        quantityTonnes: row.quantityTonnes,
        chemical: matchDeclaredSubstance(row),
      }))
      .sort((a, b) => Number(a.chemical === null) - Number(b.chemical === null)),
  );
}

/** The form's upper bounds (el-input-number max) for the masses prefilled from a declaration. */
export const MAX_RELEASE_MASS_KG = 1e8;
export const MAX_FUEL_MASS_KG = 1e7;

/**
 * What choosing a declared chemical changes in the scenario: the chemical, and the whole declared
 * quantity as the instantaneous release and as the fuel of an explosion or fireball (the worst case
 * the declaration supports; the officer lowers it if less escaped). Rate and pool size stay as typed.
 * Null for a substance the calculator does not model.
 */
export function draftFromDeclared(
  declared: DeclaredChemical,
): Pick<ConsequenceDraft, 'chemical' | 'massKg' | 'fuelMassKg'> | null {
  if (!declared.chemical) return null;
  const kg = Number(declared.quantityTonnes) * 1000;
  const usable = Number.isFinite(kg) && kg > 0;
  return {
    chemical: declared.chemical.nameZh,
    massKg: usable ? Math.min(kg, MAX_RELEASE_MASS_KG) : 0,
    fuelMassKg: usable ? Math.min(kg, MAX_FUEL_MASS_KG) : 0,
  };
}
