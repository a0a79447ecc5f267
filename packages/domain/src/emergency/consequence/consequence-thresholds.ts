import type { ConsequenceChemical, DataProvenance, ThresholdTier } from './consequence-chemicals.ts';
import { ConsequenceError, requirePositive } from './consequence.errors.ts';
import { mgPerM3ToPpm, ppmToMgPerM3 } from './concentration-units.ts';

/**
 * Levels of concern for toxic and flammable threat zones (consequence-models.md §1.10).
 * Tier 3 is the most severe and drawn red, tier 2 orange, tier 1 yellow (ALOHA's order):
 * AEGL-3 / ERPG-3 → 3; AEGL-2 / ERPG-2 / IDLH → 2; AEGL-1 / ERPG-1 → 1. Flammable clouds: 60 % LEL
 * red (tier 3) and 10 % LEL yellow (tier 1), the ALOHA convention.
 */
export const standardThresholdIds = [
  'AEGL-3',
  'AEGL-2',
  'AEGL-1',
  'ERPG-3',
  'ERPG-2',
  'ERPG-1',
  'IDLH',
  'LEL60',
  'LEL10',
] as const;
export type StandardThresholdId = (typeof standardThresholdIds)[number];

export interface CustomThreshold {
  /** Exactly one of the two concentrations. ppm needs the chemical's molar mass. */
  readonly concentrationPpm?: number | undefined;
  readonly concentrationMgPerM3?: number | undefined;
  readonly tier: ThresholdTier;
  readonly label?: string | undefined;
}

export type ThresholdRequest = StandardThresholdId | CustomThreshold;
export type ZoneColour = 'red' | 'orange' | 'yellow';

export interface ResolvedThreshold {
  /** The standard id, or `custom`. */
  readonly id: StandardThresholdId | 'custom';
  readonly tier: ThresholdTier;
  readonly colour: ZoneColour;
  readonly label: string;
  /** null when the chemical has no molar mass (custom mg/m³ threshold for a mixture). */
  readonly ppm: number | null;
  readonly mgPerM3: number;
  readonly provenance: DataProvenance | 'user' | null;
}

export const zoneColourOfTier: Readonly<Record<ThresholdTier, ZoneColour>> = {
  3: 'red',
  2: 'orange',
  1: 'yellow',
};

const tierOf: Readonly<Record<StandardThresholdId, ThresholdTier>> = {
  'AEGL-3': 3,
  'AEGL-2': 2,
  'AEGL-1': 1,
  'ERPG-3': 3,
  'ERPG-2': 2,
  'ERPG-1': 1,
  IDLH: 2,
  LEL60: 3,
  LEL10: 1,
};

function standardPpm(chemical: ConsequenceChemical, id: StandardThresholdId): number | null {
  const tier = tierOf[id];
  if (id.startsWith('AEGL')) return chemical.aeglPpm?.[tier] ?? null;
  if (id.startsWith('ERPG')) return chemical.erpgPpm?.[tier] ?? null;
  if (id === 'IDLH') return chemical.idlhPpm;
  const lel = chemical.lowerFlammableLimitVolPct;
  return lel === null ? null : lel * 1e4 * (id === 'LEL60' ? 0.6 : 0.1);
}

function provenanceOf(chemical: ConsequenceChemical, id: StandardThresholdId): DataProvenance | null {
  const key = id.startsWith('AEGL')
    ? 'aegl'
    : id.startsWith('ERPG')
      ? 'erpg'
      : id === 'IDLH'
        ? 'idlh'
        : 'flammability';
  return chemical.provenance[key] ?? null;
}

function unavailable(chemical: ConsequenceChemical, threshold: string): ConsequenceError {
  return new ConsequenceError('calc.consequence_threshold_unavailable', {
    fields: [
      { path: 'thresholds', code: 'calc.consequence_threshold_unavailable', message: `no ${threshold}` },
    ],
    details: { chemical: chemical.key, threshold },
  });
}

