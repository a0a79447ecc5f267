import { DomainError } from '../errors/domain-error.ts';
import { findCounty } from '../registry/divisions/yuxi-divisions.ts';
import { findTownship } from '../registry/yuxi-townships.ts';

export interface GeoPoint {
  lat: number;
  lon: number;
}

export interface WarningArea {
  /** GB/T 2260 county codes (CAP `<geocode>`). */
  counties: string[];
  /** 统计用区划代码 township codes (county code + 3 digits). */
  townships: string[];
  /** An open ring (the closing point is added when written to CAP), WGS-84. */
  polygon: GeoPoint[] | null;
  circle: { center: GeoPoint; radiusKm: number } | null;
}

type Point = readonly [number, number];

function orientation(a: Point, b: Point, c: Point): number {
  const value = (b[1] - a[1]) * (c[0] - b[0]) - (b[0] - a[0]) * (c[1] - b[1]);
  return value === 0 ? 0 : value > 0 ? 1 : 2;
}

function onSegment(a: Point, b: Point, c: Point): boolean {
  return (
    Math.min(a[0], c[0]) <= b[0] &&
    b[0] <= Math.max(a[0], c[0]) &&
    Math.min(a[1], c[1]) <= b[1] &&
    b[1] <= Math.max(a[1], c[1])
  );
}

function segmentsIntersect(p1: Point, q1: Point, p2: Point, q2: Point): boolean {
  const o1 = orientation(p1, q1, p2);
  const o2 = orientation(p1, q1, q2);
  const o3 = orientation(p2, q2, p1);
  const o4 = orientation(p2, q2, q1);
  if (o1 !== o2 && o3 !== o4) return true;
  return (
    (o1 === 0 && onSegment(p1, p2, q1)) ||
    (o2 === 0 && onSegment(p1, q2, q1)) ||
    (o3 === 0 && onSegment(p2, p1, q2)) ||
    (o4 === 0 && onSegment(p2, q1, q2))
  );
}

/** True when two non-adjacent edges of the closed ring touch or cross (a "bow tie"). */
export function isSelfIntersecting(ring: readonly GeoPoint[]): boolean {
  const points = ring.map((p): Point => [p.lon, p.lat]);
  const n = points.length;
  for (let i = 0; i < n; i += 1) {
    for (let j = i + 1; j < n; j += 1) {
      // Adjacent edges share a vertex by construction; the first and last edges are adjacent too.
      if (j === i + 1 || (i === 0 && j === n - 1)) continue;
      if (segmentsIntersect(points[i]!, points[(i + 1) % n]!, points[j]!, points[(j + 1) % n]!)) return true;
    }
  }
  return false;
}

/** Drops a closing point equal to the first, so rings are stored open. */
export function openRing(ring: readonly GeoPoint[]): GeoPoint[] {
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (ring.length > 1 && first && last && first.lat === last.lat && first.lon === last.lon)
    return ring.slice(0, -1);
  return [...ring];
}

/**
 * Checks a warning's area and answers it normalised (codes sorted and unique, ring open). An area
 * must name at least one division or shape: a CAP `<area>` with nothing in it reaches no one.
 */
export function validateWarningArea(area: WarningArea): WarningArea {
  const counties = [...new Set(area.counties)].sort();
  const townships = [...new Set(area.townships)].sort();
  const polygon = area.polygon ? openRing(area.polygon) : null;
  if (counties.length + townships.length === 0 && !polygon && !area.circle) {
    throw new DomainError('warning.area_empty');
  }
  for (const code of counties)
    if (!findCounty(code)) throw new DomainError('warning.area_unknown_division', { details: { code } });
  for (const code of townships)
    if (!findTownship(code)) throw new DomainError('warning.area_unknown_division', { details: { code } });
  if (polygon) {
    const distinct = new Set(polygon.map((p) => `${p.lat},${p.lon}`));
    // CAP 1.2: a polygon is at least four points with the first repeated, i.e. three distinct corners.
    if (polygon.length < 3 || distinct.size !== polygon.length)
      throw new DomainError('warning.area_polygon_invalid');
    if (isSelfIntersecting(polygon)) throw new DomainError('warning.area_polygon_self_intersecting');
  }
  if (area.circle && !(area.circle.radiusKm > 0)) throw new DomainError('warning.area_circle_invalid');
  return { counties, townships, polygon, circle: area.circle };
}
