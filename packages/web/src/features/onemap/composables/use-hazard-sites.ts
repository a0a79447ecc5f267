import { shallowRef } from 'vue';
import { useI18n } from 'vue-i18n';
import type { RegulatedObject } from '@anjian/domain';
import { api } from '../../../lib/api.ts';
import { useSessionStore } from '../../../stores/session.ts';
import type { HazardSiteLabels } from '../lib/hazard-site-layer.ts';
import { hazardSiteViews, type HazardSiteView, type MonitoredSiteState } from '../lib/hazard-sites.ts';

/**
 * The natural-hazard sites of a map (decision 0006): the objects (from the one-map's objects, or
 * fetched) joined with their points' alarm state from the monitoring module, when the user may read
 * it; and the popup's words in the UI language.
 */
export function useHazardSites() {
  const { t } = useI18n();
  const session = useSessionStore();
  const sites = shallowRef<HazardSiteView[]>([]);

  async function states(): Promise<MonitoredSiteState[]> {
    if (!session.can('monitoring:read')) return [];
    return (await api.get<{ items: MonitoredSiteState[] }>('/monitoring/sites')).items;
  }

  /** Joins `objects` (when the caller has them) or the sites of `county` with their alarm state. */
  async function load(county: string, objects?: readonly RegulatedObject[]): Promise<HazardSiteView[]> {
    const [items, monitored] = await Promise.all([
      objects ??
        api
          .get<{ items: RegulatedObject[] }>('/map/objects', {
            kinds: 'geo_hazard_site,forest_fire_area',
            county,
          })
          .then((r) => r.items),
      states(),
    ]);
    sites.value = hazardSiteViews(items, monitored);
    return sites.value;
  }

  const labels = (): HazardSiteLabels => ({
    kind: (site) => t(`objects.kinds.${site.object.kind}`),
    people: (n) => `${t('objects.threatenedPeople')}：${t('objects.peopleUnit', { n })}`,
    responsibleUnit: t('objects.responsibleUnit'),
    points: (site) =>
      site.pointCount === 0
        ? t('oneMap.hazardSiteNoPoints')
        : site.level
          ? t('oneMap.hazardSiteAlarming', {
              points: site.pointCount,
              firing: site.firingCount,
              level: t(`oneMap.siteLevels.${site.level}`),
            })
          : t('oneMap.hazardSiteCalm', { points: site.pointCount }),
  });

  return { sites, load, labels };
}
