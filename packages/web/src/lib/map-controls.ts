import L from 'leaflet';
import { translate } from '../i18n/index.ts';

/** Leaflet's zoom buttons with their tooltips in the UI language (Leaflet's own are English). */
export function localisedZoomControl(position: L.ControlPosition = 'topleft'): L.Control.Zoom {
  return L.control.zoom({
    position,
    zoomInTitle: translate('common.mapZoomIn'),
    zoomOutTitle: translate('common.mapZoomOut'),
  });
}
