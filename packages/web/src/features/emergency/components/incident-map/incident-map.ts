import L from 'leaflet';
import './incident-map.css';
import {
  createYuxiMap,
  drawBoundaries,
  type Basemap,
  type BoundaryFeature,
} from '../../../../lib/yuxi-map.ts';
import type { LonLat, ZoneShape } from '../../lib/incident-geo.ts';
import type { ZoneColour } from '../../lib/incident-consequence.ts';
import { markerRings } from '../../lib/zone-rings.ts';

export interface MapResource {
  id: string;
  kind: string;
  name: string;
  position: LonLat;
}

export interface MapZone {
  key: string;
  label: string;
  colour: ZoneColour;
  shape: ZoneShape;
}

export const zoneColours: Record<ZoneColour, string> = {
  red: '#e53935',
  orange: '#fb8c00',
  yellow: '#fdd835',
};

export const resourceColours: Record<string, string> = {
  team: '#1e88e5',
  warehouse: '#6d4c41',
  expert: '#8e24aa',
  shelter: '#43a047',
  hospital: '#d81b60',
  school: '#fb8c00',
  enterprise: '#546e7a',
};

/** Incident maps open on the city's built-up east, where most of its industry is. */
const INCIDENT_CENTRE: LonLat = [102.55, 24.35];

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The incident command map (Leaflet): the site, the search circle, resources by kind, threat zones
 * and the evacuation circle. Positions are WGS-84; on a GCJ-02 basemap they are shifted for display
 * only, and clicks are read back only where the map has no shift (the report form's picker).
 */
export function createIncidentMap(options: {
  el: HTMLElement;
  basemap: Basemap | null;
  onClick?: (lonLat: LonLat) => void;
  onResource?: (id: string) => void;
}) {
  const shift = options.basemap?.gcj02 ?? false;
  const base = createYuxiMap({ ...options, centre: INCIDENT_CENTRE, zoom: 9 });
  const { map } = base;
  const latLng = (p: LonLat) => base.latLng(p[0], p[1]);
  map.createPane('zones').style.zIndex = '350';

  const boundaries = L.layerGroup().addTo(map);
  const searchCircle = L.layerGroup().addTo(map);
  const zones = L.layerGroup().addTo(map);
  const resources = L.layerGroup().addTo(map);
  const site = L.layerGroup().addTo(map);
  const resourceMarkers = new Map<string, L.CircleMarker>();
  const cameras = L.layerGroup().addTo(map);
  const rings = L.layerGroup().addTo(map);
  let circleZones: { key: string; label: string; colour: ZoneColour; centre: LonLat; radiusM: number }[] = [];

  /** Circles smaller than the site marker on screen get a labelled ring of fixed size (zone-rings.ts). */
  function drawRings() {
    rings.clearLayers();
    if (circleZones.length === 0) return;
    const size = map.getSize();
    const y = size.y / 2;
    const metresPerPixel =
      size.x > 0
        ? map.distance(map.containerPointToLatLng([0, y]), map.containerPointToLatLng([size.x, y])) / size.x
        : 0;
    for (const ring of markerRings(circleZones, metresPerPixel)) {
      const zone = circleZones.find((z) => z.key === ring.key)!;
      L.circleMarker(latLng(zone.centre), {
        pane: 'zones',
        radius: ring.radiusPx,
        color: zoneColours[zone.colour],
        weight: 3,
        fill: false,
        interactive: false,
      }).addTo(rings);
      L.marker(latLng(zone.centre), {
        pane: 'zones',
        interactive: false,
        icon: L.divIcon({
          className: 'aj-zone-ring-label',
          html: `<span style="border-color:${zoneColours[zone.colour]}">${escapeHtml(ring.label)}</span>`,
          iconSize: [0, 0],
          iconAnchor: [-6, ring.radiusPx + 7],
        }),
      }).addTo(rings);
    }
  }
  map.on('zoomend', drawRings);

  if (options.onClick) {
    const onClick = options.onClick;
    map.on('click', (event: L.LeafletMouseEvent) => {
      // A GCJ-02 display position is not a stored position; the picker is offered without a shift only.
      if (!shift) onClick([Number(event.latlng.lng.toFixed(6)), Number(event.latlng.lat.toFixed(6))]);
    });
  }

  return {
    map,
    /** WGS-84 to the basemap's display position (GCJ-02 shift where the basemap needs it). */
    latLng: (lon: number, lat: number) => base.latLng(lon, lat),
    clickable: !shift,

    setBoundaries(features: readonly BoundaryFeature[]) {
      drawBoundaries(base, boundaries, features, { colour: '#5b7fa6' });
    },

    setSite(position: LonLat | null, label: string, zoom = 13) {
      site.clearLayers();
      if (!position) return;
      L.marker(latLng(position), {
        icon: L.divIcon({
          className: 'aj-incident-site',
          html: '<span></span>',
          iconSize: [26, 26],
          iconAnchor: [13, 13],
        }),
        title: label,
        zIndexOffset: 1000,
      })
        .bindTooltip(label, { direction: 'top', offset: [0, -12] })
        .addTo(site);
      map.setView(latLng(position), zoom);
    },

    setSearchRadius(centre: LonLat | null, radiusM: number) {
      searchCircle.clearLayers();
      if (!centre) return;
      L.circle(latLng(centre), {
        radius: radiusM,
        color: '#1e88e5',
        weight: 1.5,
        dashArray: '6 6',
        fillOpacity: 0.03,
        interactive: false,
      }).addTo(searchCircle);
    },

    setResources(list: readonly MapResource[]) {
      resources.clearLayers();
      resourceMarkers.clear();
      for (const resource of list) {
        const marker = L.circleMarker(latLng(resource.position), {
          radius: 7,
          color: '#fff',
          weight: 2,
          fillColor: resourceColours[resource.kind] ?? '#607d8b',
          fillOpacity: 1,
        }).bindTooltip(resource.name, { direction: 'top' });
        marker.on('click', () => options.onResource?.(resource.id));
        marker.addTo(resources);
        resourceMarkers.set(resource.id, marker);
      }
    },

    /** The cameras in the incident's zones (video): small dark squares, named on hover. */
    setCameras(list: readonly { id: string; name: string; position: LonLat; online: boolean }[]) {
      cameras.clearLayers();
      for (const camera of list) {
        L.marker(latLng(camera.position), {
          icon: L.divIcon({
            className: `aj-camera-dot${camera.online ? ' online' : ''}`,
            html: '<span></span>',
            iconSize: [12, 12],
            iconAnchor: [6, 6],
          }),
          title: camera.name,
        })
          .bindTooltip(camera.name, { direction: 'top' })
          .addTo(cameras);
      }
    },

    highlightResource(id: string | null) {
      for (const [key, marker] of resourceMarkers) {
        marker.setStyle({ radius: key === id ? 11 : 7, color: key === id ? '#ff3d00' : '#fff' });
        if (key === id) marker.bringToFront();
      }
    },

    /** Zones most severe first; drawn least severe first so that the severe ones stay on top. */
    setZones(list: readonly MapZone[], evacuation: { centre: LonLat; radiusM: number } | null) {
      zones.clearLayers();
      circleZones = list.flatMap((zone) =>
        zone.shape.kind === 'circle'
          ? [
              {
                key: zone.key,
                label: zone.label,
                colour: zone.colour,
                centre: zone.shape.centre,
                radiusM: zone.shape.radiusM,
              },
            ]
          : [],
      );
      const drawn: L.Layer[] = [];
      for (const zone of [...list].reverse()) {
        const style = {
          pane: 'zones',
          color: zoneColours[zone.colour],
          weight: 1.5,
          fillColor: zoneColours[zone.colour],
          fillOpacity: 0.3,
        };
        const layer =
          zone.shape.kind === 'polygon'
            ? L.polygon(
                zone.shape.ring.map((p) => latLng(p)),
                style,
              )
            : L.circle(latLng(zone.shape.centre), { ...style, radius: zone.shape.radiusM });
        layer.bindTooltip(zone.label, { sticky: true });
        layer.addTo(zones);
        drawn.push(layer);
      }
      if (evacuation && evacuation.radiusM > 0) {
        const circle = L.circle(latLng(evacuation.centre), {
          pane: 'zones',
          radius: evacuation.radiusM,
          color: '#c62828',
          weight: 2,
          dashArray: '8 6',
          fill: false,
          interactive: false,
        }).addTo(zones);
        drawn.push(circle);
      }
      // Fit the largest zone (or the evacuation circle), however small: a 20 m pool fire needs zoom 18.
      const bounds = L.featureGroup(drawn).getBounds();
      if (bounds.isValid()) map.fitBounds(bounds, { padding: [30, 30], maxZoom: 18, animate: false });
      drawRings();
    },

    invalidateSize() {
      map.invalidateSize();
    },

    destroy() {
      map.remove();
    },
  };
}

export type IncidentMap = ReturnType<typeof createIncidentMap>;
