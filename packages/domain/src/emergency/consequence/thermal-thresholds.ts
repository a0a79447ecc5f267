import type { BilingualText } from './consequence-model-info.ts';
import { probabilityFromProbit, thermalDose, thermalProbit, type ThermalProbitId } from './probits.ts';

/**
 * Thermal levels of concern and how they are compared with a fire (consequence-models.md §1.7,
 * §1.10). A level is a flux held for a reference exposure — ALOHA's 10 / 5 / 2 kW/m² are for 60 s.
 * Against an exposure of another length t (a fireball lasting t seconds, or the pool-fire exposure
 * the user sets) we compare the dose t·q^{4/3}, not the flux: the equal-dose flux is
 *
 *   q_eq = q_ref · (t_ref / t)^{3/4}
 *
 * (the EPA RMP endpoint I_eq = 5000 W/m² · (40 s / t)^{3/4} is this rule with 5 kW/m² for 40 s).
 */
export interface ThermalThreshold {
  readonly fluxKwPerM2: number;
  readonly exposureS: number;
  readonly label?: string | undefined;
}

export const alohaThermalThresholds: readonly ThermalThreshold[] = [
  { fluxKwPerM2: 10, exposureS: 60 },
  { fluxKwPerM2: 5, exposureS: 60 },
  { fluxKwPerM2: 2, exposureS: 60 },
];

const alohaLabels: ReadonlyMap<number, BilingualText> = new Map([
  [10, { zh: '60 秒内可能致死', en: 'Potentially lethal within 60 s (ALOHA)' }],
  [5, { zh: '60 秒内二度烧伤', en: 'Second-degree burns within 60 s (ALOHA)' }],
  [2, { zh: '60 秒内疼痛', en: 'Pain within 60 s (ALOHA)' }],
]);

export function thermalThresholdLabel(threshold: ThermalThreshold): BilingualText {
  if (threshold.label !== undefined) return { zh: threshold.label, en: threshold.label };
  const aloha = threshold.exposureS === 60 ? alohaLabels.get(threshold.fluxKwPerM2) : undefined;
  const text = `${threshold.fluxKwPerM2} kW/m² × ${threshold.exposureS} s`;
  return aloha ?? { zh: text, en: text };
}

/** The flux (kW/m²) that gives over `exposureS` the same dose as the threshold over its own exposure. */
export function equalDoseFluxKw(threshold: ThermalThreshold, exposureS: number): number {
  return threshold.fluxKwPerM2 * (threshold.exposureS / exposureS) ** 0.75;
}

export type ThermalZoneStatus = 'reached' | 'not_reached';

/** A threshold's zone: the distance where the flux falls to its equal-dose value. */
export function thermalZone(
  threshold: ThermalThreshold,
  exposureS: number,
  distanceForFluxKw: (fluxKw: number) => number | null,
) {
  const equivalentFluxKwPerM2 = equalDoseFluxKw(threshold, exposureS);
  const distance = distanceForFluxKw(equivalentFluxKwPerM2);
  return {
    fluxKwPerM2: threshold.fluxKwPerM2,
    exposureS: threshold.exposureS,
    equivalentFluxKwPerM2,
    label: thermalThresholdLabel(threshold),
    status: (distance === null ? 'not_reached' : 'reached') as ThermalZoneStatus,
    distanceM: distance ?? 0,
  };
}

/** Dose and probit fatality probability of a flux (kW/m²) held for `exposureS`. */
export function thermalEffect(fluxKwPerM2: number, exposureS: number, probit: ThermalProbitId) {
  if (!(fluxKwPerM2 > 0)) return { doseTdu: 0, fatalityProbability: 0 };
  const fluxW = fluxKwPerM2 * 1000;
  return {
    doseTdu: thermalDose(fluxW, exposureS) / 1e4,
    fatalityProbability: probabilityFromProbit(thermalProbit(probit, fluxW, exposureS)),
  };
}
