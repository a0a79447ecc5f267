/** [longitude, latitude] in degrees, WGS-84 / CGCS2000, as the server sends positions and rings. */
export type LonLat = readonly [number, number];

const EARTH_RADIUS_M = 6_371_008.8;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in metres (haversine), the same measure the server's nearby search uses. */
export function distanceM(a: LonLat, b: LonLat): number {
  const dLat = rad(b[1] - a[1]);
  const dLon = rad(b[0] - a[0]);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a[1])) * Math.cos(rad(b[1])) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Whether a point lies inside a ring of [lon, lat] (closed or not), by the even-odd ray-casting
 * rule. Threat zones span a few kilometres, so treating degrees as plane coordinates is exact enough.
 */
export function pointInRing(point: LonLat, ring: readonly LonLat[]): boolean {
  if (ring.length < 3) return false;
  const [x, y] = point;
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** A drawable threat zone: a polygon (plume footprint) or a circle round the source (blast, heat). */
export type ZoneShape =
  { kind: 'polygon'; ring: readonly LonLat[] } | { kind: 'circle'; centre: LonLat; radiusM: number };

export function pointInZone(point: LonLat, shape: ZoneShape): boolean {
  return shape.kind === 'polygon'
    ? pointInRing(point, shape.ring)
    : distanceM(point, shape.centre) <= shape.radiusM;
}

export interface Place {
  id: string;
  name: string;
  /** enterprise, team, warehouse, expert, shelter, hospital, school, or a regulated-object kind. */
  kind: string;
  position: LonLat;
}

export interface ZoneMembers<Z> {
  zone: Z;
  places: (Place & { distanceM: number })[];
}

/**
 * What lies inside each zone, nearest to the source first. Zones are given most severe first and
 * nest, so a place is listed only in the most severe zone that holds it.
 */
export function placesInZones<Z extends { shape: ZoneShape }>(
  zones: readonly Z[],
  places: readonly Place[],
  source: LonLat,
): ZoneMembers<Z>[] {
  const taken = new Set<string>();
  return zones.map((zone) => {
    const inside = places
      .filter((place) => !taken.has(`${place.kind}:${place.id}`) && pointInZone(place.position, zone.shape))
      .map((place) => ({ ...place, distanceM: Math.round(distanceM(source, place.position)) }))
      .sort((a, b) => a.distanceM - b.distanceM);
    for (const place of inside) taken.add(`${place.kind}:${place.id}`);
    return { zone, places: inside };
  });
}
