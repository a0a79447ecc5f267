/**
 * The online rate (在线率) the seed asks for: cameras online ÷ cameras checked. A camera not yet
 * checked counts in neither; a group with none checked has no rate (null), not 0 %.
 */
export function onlineRate(counts: { online: number; checked: number }): number | null {
  if (counts.checked <= 0) return null;
  return Math.round((counts.online / counts.checked) * 10_000) / 10_000;
}

/** Great-circle distance in metres (haversine; enough for "the cameras nearest an alarm"). */
export function distanceMetres(a: { lon: number; lat: number }, b: { lon: number; lat: number }): number {
  const R = 6_371_008.8;
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}
