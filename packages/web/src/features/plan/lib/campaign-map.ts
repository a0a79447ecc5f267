import L from 'leaflet';
import type { Feature } from 'geojson';
import { createYuxiMap, type Basemap, type BoundaryFeature } from '../../../lib/yuxi-map.ts';

/** The bands of the campaign map: the share of a county's objects verified (验收率). */
export const rollupBands = [
  { key: 'none', colour: '#dcdfe6' },
  { key: 'low', colour: '#f56c6c', below: 50 },
  { key: 'mid', colour: '#e6a23c', below: 80 },
  { key: 'high', colour: '#95d475', below: 100 },
  { key: 'done', colour: '#67c23a' },
] as const;

/** A county's colour: grey without objects, red below 50 %, orange below 80 %, light green below 100 %. */
export function rollupColour(percent: number | null): string {
  if (percent === null) return rollupBands[0].colour;
  if (percent < 50) return rollupBands[1].colour;
  if (percent < 80) return rollupBands[2].colour;
  if (percent < 100) return rollupBands[3].colour;
  return rollupBands[4].colour;
}

/** The campaign's counties filled by the share verified (Leaflet choropleth), each with a tooltip. */
export function createCampaignMap(options: { el: HTMLElement; basemap: Basemap | null }) {
  const base = createYuxiMap(options);
  const counties = L.layerGroup().addTo(base.map);
  return {
    draw(
      features: readonly BoundaryFeature[],
      percentOf: (code: string) => number | null,
      tooltip: (f: BoundaryFeature) => string,
    ) {
      counties.clearLayers();
      for (const feature of features) {
        const layer = L.geoJSON(feature as Feature, {
          pane: 'boundaries',
          coordsToLatLng: base.coordsToLatLng,
          style: {
            color: '#1d4f91',
            weight: 1.2,
            fillColor: rollupColour(percentOf(feature.properties.code)),
            fillOpacity: 0.7,
          },
        });
        layer.bindTooltip(tooltip(feature), { sticky: true });
        layer.addTo(counties);
      }
      const bounds = L.geoJSON(features as unknown as Feature[], {
        coordsToLatLng: base.coordsToLatLng,
      }).getBounds();
      if (bounds.isValid()) base.map.fitBounds(bounds.pad(0.05));
    },
    destroy() {
      base.map.remove();
    },
  };
}
