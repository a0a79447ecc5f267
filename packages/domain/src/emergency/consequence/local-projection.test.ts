import { describe, expect, it } from 'vitest';
import { downwindBearing, haversineDistanceM, offsetLonLat, windAxes } from './local-projection.ts';
import { ringOrientation, zonePolygon } from './zone-polygon.ts';

const yuxi = [102.5466, 24.3521] as const;

describe('offsetLonLat (local equirectangular approximation)', () => {
  it.each([
    [1000, 0],
    [0, 1000],
    [7071, -7071],
    [-10_000, 0],
    [0, -10_000],
  ])('puts a point %s m east, %s m north at the right great-circle distance within 0.1 %%', (east, north) => {
    const point = offsetLonLat(yuxi, east, north);
    expect(haversineDistanceM(yuxi, point) / Math.hypot(east, north)).toBeCloseTo(1, 3);
  });

  it('moves 1 km north by 1000 / 6 371 008.8 rad of latitude and leaves the longitude', () => {
    const [lon, lat] = offsetLonLat(yuxi, 0, 1000);
    expect(lon).toBe(yuxi[0]);
    expect(lat - yuxi[1]).toBeCloseTo((1000 / 6_371_008.8) * (180 / Math.PI), 12);
  });
});

describe('wind direction (meteorological: where the wind comes FROM)', () => {
  it.each([
    [0, 180, [0, -1]],
    [90, 270, [-1, 0]],
    [180, 0, [0, 1]],
    [270, 90, [1, 0]],
    [360, 180, [0, -1]],
  ] as const)('a wind from %s° carries the cloud towards %s°', (from, bearing, [east, north]) => {
    expect(downwindBearing(from)).toBe(bearing);
    const { downwind } = windAxes(from);
    expect(downwind[0]).toBeCloseTo(east, 12);
    expect(downwind[1]).toBeCloseTo(north, 12);
  });
});

describe('zonePolygon', () => {
  const stations = [
    { x: 0, halfWidth: 0 },
    { x: 500, halfWidth: 40 },
    { x: 1000, halfWidth: 0 },
  ];

  it('is a closed counter-clockwise ring lying downwind of the source', () => {
    const ring = zonePolygon(yuxi, 90, stations); // east wind: cloud goes west
    expect(ring).toHaveLength(5);
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    expect(ring[0]).toEqual([yuxi[0], yuxi[1]]);
    expect(ringOrientation(ring)).toBeGreaterThan(0);
    const tip = ring[2] as [number, number];
    expect(tip[0]).toBeLessThan(yuxi[0]);
    expect(haversineDistanceM(yuxi, tip)).toBeCloseTo(1000, -1);
  });

  it.each([0, 45, 135, 200, 315])('stays counter-clockwise for a wind from %s°', (from) => {
    expect(ringOrientation(zonePolygon(yuxi, from, stations))).toBeGreaterThan(0);
  });

  it('is empty without stations', () => {
    expect(zonePolygon(yuxi, 0, [])).toEqual([]);
  });
});
