import L from 'leaflet';
import { gcj02ToWgs84 } from '../../onemap/lib/map-geo.ts';
import { createYuxiMap, drawBoundaries, type Basemap, type BoundaryFeature } from '../../../lib/yuxi-map.ts';

export interface PinExtent {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

/** A report's map pin (WGS-84), rounded to 6 decimals (about 0.1 m) as it is stored. */
export interface Pin {
  lon: number;
  lat: number;
}

const round6 = (n: number) => Number(n.toFixed(6));

/** A click on a map drawn over a GCJ-02 basemap is a shifted position: this is the WGS-84 one. */
export function pinFromDisplay(lng: number, lat: number, gcj02: boolean): Pin {
  if (!gcj02) return { lon: round6(lng), lat: round6(lat) };
  const [lon, wgsLat] = gcj02ToWgs84(lng, lat);
  return { lon: round6(lon), lat: round6(wgsLat) };
}

/**
 * The small map of a report's pin (Leaflet, as every Anjian map starts: createYuxiMap): the county
 * boundaries, the pin, and, when `onPick` is given, a tap that moves the pin. Opens on the extent.
 */
export function createPinMap(options: {
  el: HTMLElement;
  basemap: Basemap | null;
  extent: PinExtent | null;
  onPick?: (pin: Pin) => void;
}) {
  const base = createYuxiMap({ el: options.el, basemap: options.basemap, zoom: 8 });
  const { map, latLng } = base;
  const boundaries = L.layerGroup().addTo(map);
  const marker = L.layerGroup().addTo(map);
  const gcj02 = options.basemap?.gcj02 ?? false;
  if (options.extent) {
    const { minLon, minLat, maxLon, maxLat } = options.extent;
    map.fitBounds(L.latLngBounds(latLng(minLon, minLat), latLng(maxLon, maxLat)));
  }
  const onPick = options.onPick;
  if (onPick)
    map.on('click', (event: L.LeafletMouseEvent) =>
      onPick(pinFromDisplay(event.latlng.lng, event.latlng.lat, gcj02)),
    );

  return {
    setBoundaries(features: readonly BoundaryFeature[], label?: (feature: BoundaryFeature) => string) {
      drawBoundaries(base, boundaries, features, { colour: '#5b7fa6', ...(label ? { label } : {}) });
    },

    /** Shows the pin (or none) and, when asked, centres on it close enough to see the street. */
    setPin(pin: Pin | null, focus = false) {
      marker.clearLayers();
      if (!pin) return;
      L.circleMarker(latLng(pin.lon, pin.lat), {
        radius: 8,
        color: '#fff',
        weight: 2,
        fillColor: '#ee0a24',
        fillOpacity: 1,
        interactive: false,
      }).addTo(marker);
      if (focus) map.setView(latLng(pin.lon, pin.lat), Math.max(map.getZoom(), 14));
    },

    invalidateSize() {
      map.invalidateSize();
    },

    destroy() {
      map.remove();
    },
  };
}

export type PinMap = ReturnType<typeof createPinMap>;
