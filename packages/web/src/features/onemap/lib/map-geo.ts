import gcoord from 'gcoord';

/** [lat, lng] as Leaflet takes it. */
export type LatLngTuple = [number, number];

/**
 * WGS-84 [lon, lat] to what the basemap needs, as Leaflet's [lat, lng]. Positions are stored in
 * WGS-84 / CGCS2000; only a GCJ-02 basemap (AMap-style tiles) needs them shifted, for display only.
 */
export function displayTransform(gcj02: boolean): (lon: number, lat: number) => LatLngTuple {
  if (!gcj02) return (lon, lat) => [lat, lon];
  return (lon, lat) => {
    const [x, y] = gcoord.transform([lon, lat], gcoord.WGS84, gcoord.GCJ02) as [number, number];
    return [y, x];
  };
}

/** GCJ-02 [lon, lat] back to WGS-84, for boundary files made from AMap-derived data. */
export function gcj02ToWgs84(lon: number, lat: number): [number, number] {
  const [x, y] = gcoord.transform([lon, lat], gcoord.GCJ02, gcoord.WGS84) as [number, number];
  return [x, y];
}

export interface Bounds {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

/** Calls `visit` with every [lon, lat] position of a GeoJSON geometry's coordinate arrays. */
export function eachPosition(coordinates: unknown, visit: (lon: number, lat: number) => void): void {
  if (!Array.isArray(coordinates)) return;
  if (typeof coordinates[0] === 'number') {
    visit(coordinates[0], Number(coordinates[1]));
    return;
  }
  for (const inner of coordinates) eachPosition(inner, visit);
}

/** The same nesting of coordinate arrays with every position mapped. */
export function mapPositions(
  coordinates: unknown,
  map: (lon: number, lat: number) => [number, number],
): unknown {
  if (!Array.isArray(coordinates)) return coordinates;
  if (typeof coordinates[0] === 'number') return map(coordinates[0], Number(coordinates[1]));
  return coordinates.map((inner) => mapPositions(inner, map));
}

export function boundsOf(coordinates: unknown): Bounds | null {
  let bounds: Bounds | null = null;
  eachPosition(coordinates, (lon, lat) => {
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) return;
    if (!bounds) bounds = { minLon: lon, minLat: lat, maxLon: lon, maxLat: lat };
    else {
      bounds.minLon = Math.min(bounds.minLon, lon);
      bounds.minLat = Math.min(bounds.minLat, lat);
      bounds.maxLon = Math.max(bounds.maxLon, lon);
      bounds.maxLat = Math.max(bounds.maxLat, lat);
    }
  });
  return bounds;
}

export function countPositions(coordinates: unknown): number {
  let count = 0;
  eachPosition(coordinates, () => (count += 1));
  return count;
}
