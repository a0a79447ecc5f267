import L from 'leaflet';
import '../../onemap/lib/one-map.css';
import { createYuxiMap, drawBoundaries, type Basemap, type BoundaryFeature } from '../../../lib/yuxi-map.ts';
import { affectedColour } from './disaster-colours.ts';

export interface TownshipSpot {
  code: string;
  name: string;
  centre: readonly [number, number];
  affected: number;
  tooltip: string;
}

/**
 * A disaster's map: county boundaries and each affected township at its centre, a circle coloured
 * (and sized) by its people affected. Township boundaries are not in the divisions data, so the
 * township is a circle at its (schematic) centre.
 */
export function createDisasterMap(options: { el: HTMLElement; basemap: Basemap | null }) {
  const base = createYuxiMap(options);
  const { map, latLng } = base;
  const boundaries = L.layerGroup().addTo(map);
  const spots = L.layerGroup().addTo(map);
  return {
    setBoundaries(features: readonly BoundaryFeature[], label: (feature: BoundaryFeature) => string) {
      drawBoundaries(base, boundaries, features, { label });
    },
    setTownships(items: readonly TownshipSpot[]) {
      spots.clearLayers();
      for (const item of [...items].sort((a, b) => a.affected - b.affected)) {
        const marker = L.circleMarker(latLng(item.centre[0], item.centre[1]), {
          radius: 10 + Math.min(14, Math.sqrt(item.affected) / 3),
          color: '#fff',
          weight: 1.5,
          fillColor: affectedColour(item.affected),
          fillOpacity: 0.9,
          className: `disaster-township disaster-township-${item.code}`,
        });
        marker.bindTooltip(item.tooltip, { direction: 'top', permanent: true, className: 'disaster-label' });
        marker.addTo(spots);
      }
      if (items.length)
        map.fitBounds(L.latLngBounds(items.map((i) => latLng(i.centre[0], i.centre[1]))).pad(0.6), {
          maxZoom: 11,
        });
    },
    invalidateSize: () => map.invalidateSize(),
    destroy: () => map.remove(),
  };
}
