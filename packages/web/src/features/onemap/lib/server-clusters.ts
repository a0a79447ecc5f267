import L from 'leaflet';

/** A numbered circle for `count` enterprises (the client's and the server's clusters alike). */
export function countIcon(count: number): L.DivIcon {
  const size = count < 10 ? 's' : count < 100 ? 'm' : count < 1000 ? 'l' : 'xl';
  const text = count >= 10000 ? `${Math.floor(count / 1000)}k` : String(count);
  const px = { s: 30, m: 36, l: 42, xl: 48 }[size];
  return L.divIcon({
    className: `aj-cluster aj-cluster-${size}`,
    html: `<div><span>${text}</span></div>`,
    iconSize: [px, px],
  });
}

/** The part of the map in view, for GET /map/enterprises: west,south,east,north and the zoom. */
export interface MapViewQuery {
  bbox: string;
  zoom: number;
}

/**
 * The view with a margin of a fifth on each side, so that a small pan needs no new answer (and a
 * GCJ-02 basemap's few hundred metres of shift stay inside it).
 */
export function viewQuery(map: L.Map): MapViewQuery {
  const bounds = map.getBounds().pad(0.2);
  const clamp = (value: number, limit: number) => Math.max(-limit, Math.min(limit, value));
  const edges = [
    clamp(bounds.getWest(), 180),
    clamp(bounds.getSouth(), 90),
    clamp(bounds.getEast(), 180),
    clamp(bounds.getNorth(), 90),
  ];
  return { bbox: edges.map((v) => v.toFixed(5)).join(','), zoom: Math.round(map.getZoom()) };
}

/**
 * Clusters counted by the server ([lon, lat, count] each) for a registry too large to send whole:
 * drawn like the client's clusters; a click zooms in two levels on it.
 */
export function createServerClusters(map: L.Map, latLng: (lon: number, lat: number) => L.LatLng) {
  const layer = L.layerGroup();
  return {
    layer,
    set(clusters: readonly (readonly number[])[]) {
      layer.clearLayers();
      for (const [lon, lat, count] of clusters) {
        if (lon === undefined || lat === undefined || !count) continue;
        const at = latLng(lon, lat);
        L.marker(at, { icon: countIcon(count), keyboard: false })
          .on('click', () => map.setView(at, Math.min(map.getZoom() + 2, map.getMaxZoom())))
          .addTo(layer);
      }
    },
  };
}
