import type { Feature } from 'geojson';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import '../../onemap/lib/one-map.css';
import type { RiskOverviewEnterprise } from '@anjian/domain';
import { displayTransform } from '../../onemap/lib/map-geo.ts';
import { tileSubdomains, type Basemap, type BoundaryFeature } from '../../onemap/lib/one-map.ts';
import { riskColourHex } from './site-plan.ts';

const YUXI_CENTRE: [number, number] = [102.35, 24.15];

/**
 * The city/county four-colour risk map (Leaflet): county boundaries and each enterprise as a dot
 * in its risk colour, the most severe drawn on top. Positions are WGS-84, shifted for display on a
 * GCJ-02 basemap; without a basemap the boundaries are drawn on white.
 */
export function createRiskOverviewMap(options: {
  el: HTMLElement;
  basemap: Basemap | null;
  onSelect: (enterpriseId: string) => void;
}) {
  const toLatLng = displayTransform(options.basemap?.gcj02 ?? false);
  const latLng = (lon: number, lat: number) => L.latLng(...toLatLng(lon, lat));
  const map = L.map(options.el, { zoomControl: false, minZoom: 6, maxZoom: 18, zoomSnap: 0.25 });
  L.control.zoom({ position: 'bottomright' }).addTo(map);
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
  const dots = L.layerGroup().addTo(map);

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

    /** Redraws the enterprises; red last, so it is never hidden under blue. */
    setEnterprises(
      items: readonly RiskOverviewEnterprise[],
      tooltip: (item: RiskOverviewEnterprise) => string,
    ) {
      dots.clearLayers();
      const placed = items.filter((item) => item.location);
      for (const item of [...placed].sort((a, b) => b.level - a.level)) {
        const { lon, lat } = item.location!;
        const marker = L.circleMarker(latLng(lon, lat), {
          radius: item.level === 1 ? 9 : 7,
          color: '#fff',
          weight: 1.5,
          fillColor: riskColourHex[item.colour],
          fillOpacity: 0.95,
        });
        marker.bindTooltip(tooltip(item), { direction: 'top' });
        marker.on('click', () => options.onSelect(item.enterpriseId));
        marker.addTo(dots);
      }
      if (placed.length) {
        const bounds = L.latLngBounds(placed.map((item) => latLng(item.location!.lon, item.location!.lat)));
        map.fitBounds(bounds.pad(0.2), { maxZoom: 12 });
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
