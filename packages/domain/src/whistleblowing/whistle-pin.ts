/*
 * Where a map pin on a report lies (issue 16): inside Yuxi's extent, then in which county. The
 * county boundaries are the registry's (division_boundaries, the real ones by default and whatever a
 * bureau imports over them); they are generalised (~100 m steps), so a pin just outside every county
 * but within a tolerance of one is taken as that county's rather than refused.
 */

/** A rectangle of WGS-84 longitudes and latitudes. */
export interface WhistlePinExtent {
  readonly minLon: number;
  readonly minLat: number;
  readonly maxLon: number;
  readonly maxLat: number;
}

/**
 * Yuxi's extent: the bounding box of the nine county boundaries shipped with the registry
 * (county-boundaries.ts: 101.2759–103.1505 E, 23.3179–24.9559 N), rounded outward to 0.01°.
 * WHISTLE_PIN_EXTENT replaces it.
 */
export const yuxiPinExtent: WhistlePinExtent = Object.freeze({
  minLon: 101.27,
  minLat: 23.31,
  maxLon: 103.16,
  maxLat: 24.96,
});

/** A county's boundary as GeoJSON coordinates: [lon, lat] positions, outer ring first, then holes. */
export interface WhistleCountyArea {
  readonly code: string;
  readonly geometry:
    | { readonly type: 'Polygon'; readonly coordinates: readonly Ring[] }
    | { readonly type: 'MultiPolygon'; readonly coordinates: readonly (readonly Ring[])[] };
}
type Ring = readonly (readonly number[])[];

export type WhistlePinPlace =
  | { readonly ok: true; readonly county: string; readonly inside: boolean; readonly distanceM: number }
  | { readonly ok: false; readonly reason: 'outside_extent' | 'outside_counties' };

const EARTH_RADIUS_M = 6_371_008.8;
const rad = (deg: number) => (deg * Math.PI) / 180;

export function pinInExtent(lon: number, lat: number, extent: WhistlePinExtent): boolean {
  return lon >= extent.minLon && lon <= extent.maxLon && lat >= extent.minLat && lat <= extent.maxLat;
}

/** Even-odd ray casting over one ring (lon as x, lat as y). */
function inRing(lon: number, lat: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [ax, ay] = ring[i] as [number, number];
    const [bx, by] = ring[j] as [number, number];
    if (ay > lat !== by > lat && lon < ((bx - ax) * (lat - ay)) / (by - ay) + ax) inside = !inside;
  }
  return inside;
}

/** Metres from the point to the nearest edge of the ring, on a plane tangent at the point. */
function metresToRing(lon: number, lat: number, ring: Ring): number {
  const kx = rad(1) * EARTH_RADIUS_M * Math.cos(rad(lat));
  const ky = rad(1) * EARTH_RADIUS_M;
  let best = Infinity;
  for (let i = 1; i < ring.length; i++) {
    const ax = (ring[i - 1]![0]! - lon) * kx;
    const ay = (ring[i - 1]![1]! - lat) * ky;
    const bx = (ring[i]![0]! - lon) * kx;
    const by = (ring[i]![1]! - lat) * ky;
    const dx = bx - ax;
    const dy = by - ay;
    const length2 = dx * dx + dy * dy;
    const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / length2));
    best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
  }
  return best;
}

const polygonsOf = (area: WhistleCountyArea): readonly (readonly Ring[])[] =>
  area.geometry.type === 'Polygon' ? [area.geometry.coordinates] : area.geometry.coordinates;

function inPolygon(lon: number, lat: number, polygon: readonly Ring[]): boolean {
  const [outer, ...holes] = polygon;
  return !!outer && inRing(lon, lat, outer) && !holes.some((hole) => inRing(lon, lat, hole));
}

/**
 * The county a pin falls in: outside the extent, refused; inside a county's boundary, that county;
 * else the county whose boundary (outer edge or the edge of a hole) is nearest, when it is within
 * `toleranceM` metres; else refused.
 */
export function locateWhistlePin(
  point: { lon: number; lat: number },
  counties: readonly WhistleCountyArea[],
  options: { extent: WhistlePinExtent; toleranceM: number },
): WhistlePinPlace {
  const { lon, lat } = point;
  if (!pinInExtent(lon, lat, options.extent)) return { ok: false, reason: 'outside_extent' };
  for (const county of counties)
    if (polygonsOf(county).some((polygon) => inPolygon(lon, lat, polygon)))
      return { ok: true, county: county.code, inside: true, distanceM: 0 };
  let nearest: { code: string; distanceM: number } | null = null;
  for (const county of counties)
    for (const ring of polygonsOf(county).flat()) {
      const distanceM = metresToRing(lon, lat, ring);
      if (!nearest || distanceM < nearest.distanceM) nearest = { code: county.code, distanceM };
    }
  if (nearest && nearest.distanceM <= options.toleranceM)
    return { ok: true, county: nearest.code, inside: false, distanceM: Math.round(nearest.distanceM) };
  return { ok: false, reason: 'outside_counties' };
}
