import type { Feature, Geometry } from 'geojson';
import L from 'leaflet';
import 'leaflet.markercluster';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import './one-map.css';
import type { RegulatedObject } from '@anjian/domain';
import { defaultLayers, type LayerKey } from './layer-state.ts';
import { createYuxiMap, dotIcon, type Basemap, type BoundaryFeature } from '../../../lib/yuxi-map.ts';
import type { EnterprisePoint } from './map-points.ts';
import type { ObligationGapPoint } from './obligation-gaps.ts';
import { countIcon, createServerClusters, viewQuery } from './server-clusters.ts';
import { hazardLevelColours, NO_SECTOR, objectColours, pipelineColour, sectorColour } from './map-style.ts';

export type { Basemap, BoundaryFeature } from '../../../lib/yuxi-map.ts';

export type Selection =
  { kind: 'enterprise'; point: EnterprisePoint } | { kind: 'object'; object: RegulatedObject };

export interface LayerVisibility {
  shown: ReadonlySet<LayerKey>;
  /** Sector codes (or NO_SECTOR) switched off inside the enterprise layer. */
  hiddenSectors: ReadonlySet<string>;
  /** Major-hazard levels switched off. */
  hiddenLevels: ReadonlySet<number>;
}

/** The layer a regulated object belongs to in the panel. */
export function layerOfObject(kind: RegulatedObject['kind']): LayerKey {
  if (kind === 'underground_mine' || kind === 'open_pit_mine') return 'mines';
  if (kind === 'geo_hazard_site' || kind === 'forest_fire_area') return 'natural_hazards';
  return kind;
}

function pinIcon(colour: string): L.DivIcon {
  return L.divIcon({
    className: 'aj-pin',
    html: `<span style="background:${colour}"></span>`,
    iconSize: [14, 14],
    iconAnchor: [7, 7],
  });
}

function objectIcon(object: RegulatedObject): L.DivIcon {
  const shape = {
    major_hazard_source: 'circle',
    tailings_pond: 'square',
    underground_mine: 'triangle',
    open_pit_mine: 'triangle open',
    waste_dump: 'diamond',
    pipeline: 'circle',
    park: 'circle',
    // Drawn by their own layer (hazard-site-layer.ts), never here.
    geo_hazard_site: 'triangle',
    forest_fire_area: 'triangle',
  }[object.kind];
  const colour =
    object.kind === 'major_hazard_source'
      ? (hazardLevelColours[Number(object.attributes.level)] ?? objectColours.boundary)
      : object.kind === 'tailings_pond'
        ? objectColours.tailings_pond
        : object.kind === 'waste_dump'
          ? objectColours.waste_dump
          : objectColours.mine;
  return dotIcon(`aj-obj aj-obj-${shape.replace(' ', ' aj-obj-')}`, colour, 18);
}

function clusterIcon(cluster: L.MarkerCluster): L.DivIcon {
  return countIcon(cluster.getChildCount());
}

/**
 * The one-map's Leaflet side: basemap (or none: boundaries on a plain background, offline),
 * county boundaries, enterprise markers clustered and coloured by sector, regulated objects by
 * kind, and focusing. Positions are WGS-84; on a GCJ-02 basemap they are shifted for display only.
 */
