import type { RiskColour } from '@anjian/domain';

/*
 * The four-colour map is drawn over the enterprise's own site plan, an image, with Leaflet's
 * CRS.Simple: one map unit per image pixel. Polygons are stored in image pixels from the top left
 * ([x, y]); Leaflet's y axis points up, so the image spans lat −height…0 and lng 0…width.
 */

export type Pixel = [number, number];
export type SimpleLatLng = [number, number];

export interface ImageSize {
  readonly width: number;
  readonly height: number;
}

/** The image overlay's bounds: [[south, west], [north, east]]. */
export function imageBounds(size: ImageSize): [SimpleLatLng, SimpleLatLng] {
  return [
    [-size.height, 0],
    [0, size.width],
  ];
}

export function pixelToLatLng([x, y]: Pixel): SimpleLatLng {
  return [-y, x];
}

/** A click on the map back to an image pixel, rounded and kept inside the image. */
export function latLngToPixel([lat, lng]: SimpleLatLng, size: ImageSize): Pixel {
  const clamp = (value: number, max: number) => Math.min(Math.max(Math.round(value), 0), max);
  return [clamp(lng, size.width), clamp(-lat, size.height)];
}

/** Regulation colours of the four risk levels (安委办〔2016〕11号: red, orange, yellow, blue). */
export const riskColourHex: Readonly<Record<RiskColour, string>> = {
  red: '#e02020',
  orange: '#ff8c00',
  yellow: '#f5d000',
  blue: '#1f6fe5',
};

/** Fill of a unit's polygon: its highest risk's colour; grey while no point is assessed. */
export function unitFill(colour: RiskColour | null): string {
  return colour ? riskColourHex[colour] : '#9e9e9e';
}

/** A polygon a user is drawing is usable once it has three corners. */
export function isDrawablePolygon(points: readonly Pixel[]): boolean {
  return points.length >= 3;
}
