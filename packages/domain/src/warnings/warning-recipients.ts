import type { GeoPoint, WarningArea } from './warning-area.ts';

/**
 * Recipient groups (issue 15, "Recipients"): built from the registry so that a warning for 江川区
 * reaches the enterprises in 江川区. A polygon or circle is resolved to what lies inside it.
 */
export const warningRecipientGroups = [
  'enterprise_managers',
  'county_officers',
  'city_officers',
  'schools',
  'hospitals',
] as const;
export type WarningRecipientGroup = (typeof warningRecipientGroups)[number];

export const defaultRecipientGroups: readonly WarningRecipientGroup[] = [
  'enterprise_managers',
  'county_officers',
  'city_officers',
];

const EARTH_RADIUS_KM = 6371.0088;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance (haversine), km. */
export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h));
}

/** Ray casting on the open ring (lon as x, lat as y); a point on an edge may fall either way. */
export function pointInRing(point: GeoPoint, ring: readonly GeoPoint[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i]!;
    const b = ring[j]!;
    if (a.lat > point.lat !== b.lat > point.lat) {
      const x = ((b.lon - a.lon) * (point.lat - a.lat)) / (b.lat - a.lat) + a.lon;
      if (point.lon < x) inside = !inside;
    }
  }
  return inside;
}

/** True when the point lies in the area's drawn polygon or circle (divisions are matched by code). */
export function pointInDrawnArea(point: GeoPoint, area: Pick<WarningArea, 'polygon' | 'circle'>): boolean {
  if (area.polygon && pointInRing(point, area.polygon)) return true;
  return area.circle !== null && distanceKm(point, area.circle.center) <= area.circle.radiusKm;
}

/** The bounding box of the drawn shapes (for a coarse query before the exact test), or null. */
export function drawnAreaBox(
  area: Pick<WarningArea, 'polygon' | 'circle'>,
): { minLat: number; maxLat: number; minLon: number; maxLon: number } | null {
  const points: GeoPoint[] = [...(area.polygon ?? [])];
  if (area.circle) {
    const { center, radiusKm } = area.circle;
    const dLat = radiusKm / 111.32;
    const dLon = radiusKm / (111.32 * Math.max(0.01, Math.cos(rad(center.lat))));
    points.push(
      { lat: center.lat - dLat, lon: center.lon - dLon },
      { lat: center.lat + dLat, lon: center.lon + dLon },
    );
  }
  if (points.length === 0) return null;
  return {
    minLat: Math.min(...points.map((p) => p.lat)),
    maxLat: Math.max(...points.map((p) => p.lat)),
    minLon: Math.min(...points.map((p) => p.lon)),
    maxLon: Math.max(...points.map((p) => p.lon)),
  };
}
