import type { ConsequenceChemical } from './consequence-chemicals.ts';
import { consequenceWarning, roundForText, type ConsequenceWarning } from './consequence-warnings.ts';
import { briggsValidRangeM } from './dispersion-coefficients.ts';
import type { ThreatZoneShape } from './threat-zone-shape.ts';

/** Dense-gas warnings (consequence-models.md §1.4: the Gaussian model is for passive gases). */
export function buoyancyWarnings(
  chemical: ConsequenceChemical,
  liquefiedRelease: boolean | undefined,
): ConsequenceWarning[] {
  const names = { chemicalZh: chemical.nameZh, chemicalEn: chemical.nameEn };
  if (chemical.buoyancy === 'dense') return [consequenceWarning('dense_gas', names)];
  if (chemical.buoyancy === 'dense_if_liquefied' && liquefiedRelease !== false) {
    return [
      consequenceWarning('possibly_dense_gas', { ...names, liquefiedRelease: liquefiedRelease ?? null }),
    ];
  }
  return [];
}

/** Warnings for a distance outside the 100 m–10 km range of the dispersion coefficients. */
export function distanceWarnings(what: string, distanceM: number): ConsequenceWarning[] {
  if (distanceM > briggsValidRangeM.max) {
    return [consequenceWarning('beyond_10_km', { what, distanceM: roundForText(distanceM) })];
  }
  if (distanceM < briggsValidRangeM.min) {
    return [consequenceWarning('within_100_m', { what, distanceM: roundForText(distanceM) })];
  }
  return [];
}

/** Warnings for one threat zone: its end outside the fitted range, or past the model's 100 km. */
export function zoneWarnings(what: string, shape: ThreatZoneShape): ConsequenceWarning[] {
  if (shape.status === 'not_reached') return [];
  const beyond =
    shape.status === 'beyond_model_range'
      ? [consequenceWarning('beyond_model_range', { what, distanceM: roundForText(shape.endM) })]
      : [];
  return [...beyond, ...distanceWarnings(what, shape.endM)];
}

/** A continuous release shorter than the travel time to the zone's end is not a steady plume. */
export function durationWarnings(
  durationS: number | undefined,
  distanceM: number,
  windSpeedMPerS: number,
): ConsequenceWarning[] {
  const travelTimeS = distanceM / windSpeedMPerS;
  if (durationS === undefined || durationS >= travelTimeS) return [];
  return [
    consequenceWarning('release_shorter_than_travel_time', {
      durationS,
      distanceM: roundForText(distanceM),
      travelTimeS: Math.round(travelTimeS),
    }),
  ];
}
