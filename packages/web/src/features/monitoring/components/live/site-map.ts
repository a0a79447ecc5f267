import L from 'leaflet';
import '../../../onemap/lib/one-map.css';
import './site-map.css';
import {
  createYuxiMap,
  dotIcon,
  drawBoundaries,
  type Basemap,
  type BoundaryFeature,
} from '../../../../lib/yuxi-map.ts';
import { colourHex } from '../../lib/alarm-order.ts';
import type { MonitoringSite } from '../../composables/use-monitoring-data.ts';

/**
 * The monitoring map (Leaflet): county boundaries and the monitored sites, each a dot in its
 * warning colour (grey without a warning), red and orange ones pulsing. The basemap setting and
 * boundaries are the one-map's; positions are WGS-84, shifted for display on a GCJ-02 basemap.
 */
export function createSiteMap(options: {
  el: HTMLElement;
  basemap: Basemap | null;
  onSelect: (objectId: string) => void;
}) {
  const base = createYuxiMap(options);
  const { map, latLng } = base;
  const boundaries = L.layerGroup().addTo(map);
  const sites = L.layerGroup().addTo(map);
  const markers = new Map<string, L.Marker>();
  let selected: string | null = null;

  function icon(site: MonitoringSite): L.DivIcon {
    const alerting = site.level === 'red' || site.level === 'orange';
    const classes = [
      'aj-site',
      alerting ? 'aj-site-alerting' : '',
      site.objectId === selected ? 'aj-site-selected' : '',
    ];
    return dotIcon(classes.filter(Boolean).join(' '), colourHex(site.level), 22);
  }

  /** The marker's element is replaced with its icon, so its test attributes are set again each time. */
  function label(marker: L.Marker, site: MonitoringSite): void {
    const el = marker.getElement();
    el?.setAttribute('data-testid', 'monitoring-site-marker');
    el?.setAttribute('data-object-id', site.objectId);
    el?.setAttribute('data-level', site.level ?? 'none');
  }

  return {
    map,

    setBoundaries(features: readonly BoundaryFeature[], label: (feature: BoundaryFeature) => string) {
      drawBoundaries(base, boundaries, features, { label });
    },

    /** Redraws every site; the most severe are drawn last (on top). */
    setSites(list: readonly MonitoringSite[], tooltip: (site: MonitoringSite) => string) {
      sites.clearLayers();
      markers.clear();
      const rank = (s: MonitoringSite) => ['blue', 'yellow', 'orange', 'red'].indexOf(s.level ?? '');
      for (const site of [...list].sort((a, b) => rank(a) - rank(b))) {
        if (site.lon === null || site.lat === null) continue;
        const marker = L.marker(latLng(site.lon, site.lat), {
          icon: icon(site),
          title: site.objectName,
          riseOnHover: true,
          zIndexOffset: (rank(site) + 1) * 100,
        });
        marker.bindTooltip(tooltip(site), { direction: 'top', offset: [0, -10] });
        marker.on('click', () => options.onSelect(site.objectId));
        marker.addTo(sites);
        markers.set(site.objectId, marker);
        label(marker, site);
      }
    },

    /** Marks a site as chosen and brings it into view. */
    focus(objectId: string | null, list: readonly MonitoringSite[]) {
      selected = objectId;
      for (const site of list) {
        const marker = markers.get(site.objectId);
        marker?.setIcon(icon(site));
        if (marker) label(marker, site);
      }
      const marker = objectId ? markers.get(objectId) : undefined;
      if (marker && !map.getBounds().pad(-0.1).contains(marker.getLatLng())) {
        map.setView(marker.getLatLng(), Math.max(map.getZoom(), 11));
      }
    },

    invalidateSize() {
      map.invalidateSize();
    },

    destroy() {
      map.remove();
    },
  };
}

export type SiteMap = ReturnType<typeof createSiteMap>;
