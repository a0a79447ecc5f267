import type { Feature } from 'geojson';
import L from 'leaflet';
import { localisedZoomControl } from '../../../../lib/map-controls.ts';
import 'leaflet/dist/leaflet.css';
import '../../../onemap/lib/one-map.css';
import './site-map.css';
import { displayTransform } from '../../../onemap/lib/map-geo.ts';
import { tileSubdomains, type Basemap, type BoundaryFeature } from '../../../onemap/lib/one-map.ts';
import { colourHex } from '../../lib/alarm-order.ts';
import type { MonitoringSite } from '../../composables/use-monitoring-data.ts';

const YUXI_CENTRE: [number, number] = [102.35, 24.15];

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
  const toLatLng = displayTransform(options.basemap?.gcj02 ?? false);
  const latLng = (lon: number, lat: number) => L.latLng(...toLatLng(lon, lat));

  const map = L.map(options.el, { zoomControl: false, minZoom: 6, maxZoom: 18, zoomSnap: 0.25 });
  localisedZoomControl('bottomright').addTo(map);
  L.control.scale({ position: 'bottomleft', imperial: false }).addTo(map);
  map.attributionControl.setPrefix('Leaflet');
  map.setView(latLng(...YUXI_CENTRE), 8);
  map.createPane('boundaries').style.zIndex = '250';

  if (options.basemap) {
    const { tileUrl, attribution } = options.basemap;
    L.tileLayer(tileUrl, { attribution, maxZoom: 18, subdomains: tileSubdomains(tileUrl) }).addTo(map);
  } else {
    options.el.classList.add('aj-map-plain');
  }

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
    return L.divIcon({
      className: classes.filter(Boolean).join(' '),
      html: `<span style="--c:${colourHex(site.level)}"></span>`,
      iconSize: [22, 22],
      iconAnchor: [11, 11],
    });
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
      boundaries.clearLayers();
      const coordsToLatLng = (c: number[]) => latLng(c[0]!, c[1]!);
      for (const feature of features) {
        const layer = L.geoJSON(feature as Feature, {
          pane: 'boundaries',
          coordsToLatLng,
          style: {
            color: '#1d4f91',
            weight: 1.2,
            fillColor: '#fff',
            fillOpacity: options.basemap ? 0 : 0.8,
          },
          interactive: false,
        });
        layer.eachLayer((inner) =>
          (inner as L.Path).bindTooltip(label(feature), {
            permanent: true,
            direction: 'center',
            className: 'aj-county-label',
          }),
        );
        layer.addTo(boundaries);
      }
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
