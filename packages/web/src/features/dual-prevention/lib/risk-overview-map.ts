import L from 'leaflet';
import '../../onemap/lib/one-map.css';
import type { RiskOverviewEnterprise } from '@anjian/domain';
import { createYuxiMap, drawBoundaries, type Basemap, type BoundaryFeature } from '../../../lib/yuxi-map.ts';
import { riskColourHex } from './site-plan.ts';

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
  const base = createYuxiMap(options);
  const { map, latLng } = base;
  const boundaries = L.layerGroup().addTo(map);
  const dots = L.layerGroup().addTo(map);

  return {
    map,

    setBoundaries(features: readonly BoundaryFeature[], label: (feature: BoundaryFeature) => string) {
      drawBoundaries(base, boundaries, features, { label });
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