export function createOneMap(options: {
  el: HTMLElement;
  basemap: Basemap | null;
  onSelect: (selection: Selection) => void;
}) {
  const { map, latLng, coordsToLatLng } = createYuxiMap({ ...options, scalePosition: 'bottomright' });
  // Labels above the boundary fill, below every marker and line.
  map.createPane('countyLabels').style.zIndex = '260';
  map.createPane('highlight').style.zIndex = '640';

  let selectedCounty: string | null = null;
  let visibility: LayerVisibility = {
    shown: new Set<LayerKey>(defaultLayers),
    hiddenSectors: new Set(),
    hiddenLevels: new Set(),
  };

  const boundaryStyle = (feature?: Feature): L.PathOptions => {
    const code = (feature?.properties as { code?: string } | undefined)?.code;
    const chosen = selectedCounty !== null && code === selectedCounty;
    const dimmed = selectedCounty !== null && !chosen;
    return {
      color: objectColours.boundary,
      weight: chosen ? 3 : 1.5,
      opacity: dimmed ? 0.5 : 0.9,
      fillColor: options.basemap ? objectColours.boundary : '#ffffff',
      fillOpacity: options.basemap ? (chosen ? 0.06 : 0) : dimmed ? 0.45 : 0.85,
      interactive: false,
    };
  };
  const boundaries = L.geoJSON(undefined, { pane: 'boundaries', coordsToLatLng, style: boundaryStyle });

  const cluster = L.markerClusterGroup({
    chunkedLoading: true,
    showCoverageOnHover: false,
    maxClusterRadius: 55,
    spiderfyOnMaxZoom: true,
    disableClusteringAtZoom: 17,
    iconCreateFunction: clusterIcon,
  });
  const serverClusters = createServerClusters(map, latLng);
  const markersBySector = new Map<string, L.Marker[]>();
  const enterpriseMarkers = new Map<string, L.Marker>();

  const objectGroups = new Map<string, L.LayerGroup>();
  const objectLayers = new Map<string, { object: RegulatedObject; layer: L.Layer; group: string }>();
  const highlight = L.layerGroup().addTo(map);
  // 企业主体责任缺项: a red ring over the enterprise, above the clusters, with its popup.
  map.createPane('obligationGaps').style.zIndex = '630';
  const gapMarkers = L.layerGroup();

  function groupKey(object: RegulatedObject): string {
    return object.kind === 'major_hazard_source'
      ? `hazard${Number(object.attributes.level)}`
      : layerOfObject(object.kind);
  }

  function groupVisible(key: string): boolean {
    if (key.startsWith('hazard')) {
      return (
        visibility.shown.has('major_hazard_source') && !visibility.hiddenLevels.has(Number(key.slice(6)))
      );
    }
    return visibility.shown.has(key as LayerKey);
  }

  function sync(layer: L.Layer, show: boolean) {
    if (show && !map.hasLayer(layer)) layer.addTo(map);
    if (!show && map.hasLayer(layer)) map.removeLayer(layer);
  }

  // Markers go into the cluster group only while it is on the map: off the map, addLayers checks
  // every marker against its pending list (quadratic, seconds for 40,000); on it, it clusters in chunks.
  let clusterStale = true;
  function refillCluster() {
    cluster.clearLayers();
    clusterStale = !map.hasLayer(cluster);
    if (clusterStale) return;
    const markers: L.Marker[] = [];
    for (const [sector, list] of markersBySector) {
      if (!visibility.hiddenSectors.has(sector)) markers.push(...list);
    }
    cluster.addLayers(markers);
  }

  function syncCluster(show: boolean) {
    sync(cluster, show);
    sync(serverClusters.layer, show);
    if (show && clusterStale) refillCluster();
  }

  function selectObject(object: RegulatedObject) {
    options.onSelect({ kind: 'object', object });
  }

  function objectLayer(object: RegulatedObject): L.Layer {
    const tooltip = (layer: L.Layer) => (layer as L.Path).bindTooltip(object.name, { sticky: true });
    if (object.kind === 'pipeline' && object.geometry) {
      const colour = pipelineColour(object.attributes.medium);
      const group = L.featureGroup();
      const line = L.geoJSON(object.geometry as Geometry, {
        coordsToLatLng,
        style: { color: colour, weight: 3.5, opacity: 0.9 },
      });
      group.addLayer(line);
      const segments = Array.isArray(object.attributes.highConsequenceSegments)
        ? (object.attributes.highConsequenceSegments as { geometry?: Geometry }[])
        : [];
      for (const segment of segments) {
        if (!segment.geometry) continue;
        group.addLayer(
          L.geoJSON(segment.geometry, {
            coordsToLatLng,
            style: { color: objectColours.highConsequence, weight: 7, opacity: 0.65, dashArray: '10 6' },
          }),
        );
      }
      tooltip(group);
      group.on('click', () => selectObject(object));
      return group;
    }
    if (object.kind === 'park' && object.geometry) {
      const area = L.geoJSON(object.geometry as Geometry, {
        coordsToLatLng,
        style: {
          color: objectColours.park,
          weight: 1.5,
          dashArray: '5 4',
          fillColor: objectColours.park,
          fillOpacity: 0.14,
        },
      });
      tooltip(area);
      area.on('click', () => selectObject(object));
      return area;
    }
    const marker = L.marker(latLng(object.location.lon, object.location.lat), {
      icon: objectIcon(object),
      title: object.name,
      riseOnHover: true,
    });
    marker.on('click', () => selectObject(object));
    return marker;
  }

  function markHighlight(at: L.LatLng) {
    highlight.clearLayers();
    L.circleMarker(at, {
      pane: 'highlight',
      radius: 16,
      color: '#ff3d00',
      weight: 3,
      fill: false,
      className: 'aj-map-highlight',
      interactive: false,
    }).addTo(highlight);
  }

  const oneMap = {
    map,
    latLng,

    setBoundaries(features: BoundaryFeature[], label: (feature: BoundaryFeature) => string) {
      boundaries.clearLayers();
      for (const feature of features) {
        const layer = L.geoJSON(feature as Feature, {
          pane: 'boundaries',
          coordsToLatLng,
          style: boundaryStyle,
        });
        layer.eachLayer((inner) =>
          (inner as L.Path).bindTooltip(label(feature), {
            permanent: true,
            direction: 'center',
            className: 'aj-county-label',
            pane: 'countyLabels',
          }),
        );
        layer.eachLayer((inner) => boundaries.addLayer(inner));
      }
      sync(boundaries, visibility.shown.has('boundaries'));
    },

    setEnterprises(points: readonly EnterprisePoint[]) {
      markersBySector.clear();
      enterpriseMarkers.clear();
      const icons = new Map<string, L.DivIcon>();
      for (const point of points) {
        const sector = point.sector ?? NO_SECTOR;
        let icon = icons.get(sector);
        if (!icon) icons.set(sector, (icon = pinIcon(sectorColour(sector))));
        const marker = L.marker(latLng(point.lon, point.lat), { icon, title: point.name, keyboard: false });
        marker.on('click', () => options.onSelect({ kind: 'enterprise', point }));
        enterpriseMarkers.set(point.id, marker);
        let list = markersBySector.get(sector);
        if (!list) markersBySector.set(sector, (list = []));
        list.push(marker);
      }
      refillCluster();
      syncCluster(visibility.shown.has('enterprises'));
    },

    /** Clusters counted by the server for a large registry's view ([lon, lat, count] each). */
    setServerClusters(clusters: readonly (readonly number[])[]) {
      serverClusters.set(clusters);
      syncCluster(visibility.shown.has('enterprises'));
    },

    /** The view to ask the server about, and a call after every move or zoom. */
    view: () => viewQuery(map),
    onViewChange(listener: () => void) {
      map.on('moveend', listener);
    },

    setObjects(objects: readonly RegulatedObject[]) {
      for (const group of objectGroups.values()) map.removeLayer(group);
      objectGroups.clear();
      objectLayers.clear();
      // Areas first, then lines, then points, so that points stay clickable on top.
      const order = (o: RegulatedObject) => (o.kind === 'park' ? 0 : o.kind === 'pipeline' ? 1 : 2);
      // Natural-hazard sites have their own layer, with their alarm state (hazard-site-layer.ts).
      const drawn = objects.filter((o) => layerOfObject(o.kind) !== 'natural_hazards');
      for (const object of drawn.sort((a, b) => order(a) - order(b))) {
        const key = groupKey(object);
        let group = objectGroups.get(key);
        if (!group) objectGroups.set(key, (group = L.layerGroup()));
        const layer = objectLayer(object);
        group.addLayer(layer);
        objectLayers.set(object.id, { object, layer, group: key });
      }
      for (const [key, group] of objectGroups) sync(group, groupVisible(key));
    },

    /** The 企业主体责任缺项 layer; `popup` gives each marker's content. */
    setObligationGaps(
      points: readonly ObligationGapPoint[],
      popup: (point: ObligationGapPoint) => HTMLElement,
    ) {
      gapMarkers.clearLayers();
      for (const point of points) {
        L.circleMarker(latLng(point.lon, point.lat), {
          pane: 'obligationGaps',
          radius: 11,
          color: objectColours.obligationGap,
          weight: 3,
          dashArray: '4 3',
          fillOpacity: 0.15,
        })
          .bindPopup(() => popup(point), { maxWidth: 320 })
          .addTo(gapMarkers);
      }
      sync(gapMarkers, visibility.shown.has('obligation_gaps'));
    },

    setVisibility(next: LayerVisibility) {
      const sectorsChanged =
        next.hiddenSectors.size !== visibility.hiddenSectors.size ||
        [...next.hiddenSectors].some((s) => !visibility.hiddenSectors.has(s));
      visibility = next;
      if (sectorsChanged) refillCluster();
      sync(boundaries, next.shown.has('boundaries'));
      syncCluster(next.shown.has('enterprises'));
      for (const [key, group] of objectGroups) sync(group, groupVisible(key));
      sync(gapMarkers, next.shown.has('obligation_gaps'));
    },

    /** Highlights the counties and zooms to them; null zooms to the whole city. */
    showCounty(codes: readonly string[] | null) {
      selectedCounty = codes?.length === 1 ? codes[0]! : null;
      boundaries.setStyle(boundaryStyle as L.PathOptions);
      const target = L.featureGroup();
      boundaries.eachLayer((layer) => {
        const feature = (layer as L.Polygon).feature as Feature | undefined;
        const code = (feature?.properties as { code?: string } | undefined)?.code ?? '';
        if (codes === null || codes.includes(code)) target.addLayer(layer);
      });
      const bounds = target.getLayers().length > 0 ? target.getBounds() : null;
      if (bounds?.isValid()) map.fitBounds(bounds, { padding: [24, 24] });
    },

    /** Zooms until the enterprise's marker is out of its cluster, marks it and reports it selected. */
    focusEnterprise(id: string): boolean {
      const marker = enterpriseMarkers.get(id);
      if (!marker) return false;
      const done = () => markHighlight(marker.getLatLng());
      if (cluster.hasLayer(marker)) cluster.zoomToShowLayer(marker, done);
      else {
        map.setView(marker.getLatLng(), Math.max(map.getZoom(), 15));
        done();
      }
      return true;
    },

    focusObject(id: string): RegulatedObject | null {
      const entry = objectLayers.get(id);
      if (!entry) return null;
      const { layer, object } = entry;
      if ('getBounds' in layer && typeof (layer as L.FeatureGroup).getBounds === 'function') {
        const bounds = (layer as L.FeatureGroup).getBounds();
        if (bounds.isValid()) map.fitBounds(bounds, { padding: [40, 40], maxZoom: 14 });
        markHighlight(
          bounds.isValid() ? bounds.getCenter() : latLng(object.location.lon, object.location.lat),
        );
      } else {
        const at = latLng(object.location.lon, object.location.lat);
        map.setView(at, Math.max(map.getZoom(), 14));
        markHighlight(at);
      }
      return object;
    },

    clearHighlight() {
      highlight.clearLayers();
    },

    invalidateSize() {
      map.invalidateSize();
    },

    destroy() {
      map.remove();
    },
  };
  return oneMap;
}

export type OneMap = ReturnType<typeof createOneMap>;
