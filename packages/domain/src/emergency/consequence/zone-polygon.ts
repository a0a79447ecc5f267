import { offsetLonLat, windAxes, type LonLat } from './local-projection.ts';
import type { AxisStation } from './threat-zone-shape.ts';

/** 7 decimals of a degree ≈ 1 cm: finer than any map, coarse enough to keep the answer short. */
const decimals = 1e7;

function rounded([lon, lat]: [number, number]): [number, number] {
  return [Math.round(lon * decimals) / decimals, Math.round(lat * decimals) / decimals];
}

/**
 * The footprint as a closed GeoJSON ring of [lon, lat] (first point repeated last), counter-clockwise
 * as RFC 7946 asks of exterior rings: out along the right-hand edge of the cloud (looking downwind),
 * back along the left. Empty when there are no stations.
 */
export function zonePolygon(
  source: LonLat,
  windFromDeg: number,
  stations: readonly AxisStation[],
): [number, number][] {
  if (stations.length === 0) return [];
  const { downwind, crosswind } = windAxes(windFromDeg);
  const toLonLat = (x: number, y: number) =>
    rounded(offsetLonLat(source, x * downwind[0] + y * crosswind[0], x * downwind[1] + y * crosswind[1]));
  const right = stations.map((s) => toLonLat(s.x, s.halfWidth));
  const left = [...stations].reverse().map((s) => toLonLat(s.x, -s.halfWidth));
  const ring: [number, number][] = [];
  for (const point of [...right, ...left]) {
    const last = ring[ring.length - 1];
    if (last === undefined || last[0] !== point[0] || last[1] !== point[1]) ring.push(point);
  }
  const first = ring[0] as [number, number];
  const last = ring[ring.length - 1] as [number, number];
  if (first[0] !== last[0] || first[1] !== last[1]) ring.push(first);
  return ring;
}

/** Twice the signed area of a ring in degree units: positive when counter-clockwise. */
export function ringOrientation(ring: readonly (readonly [number, number])[]): number {
  let sum = 0;
  for (let i = 1; i < ring.length; i += 1) {
    const [x1, y1] = ring[i - 1] as readonly [number, number];
    const [x2, y2] = ring[i] as readonly [number, number];
    sum += x1 * y2 - x2 * y1;
  }
  return sum;
}
