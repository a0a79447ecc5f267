/**
 * Metres around a source point to longitude/latitude, by a local equirectangular approximation:
 *
 *   lat = lat0 + north / R · 180/π        lon = lon0 + east / (R · cos lat0) · 180/π
 *
 * with R = 6 371 008.8 m, the mean Earth radius (IUGG). Over a threat zone (≤ 10 km, the model's own
 * limit) at Yuxi's latitude (~24° N) the position error is below 0.1 % of the distance — a few metres
 * at 10 km — far smaller than the uncertainty of the dispersion model. It degrades towards the poles
 * (cos lat0 → 0) and beyond ~100 km; neither matters here. Input and output are WGS-84 / CGCS2000
 * [lon, lat]; conversion to GCJ-02 is the map's business (ARCHITECTURE.md §3).
 */
export const earthMeanRadiusM = 6_371_008.8;

export type LonLat = readonly [number, number];

const degreesPerRadian = 180 / Math.PI;

/** The point `eastM` east and `northM` north of `origin`. */
export function offsetLonLat(origin: LonLat, eastM: number, northM: number): [number, number] {
  const [lon0, lat0] = origin;
  const lat = lat0 + (northM / earthMeanRadiusM) * degreesPerRadian;
  const lon = lon0 + (eastM / (earthMeanRadiusM * Math.cos(lat0 / degreesPerRadian))) * degreesPerRadian;
  return [lon, lat];
}

/**
 * Unit vectors (east, north) of the downwind axis and of the crosswind axis (90° to the right of the
 * wind's travel) for a wind blowing FROM `windFromDeg` (meteorological convention, clockwise from
 * north): a north wind (0°) carries the cloud south.
 */
export function windAxes(windFromDeg: number): { downwind: [number, number]; crosswind: [number, number] } {
  const theta = windFromDeg / degreesPerRadian;
  return {
    downwind: [-Math.sin(theta), -Math.cos(theta)],
    crosswind: [-Math.cos(theta), Math.sin(theta)],
  };
}

/** Bearing (degrees clockwise from north, 0–360) towards which a wind from `windFromDeg` blows. */
export function downwindBearing(windFromDeg: number): number {
  return (((windFromDeg + 180) % 360) + 360) % 360;
}

/** Great-circle distance (m) by the haversine formula, for checking the approximation. */
export function haversineDistanceM(a: LonLat, b: LonLat): number {
  const [lon1, lat1] = a.map((v) => v / degreesPerRadian) as [number, number];
  const [lon2, lat2] = b.map((v) => v / degreesPerRadian) as [number, number];
  const h =
    Math.sin((lat2 - lat1) / 2) ** 2 + Math.cos(lat1) * Math.cos(lat2) * Math.sin((lon2 - lon1) / 2) ** 2;
  return 2 * earthMeanRadiusM * Math.asin(Math.sqrt(h));
}
