import type { ConsequenceChemical, ThresholdTier } from './consequence-chemicals.ts';
import type { BilingualText } from './consequence-model-info.ts';
import {
  defaultThresholds,
  standardThresholdIds,
  type StandardThresholdId,
  type ThresholdRequest,
} from './consequence-thresholds.ts';
import { ConsequenceError } from './consequence.errors.ts';

/**
 * The levels of concern a person types into the consequence panel, model by model, with the
 * defaults the calculators use pre-filled: concentrations for dispersion (consequence-thresholds.ts),
 * overpressures for a vapour-cloud explosion, heat fluxes for fires (thermal-thresholds.ts).
 */

export type ConcentrationUnit = 'ppm' | 'mg_per_m3';

/** One dispersion level: a standard one from the chemical table, or a concentration with its unit. */
export interface DispersionThresholdInput {
  readonly tier: ThresholdTier;
  /** A standard level; null for a concentration of one's own. */
  readonly standard: StandardThresholdId | null;
  readonly value: number | null;
  readonly unit: ConcentrationUnit;
}

/** The standard levels the chemical table holds a value for (a molar mass is needed for mg/m³). */
export function availableStandardThresholds(
  chemical: Pick<
    ConsequenceChemical,
    'aeglPpm' | 'erpgPpm' | 'idlhPpm' | 'lowerFlammableLimitVolPct' | 'molarMassGPerMol'
  >,
): StandardThresholdId[] {
  if (chemical.molarMassGPerMol === null) return [];
  return standardThresholdIds.filter((id) => {
    const tier = Number(id.slice(-1)) as ThresholdTier;
    if (id.startsWith('AEGL')) return chemical.aeglPpm?.[tier] != null;
    if (id.startsWith('ERPG')) return chemical.erpgPpm?.[tier] != null;
    if (id === 'IDLH') return chemical.idlhPpm !== null;
    return chemical.lowerFlammableLimitVolPct !== null;
  });
}

/**
 * The calculator's own default levels for the chemical; a chemical without any (gasoline, a mixture;
 * asphyxiants) gets one empty red row in mg/m³ to fill in rather than a dead end.
 */
export function defaultDispersionThresholds(chemical: ConsequenceChemical): DispersionThresholdInput[] {
  try {
    return defaultThresholds(chemical).thresholds.map((t) => ({
      tier: t.tier,
      standard: t.id === 'custom' ? null : t.id,
      value: null,
      unit: 'ppm' as const,
    }));
  } catch {
    return [
      {
        tier: 3,
        standard: null,
        value: null,
        unit: chemical.molarMassGPerMol === null ? 'mg_per_m3' : 'ppm',
      },
    ];
  }
}

function missingValue(index: number): ConsequenceError {
  return new ConsequenceError('calc.consequence_invalid_input', {
    fields: [
      { path: `thresholds.${index}`, code: 'calc.consequence_invalid_input', message: 'enter a value' },
    ],
  });
}

/** The `thresholds` of a footprint request; a row of one's own without a positive value is refused. */
export function dispersionThresholdRequest(rows: readonly DispersionThresholdInput[]): ThresholdRequest[] {
  return rows.map((row, index) => {
    if (row.standard !== null) return row.standard;
    if (row.value === null || !(row.value > 0)) throw missingValue(index);
    return row.unit === 'ppm'
      ? { tier: row.tier, concentrationPpm: row.value }
      : { tier: row.tier, concentrationMgPerM3: row.value };
  });
}

/** Overpressure levels (kPa) with names (consequence-models.md §1.9): ALOHA and Chinese practice. */
export const overpressureLevels: readonly { readonly kpa: number; readonly label: BilingualText }[] = [
  { kpa: 55, label: { zh: '建筑物摧毁', en: 'Destruction of buildings (ALOHA)' } },
  { kpa: 44, label: { zh: '重伤边界', en: 'Serious-injury boundary (Chinese practice)' } },
  { kpa: 24, label: { zh: '可能造成重伤', en: 'Serious injury likely (ALOHA)' } },
  { kpa: 17, label: { zh: '轻伤边界', en: 'Light-injury boundary (Chinese practice)' } },
  { kpa: 6.9, label: { zh: '玻璃破碎', en: 'Shatters glass (ALOHA)' } },
];

/** Chinese practice's serious- and light-injury boundaries, the VCE default with the 1.8·α method. */
export const defaultOverpressureKpa: readonly number[] = [44, 17];
