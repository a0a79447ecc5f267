import type { ConsequenceChemical } from './consequence-chemicals.ts';
import { resolveThreshold, type ResolvedThreshold, type ThresholdRequest } from './consequence-thresholds.ts';
import type { ConsequenceWarning } from './consequence-warnings.ts';
import { mgPerM3ToKgPerM3 } from './concentration-units.ts';
import { zoneWarnings } from './dispersion-warnings.ts';
import type { GroundCentreline } from './ground-centreline.ts';
import { maximiseOnLog } from './consequence-numerics.ts';
import { dispersionSearchRangeM, threatZoneShape, type ThreatZoneShape } from './threat-zone-shape.ts';

export interface DispersionZone {
  readonly threshold: ResolvedThreshold;
  readonly shape: ThreatZoneShape;
}

/** The zone of each threshold, most severe first, with the warnings of each zone's extent. */
export function dispersionZones(
  centreline: GroundCentreline,
  thresholds: readonly ResolvedThreshold[],
): { zones: DispersionZone[]; warnings: ConsequenceWarning[] } {
  const sorted = [...thresholds].sort((a, b) => b.mgPerM3 - a.mgPerM3);
  const zones = sorted.map((threshold) => ({
    threshold,
    shape: threatZoneShape(centreline, mgPerM3ToKgPerM3(threshold.mgPerM3)),
  }));
  const warnings = zones.flatMap((zone) => zoneWarnings(zone.threshold.label, zone.shape));
  return { zones, warnings };
}

export function resolveThresholds(
  chemical: ConsequenceChemical,
  requests: readonly ThresholdRequest[],
): ResolvedThreshold[] {
  return requests.map((request) => resolveThreshold(chemical, request));
}

/** Where an elevated release gives its highest ground concentration, and that concentration (kg/m³). */
export function peakOfCentreline(
  centreline: GroundCentreline,
): { distanceM: number; kgPerM3: number } | null {
  if (!centreline.elevated) return null;
  const distanceM = maximiseOnLog(
    centreline.concentrationAt,
    dispersionSearchRangeM.min,
    dispersionSearchRangeM.max,
  );
  return { distanceM, kgPerM3: centreline.concentrationAt(distanceM) };
}

/** A zone as the response schemas give it. */
export function zoneResponse(zone: DispersionZone) {
  const { status, startM, endM, maxHalfWidthM, maxHalfWidthAtM, areaM2 } = zone.shape;
  return { threshold: zone.threshold, status, startM, endM, maxHalfWidthM, maxHalfWidthAtM, areaM2 };
}
