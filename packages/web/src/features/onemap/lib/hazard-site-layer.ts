import type { Feature } from 'geojson';
import L from 'leaflet';
import './hazard-site-layer.css';
import { hazardSiteColour, type HazardSiteView } from './hazard-sites.ts';

/** The words a site's popup needs, in the UI language. */
export interface HazardSiteLabels {
  kind(site: HazardSiteView): string;
  people(n: number): string;
  responsibleUnit: string;
  points(site: HazardSiteView): string;
}

function text(tag: string, content: string, className?: string): HTMLElement {
  const el = document.createElement(tag);
  el.textContent = content;
  if (className) el.className = className;
  return el;
}

function popupOf(site: HazardSiteView, labels: HazardSiteLabels): HTMLElement {
  const box = document.createElement('div');
  box.className = 'aj-hazard-popup';
  box.dataset.testid = 'hazard-site-popup';
  box.append(
    text('strong', site.object.name),
    text('div', labels.kind(site)),
    text('div', `${labels.responsibleUnit}：${site.responsibleUnit}`),
    text('div', labels.people(site.threatenedPeople), 'aj-hazard-people'),
    text('div', labels.points(site)),
  );
  return box;
}

/**
 * The natural-hazard sites' own layer (decision 0006): a warning triangle at each geological-hazard
 * site and forest-fire risk area, coloured by its points' alarm state, with the number of people at
 * risk beside it; a fire area's outline when it has one. Any Leaflet map of Yuxi can carry it (the
 * one-map, an incident's command map); `latLng` is that map's display transform.
 */
export function createHazardSiteLayer(
  map: L.Map,
  latLng: (lon: number, lat: number) => L.LatLng,
  labels: () => HazardSiteLabels,
) {
  map.createPane('hazardSites').style.zIndex = '640';
  const group = L.layerGroup().addTo(map);
  const markers = new Map<string, L.Marker>();
  const coordsToLatLng = (coords: number[]) => latLng(coords[0]!, coords[1]!);

  return {
    setSites(sites: readonly HazardSiteView[]) {
      group.clearLayers();
      markers.clear();
      for (const site of sites) {
        const colour = hazardSiteColour(site);
        const { object } = site;
        if (object.geometry) {
          L.geoJSON(object.geometry as Feature['geometry'], {
            coordsToLatLng,
            style: { color: colour, weight: 2, dashArray: '6 4', fillOpacity: 0.12 },
            interactive: false,
          }).addTo(group);
        }
        const icon = L.divIcon({
          className: `aj-hazard-site${site.level ? ' alarming' : ''}`,
          html:
            `<span class="tri" style="--c:${colour}" data-testid="hazard-site-marker" ` +
            `data-object-id="${object.id}" data-level="${site.level ?? ''}"></span>` +
            `<span class="people">${site.threatenedPeople}</span>`,
          iconSize: [22, 20],
          iconAnchor: [11, 14],
        });
        const marker = L.marker(latLng(object.location.lon, object.location.lat), {
          icon,
          pane: 'hazardSites',
          title: object.name,
          keyboard: false,
        }).bindPopup(() => popupOf(site, labels()), { maxWidth: 320 });
        marker.addTo(group);
        markers.set(object.id, marker);
      }
    },

    setVisible(visible: boolean) {
      if (visible && !map.hasLayer(group)) group.addTo(map);
      if (!visible && map.hasLayer(group)) map.removeLayer(group);
    },

    /** Centres the map on a site and opens its popup; false when it is not on the layer. */
    focus(id: string): boolean {
      const marker = markers.get(id);
      if (!marker) return false;
      map.setView(marker.getLatLng(), Math.max(map.getZoom(), 13));
      marker.openPopup();
      return true;
    },

    remove() {
      map.removeLayer(group);
    },
  };
}

export type HazardSiteLayer = ReturnType<typeof createHazardSiteLayer>;
