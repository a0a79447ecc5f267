import type { ConsequenceOutcome } from '../../emergency/lib/incident-consequence.ts';
import type { LonLat } from '../../emergency/lib/incident-geo.ts';

/**
 * What a warning needs of a drawn consequence zone: the outermost footprint polygon reached (a
 * plume), the evacuation radius and the site; the server turns them into the CAP area.
 */
export function warningZoneOf(outcome: ConsequenceOutcome, site: LonLat, chemical: string) {
  const polygons = outcome.zones
    .filter((zone) => zone.shape?.kind === 'polygon')
    .sort((a, b) => b.extentM - a.extentM);
  const outer = polygons[0]?.shape;
  const ring = outer?.kind === 'polygon' ? outer.ring.map(([lon, lat]) => ({ lat, lon })) : null;
  return {
    site: { lon: site[0], lat: site[1] },
    footprint: ring && ring.length >= 3 ? ring : null,
    evacuationRadiusM: Math.max(1, outcome.evacuationRadiusM),
    chemical,
  };
}
