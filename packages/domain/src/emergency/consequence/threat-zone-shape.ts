import type { GroundCentreline } from './ground-centreline.ts';
import { maximiseOnLog, solveDecreasingOnLog, solveIncreasingOnLog } from './consequence-numerics.ts';

/**
 * The ground footprint where a dispersion model exceeds a threshold concentration C*: how far it
 * starts and ends along the downwind axis, and its crosswind half-width at ~65 stations
 * (consequence-models.md §1.4):
 *
 *   y*(x) = σy(x) · sqrt(2 ln(C(x,0,0) / C*))   where C(x,0,0) ≥ C*, 0 elsewhere.
 *
 * Distances come from a bisection on ln x over [1 m, 100 km], never from a grid; for an elevated
 * source the maximum is located first by golden-section search and the two crossings bracketed on
 * either side of it.
 */
export const dispersionSearchRangeM = { min: 1, max: 100_000 } as const;

/** Stations along the axis for the polygon; cosine spacing puts more of them near both ends. */
export const defaultStationCount = 64;

export type ThreatZoneStatus = 'reached' | 'not_reached' | 'beyond_model_range';

export interface AxisStation {
  readonly x: number;
  readonly halfWidth: number;
}

export interface ThreatZoneShape {
  /** `not_reached`: C* is never exceeded beyond 1 m; `beyond_model_range`: still exceeded at 100 km. */
  readonly status: ThreatZoneStatus;
  /** Where the zone starts on the axis (m): 0 for a ground-level source. */
  readonly startM: number;
  /** Downwind extent (m); 100 000 (a lower bound) when beyond the model range. */
  readonly endM: number;
  readonly maxHalfWidthM: number;
  /** Downwind distance (m) of the widest point. */
  readonly maxHalfWidthAtM: number;
  /** Area of the footprint (m²), both sides of the axis. */
  readonly areaM2: number;
  /** Stations from start to end, half-width 0 at both ends unless the zone runs past 100 km. */
  readonly stations: readonly AxisStation[];
}

const notReached: ThreatZoneShape = {
  status: 'not_reached',
  startM: 0,
  endM: 0,
  maxHalfWidthM: 0,
  maxHalfWidthAtM: 0,
  areaM2: 0,
  stations: [],
};

/** Half-width y*(x) of the zone at x, 0 where the axis concentration is below C*. */
export function halfWidthAt(centreline: GroundCentreline, threshold: number, x: number): number {
  if (!(x > 0)) return 0;
  const ratio = centreline.concentrationAt(x) / threshold;
  return ratio > 1 ? centreline.sigmaYAt(x) * Math.sqrt(2 * Math.log(ratio)) : 0;
}

function axisExtent(centreline: GroundCentreline, threshold: number) {
  const f = centreline.concentrationAt;
  const { min, max } = dispersionSearchRangeM;
  const peakAt = centreline.elevated ? maximiseOnLog(f, min, max) : min;
  if (f(peakAt) < threshold) return null;
  const startM = f(min) >= threshold ? 0 : solveIncreasingOnLog(f, threshold, min, peakAt);
  if (f(max) >= threshold) return { startM, endM: max, beyond: true };
  return { startM, endM: solveDecreasingOnLog(f, threshold, peakAt, max), beyond: false };
}

function stationsBetween(
  centreline: GroundCentreline,
  threshold: number,
  startM: number,
  endM: number,
  count: number,
  beyond: boolean,
): AxisStation[] {
  return Array.from({ length: count + 1 }, (_, i) => {
    const x = startM + ((endM - startM) * (1 - Math.cos((Math.PI * i) / count))) / 2;
    const atEnd = i === 0 || (i === count && !beyond);
    return { x, halfWidth: atEnd ? 0 : halfWidthAt(centreline, threshold, x) };
  });
}

function trapezoidArea(stations: readonly AxisStation[]): number {
  let area = 0;
  for (let i = 1; i < stations.length; i += 1) {
    const a = stations[i - 1] as AxisStation;
    const b = stations[i] as AxisStation;
    area += (b.x - a.x) * (a.halfWidth + b.halfWidth);
  }
  return area;
}

/** The footprint of C ≥ `threshold` (kg/m³) for a ground-level receptor. */
export function threatZoneShape(
  centreline: GroundCentreline,
  threshold: number,
  stationCount = defaultStationCount,
): ThreatZoneShape {
  const extent = axisExtent(centreline, threshold);
  if (extent === null) return notReached;
  const { startM, endM, beyond } = extent;
  const stations = stationsBetween(centreline, threshold, startM, endM, stationCount, beyond);
  const width = (x: number) => halfWidthAt(centreline, threshold, x);
  const widest = maximiseOnLog(width, Math.max(startM, endM * 1e-6), endM);
  const sampled = stations.reduce((best, s) => (s.halfWidth > best.halfWidth ? s : best), {
    x: 0,
    halfWidth: 0,
  });
  const [maxHalfWidthAtM, maxHalfWidthM] =
    width(widest) >= sampled.halfWidth ? [widest, width(widest)] : [sampled.x, sampled.halfWidth];
  return {
    status: beyond ? 'beyond_model_range' : 'reached',
    startM,
    endM,
    maxHalfWidthM,
    maxHalfWidthAtM,
    areaM2: trapezoidArea(stations),
    stations,
  };
}