function resolveStandard(chemical: ConsequenceChemical, id: StandardThresholdId): ResolvedThreshold {
  const ppm = standardPpm(chemical, id);
  const molarMass = chemical.molarMassGPerMol;
  if (ppm === null || molarMass === null) throw unavailable(chemical, id);
  const tier = tierOf[id];
  const label = id === 'LEL60' ? '60% LEL' : id === 'LEL10' ? '10% LEL' : id;
  const provenance = provenanceOf(chemical, id);
  return {
    id,
    tier,
    colour: zoneColourOfTier[tier],
    label,
    ppm,
    mgPerM3: ppmToMgPerM3(ppm, molarMass),
    provenance,
  };
}

function resolveCustom(chemical: ConsequenceChemical, custom: CustomThreshold): ResolvedThreshold {
  const molarMass = chemical.molarMassGPerMol;
  const { concentrationPpm: ppm, concentrationMgPerM3: mg } = custom;
  if ((ppm === undefined) === (mg === undefined) || (ppm !== undefined && molarMass === null)) {
    throw new ConsequenceError('calc.consequence_invalid_input', {
      fields: [{ path: 'thresholds', code: 'calc.consequence_invalid_input', message: 'give ppm or mg/m³' }],
      details: { threshold: { ...custom }, molarMassGPerMol: molarMass },
    });
  }
  const mgPerM3 =
    mg !== undefined
      ? requirePositive('concentrationMgPerM3', mg)
      : ppmToMgPerM3(requirePositive('concentrationPpm', ppm ?? NaN), molarMass ?? NaN);
  return {
    id: 'custom',
    tier: custom.tier,
    colour: zoneColourOfTier[custom.tier],
    label: custom.label ?? (ppm !== undefined ? `${ppm} ppm` : `${mg} mg/m³`),
    ppm: molarMass === null ? null : (ppm ?? mgPerM3ToPpm(mgPerM3, molarMass)),
    mgPerM3,
    provenance: 'user',
  };
}

/** The concentration of a threshold for a chemical; throws when the chemical has no such value. */
export function resolveThreshold(
  chemical: ConsequenceChemical,
  request: ThresholdRequest,
): ResolvedThreshold {
  return typeof request === 'string' ? resolveStandard(chemical, request) : resolveCustom(chemical, request);
}

/** First available of each tier, AEGL before ERPG before IDLH (ALOHA's fallback order, §1.10). */
const toxicTiers: readonly (readonly [ThresholdTier, readonly StandardThresholdId[]])[] = [
  [3, ['AEGL-3', 'ERPG-3']],
  [2, ['AEGL-2', 'ERPG-2', 'IDLH']],
  [1, ['AEGL-1', 'ERPG-1']],
];

export interface DefaultThresholds {
  readonly thresholds: readonly ResolvedThreshold[];
  /** Toxic tiers the chemical has no value for; their zones are left out. */
  readonly missingTiers: readonly ThresholdTier[];
}

/**
 * The zones drawn when the user picks none: for a toxic chemical one threshold per tier (AEGL, else
 * ERPG, else IDLH for tier 2); for a flammable one 60 % and 10 % LEL. Asphyxiants, oxidisers and
 * chemicals without data need a concentration from the user.
 */
export function defaultThresholds(chemical: ConsequenceChemical): DefaultThresholds {
  if (chemical.primaryHazard === 'flammable' && chemical.lowerFlammableLimitVolPct !== null) {
    return {
      thresholds: [resolveStandard(chemical, 'LEL60'), resolveStandard(chemical, 'LEL10')],
      missingTiers: [],
    };
  }
  const thresholds: ResolvedThreshold[] = [];
  const missingTiers: ThresholdTier[] = [];
  for (const [tier, ids] of toxicTiers) {
    const id = ids.find((candidate) => standardPpm(chemical, candidate) !== null);
    if (id === undefined) missingTiers.push(tier);
    else thresholds.push(resolveStandard(chemical, id));
  }
  if (chemical.primaryHazard !== 'toxic' || thresholds.length === 0 || chemical.molarMassGPerMol === null) {
    throw unavailable(chemical, 'default');
  }
  return { thresholds, missingTiers };
}
