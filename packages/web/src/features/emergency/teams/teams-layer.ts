import L from 'leaflet';
import { teamStatusColours, type IncidentTeam } from './incident-teams.ts';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The teams on the incident map: each team's track as a line and its last position as a labelled dot. */
export function createTeamsLayer(map: L.Map, latLng: (lon: number, lat: number) => L.LatLng) {
  const group = L.layerGroup().addTo(map);
  return {
    draw(teams: readonly IncidentTeam[], statusName: (status: IncidentTeam['status']) => string) {
      group.clearLayers();
      for (const team of teams) {
        if (team.track.length === 0) continue;
        const colour = teamStatusColours[team.status];
        const points = team.track.map((p) => latLng(p.lon, p.lat));
        if (points.length > 1)
          L.polyline(points, { color: colour, weight: 3, opacity: 0.8, dashArray: '6 4' }).addTo(group);
        const last = points.at(-1)!;
        L.circleMarker(last, { radius: 8, color: '#fff', weight: 2, fillColor: colour, fillOpacity: 1 })
          .bindTooltip(`${escapeHtml(team.teamName)} · ${escapeHtml(statusName(team.status))}`, {
            permanent: true,
            direction: 'right',
            className: 'aj-team-label',
          })
          .addTo(group);
      }
    },
    destroy() {
      group.remove();
    },
  };
}
