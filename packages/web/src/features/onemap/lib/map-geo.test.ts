import { describe, expect, it } from 'vitest';
import { boundsOf, displayTransform, mapPositions } from './map-geo.ts';

describe('displayTransform', () => {
  it('keeps WGS-84 positions without a GCJ-02 basemap', () => {
    expect(displayTransform(false)(102.752, 24.2904)).toEqual([24.2904, 102.752]);
  });

  it('shifts positions onto a GCJ-02 basemap by the local offset (≈ +0.0014° lon, −0.0029° lat in Yuxi)', () => {
    const [lat, lng] = displayTransform(true)(102.752, 24.2904);
    // §B1: the 江川区 seat is 102.7520, 24.2904 in WGS-84 and 102.7534, 24.2875 in GCJ-02.
    expect(lng).toBeCloseTo(102.7534, 3);
    expect(lat).toBeCloseTo(24.2875, 3);
  });
});

describe('geometry helpers', () => {
  it('finds the bounds of nested coordinates and maps them', () => {
    const rings = [
      [
        [102, 24],
        [103, 24],
        [103, 25],
        [102, 24],
      ],
    ];
    expect(boundsOf(rings)).toEqual({ minLon: 102, minLat: 24, maxLon: 103, maxLat: 25 });
    expect(mapPositions(rings, (lon, lat) => [lon + 1, lat])).toEqual([
      [
        [103, 24],
        [104, 24],
        [104, 25],
        [103, 24],
      ],
    ]);
    expect(boundsOf([])).toBeNull();
  });
});
