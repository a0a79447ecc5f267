import { describe, expect, it } from 'vitest';
import { imageBounds, isDrawablePolygon, latLngToPixel, pixelToLatLng, unitFill } from './site-plan.ts';

describe('site-plan coordinates', () => {
  const size = { width: 1200, height: 800 };

  it('puts the image below the origin so that y grows downwards as in the picture', () => {
    expect(imageBounds(size)).toEqual([
      [-800, 0],
      [0, 1200],
    ]);
    expect(pixelToLatLng([100, 250])).toEqual([-250, 100]);
  });

  it('turns a click back into a pixel, rounded and clamped to the image', () => {
    expect(latLngToPixel([-250.4, 99.6], size)).toEqual([100, 250]);
    expect(latLngToPixel(pixelToLatLng([37, 512]), size)).toEqual([37, 512]);
    expect(latLngToPixel([30, -5], size)).toEqual([0, 0]);
    expect(latLngToPixel([-900, 1300], size)).toEqual([1200, 800]);
  });

  it('colours a unit by its highest risk, grey before assessment, and needs three corners', () => {
    expect(unitFill('red')).toBe('#e02020');
    expect(unitFill('blue')).toBe('#1f6fe5');
    expect(unitFill(null)).toBe('#9e9e9e');
    expect(
      isDrawablePolygon([
        [0, 0],
        [1, 1],
      ]),
    ).toBe(false);
    expect(
      isDrawablePolygon([
        [0, 0],
        [1, 1],
        [2, 0],
      ]),
    ).toBe(true);
  });
});
