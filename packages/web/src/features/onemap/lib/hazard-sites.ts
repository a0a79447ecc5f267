import type { RegulatedObject } from '@anjian/domain';

/** Colours of the natural-hazard sites (decision 0006), apart from the four warning colours. */
export const naturalHazardColours = {
  geo_hazard_site: '#5d4037',
  forest_fire_area: '#2e7d32',
} as const;

/** The four warning colours a site's points raise (红橙黄蓝), and calm. */
export const siteLevelColours: Readonly<Record<string, string>> = {
  red: '#e0252b',
  orange: '#f5811f',
  yellow: '#f2c811',
  blue: '#1e6fd9',
};

/** A monitored site's state as the monitoring module reports it (GET /monitoring/sites). */
export interface MonitoredSiteState {
  objectId: string;
  level: string | null;
  pointCount: number;
  firingCount: number;
}

/** A natural-hazard site on a map: the object, the people near it and its points' alarm state. */
export interface HazardSiteView {
  object: RegulatedObject;
  threatenedPeople: number;
  responsibleUnit: string;
  /** The site's warning colour (red … blue), or null when its points are calm or it has none. */
  level: string | null;
  pointCount: number;
  firingCount: number;
}

/** Joins the sites with their monitoring state by object id; a site without points is calm. */
export function hazardSiteViews(
  objects: readonly RegulatedObject[],
  states: readonly MonitoredSiteState[],
): HazardSiteView[] {
  const byObject = new Map(states.map((state) => [state.objectId, state]));
  return objects
    .filter((o) => o.kind === 'geo_hazard_site' || o.kind === 'forest_fire_area')
    .map((object) => {
      const state = byObject.get(object.id);
      const people = object.attributes.threatenedPeople;
      const unit = object.attributes.responsibleUnit;
      return {
        object,
        threatenedPeople: typeof people === 'number' ? people : 0,
        responsibleUnit: typeof unit === 'string' ? unit : '',
        level: state?.level ?? null,
        pointCount: state?.pointCount ?? 0,
        firingCount: state?.firingCount ?? 0,
      };
    });
}

/** The marker colour: the warning colour while a point alarms, else the kind's own colour. */
export function hazardSiteColour(site: HazardSiteView): string {
  return (
    (site.level ? siteLevelColours[site.level] : undefined) ??
    naturalHazardColours[site.object.kind as keyof typeof naturalHazardColours] ??
    naturalHazardColours.geo_hazard_site
  );
}
