import type { Feature, Geometry } from 'geojson';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { displayTransform } from '../features/onemap/lib/map-geo.ts';
import { localisedZoomControl } from './map-controls.ts';

/** The basemap setting the server gives (GET /map/setup): tile URL, its datum and its credit. */
export interface Basemap {
  tileUrl: string;
  gcj02: boolean;
  attribution: string;
}

/** A county's boundary as GET /divisions/boundaries answers it. */
export interface BoundaryFeature {
  type: 'Feature';
  properties: { code: string; nameZh: string; nameEn: string | null; schematic: boolean; source: string };
  geometry: Geometry;
}

/** Yuxi city's centre (WGS-84 lon, lat): every map opens on it before it fits what it shows. */
export const YUXI_CENTRE: [number, number] = [102.35, 24.15];

/** The server gives the tile URL only: 天地图 serves from t0 … t7, AMap from 1 … 4, others a, b, c. */
function tileSubdomains(tileUrl: string): string {
  if (tileUrl.includes('tianditu')) return '01234567';
  if (tileUrl.includes('autonavi') || tileUrl.includes('amap')) return '1234';
  return 'abc';
}

/**
 * The one way a Leaflet map of Yuxi starts: zoom buttons in the UI language, a metric scale, the
 * basemap's tiles (or a plain background, offline), opened on the city, with a pane for county
 * boundaries under every marker. Positions are WGS-84; on a GCJ-02 basemap `latLng` shifts them
 * for display only.
 */
export function createYuxiMap(options: {
  el: HTMLElement;
  basemap: Basemap | null;
  zoom?: number;
  centre?: readonly [number, number];
  scalePosition?: L.ControlPosition;
}) {
  const toLatLng = displayTransform(options.basemap?.gcj02 ?? false);
  const latLng = (lon: number, lat: number) => L.latLng(...toLatLng(lon, lat));
  const coordsToLatLng = (coords: number[]) => latLng(coords[0]!, coords[1]!);

  const map = L.map(options.el, { zoomControl: false, minZoom: 6, maxZoom: 18, zoomSnap: 0.25 });
  localisedZoomControl('bottomright').addTo(map);
  L.control.scale({ position: options.scalePosition ?? 'bottomleft', imperial: false }).addTo(map);
  map.attributionControl.setPrefix('Leaflet');
  const [lon, lat] = options.centre ?? YUXI_CENTRE;
  map.setView(latLng(lon, lat), options.zoom ?? 8);
  map.createPane('boundaries').style.zIndex = '250';

  if (options.basemap) {
    const { tileUrl, attribution } = options.basemap;
    L.tileLayer(tileUrl, { attribution, maxZoom: 18, subdomains: tileSubdomains(tileUrl) }).addTo(map);
  } else {
    options.el.classList.add('aj-map-plain');
  }

  return { map, latLng, coordsToLatLng, plain: !options.basemap };
}

export type YuxiMap = ReturnType<typeof createYuxiMap>;

/**
 * Redraws the county boundaries into `group`: thin lines over a basemap, white fill on a plain
 * background, each county named in its middle when `label` is given.
 */
export function drawBoundaries(
  base: YuxiMap,
  group: L.LayerGroup,
  features: readonly BoundaryFeature[],
  options: { colour?: string; label?: (feature: BoundaryFeature) => string } = {},
): void {
  group.clearLayers();
  for (const feature of features) {
    const layer = L.geoJSON(feature as Feature, {
      pane: 'boundaries',
      coordsToLatLng: base.coordsToLatLng,
      style: {
        color: options.colour ?? '#1d4f91',
        weight: 1.2,
        fillColor: '#fff',
        fillOpacity: base.plain ? 0.8 : 0,
      },
      interactive: false,
    });
    const label = options.label;
    if (label) {
      layer.eachLayer((inner) =>
        (inner as L.Path).bindTooltip(label(feature), {
          permanent: true,
          direction: 'center',
          className: 'aj-county-label',
        }),
      );
    }
    layer.addTo(group);
  }
}

/** A round marker icon drawn by CSS (`className`), its colour in `--c`, anchored at its centre. */
export function dotIcon(className: string, colour: string, size: number): L.DivIcon {
  return L.divIcon({
    className,
    html: `<span style="--c:${colour}"></span>`,
    iconSize: [size, size],
    iconAnchor: [size / 2, size / 2],
  });
}
