import type { ConsequenceChemical } from './consequence-chemicals.ts';
import { requirePositive } from './consequence.errors.ts';
import { kgPerM3ToMgPerM3, mgPerM3ToPpm } from './concentration-units.ts';
import { requireConsequenceChemical } from './find-consequence-chemical.ts';

/** Gases heavier than this (g/mol, ~15 % above air) are treated as dense, as in the chemical table. */
export const denseMolarMassGPerMol = 33;

/**
 * The substance a dispersion request is about: a chemical of the table, or — for the plume and puff
 * calculators — just a molar mass (a substance without thresholds), or nothing (mg/m³ only).
 */
export interface DispersionSubstance {
  readonly chemical: ConsequenceChemical;
  /** False for the stand-in built from a bare molar mass. */
  readonly catalogued: boolean;
}

function standIn(molarMassGPerMol: number | null): ConsequenceChemical {
  return {
    key: 'custom',
    nameZh: '自定义物质',
    nameEn: 'Custom substance',
    aliases: [],
    cas: [],
    molarMassGPerMol,
    primaryHazard: 'toxic',
    buoyancy: molarMassGPerMol !== null && molarMassGPerMol > denseMolarMassGPerMol ? 'dense' : 'passive',
    aeglPpm: null,
    erpgPpm: null,
    idlhPpm: null,
    lowerFlammableLimitVolPct: null,
    upperFlammableLimitVolPct: null,
    heatOfCombustionMjPerKg: null,
    poolBurningRateKgPerM2S: null,
    provenance: {},
    notes: '',
  };
}

export function dispersionSubstance(chemicalQuery?: string, molarMassGPerMol?: number): DispersionSubstance {
  if (chemicalQuery !== undefined)
    return { chemical: requireConsequenceChemical(chemicalQuery), catalogued: true };
  const molarMass =
    molarMassGPerMol === undefined ? null : requirePositive('molarMassGPerMol', molarMassGPerMol);
  return { chemical: standIn(molarMass), catalogued: false };
}

/** A concentration in kg/m³ as { mgPerM3, ppm } (ppm null without a molar mass). */
export function concentrationValue(kgPerM3: number, chemical: ConsequenceChemical) {
  const mgPerM3 = kgPerM3ToMgPerM3(kgPerM3);
  const molarMass = chemical.molarMassGPerMol;
  return { mgPerM3, ppm: molarMass === null ? null : mgPerM3ToPpm(mgPerM3, molarMass) };
}

/** The table data a response repeats about the chemical. */
export function summariseChemical(chemical: ConsequenceChemical) {
  const { key, nameZh, nameEn, cas, molarMassGPerMol, primaryHazard, buoyancy } = chemical;
  return { key, nameZh, nameEn, cas: [...cas], molarMassGPerMol, primaryHazard, buoyancy };
}

/** The summary of a catalogued chemical; null for a bare molar mass. */
export function chemicalSummary(substance: DispersionSubstance) {
  return substance.catalogued ? summariseChemical(substance.chemical) : null;
}
