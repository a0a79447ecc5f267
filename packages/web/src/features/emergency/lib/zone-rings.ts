/**
 * Threat zones of tens of metres (a pool fire's heat levels) vanish under the incident marker once
 * the map shows the evacuation circle round them. Each circle drawn smaller than `minPx` on screen
 * gets a marker ring of fixed screen size instead, nested outward in severity order and labelled with
 * the zone and its real radius, so no level is hidden.
 */
export interface CircleZoneView {
  key: string;
  label: string;
  radiusM: number;
}

export interface MarkerRing {
  key: string;
  label: string;
  radiusPx: number;
}

/** The half size of the incident marker (26 px) plus a margin. */
export const MIN_ZONE_RADIUS_PX = 18;
const RING_STEP_PX = 16;

export function markerRings(
  zones: readonly CircleZoneView[],
  metresPerPixel: number,
  minPx = MIN_ZONE_RADIUS_PX,
): MarkerRing[] {
  if (!(metresPerPixel > 0)) return [];
  return [...zones]
    .filter((zone) => zone.radiusM > 0 && zone.radiusM / metresPerPixel < minPx)
    .sort((a, b) => a.radiusM - b.radiusM)
    .map((zone, index) => ({
      key: zone.key,
      label: `${zone.label} ${Math.round(zone.radiusM)} m`,
      radiusPx: minPx + index * RING_STEP_PX,
    }));
}
