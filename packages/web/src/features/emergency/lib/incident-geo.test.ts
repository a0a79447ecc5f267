import { describe, expect, it } from 'vitest';
import {
  distanceM,
  placesInZones,
  pointInRing,
  pointInZone,
  type LonLat,
  type Place,
} from './incident-geo.ts';

describe('distanceM', () => {
  it('gives one degree of latitude as about 111.2 km', () => {
    expect(distanceM([102.5, 24], [102.5, 25])).toBeCloseTo(111_195, -1);
  });

  it('shrinks a degree of longitude by the cosine of the latitude at Yuxi (24.35°)', () => {
    const d = distanceM([102, 24.35], [103, 24.35]);
    expect(d / 111_195).toBeCloseTo(Math.cos((24.35 * Math.PI) / 180), 3);
  });
});

describe('pointInRing', () => {
  const square: LonLat[] = [
    [102, 24],
    [102.1, 24],
    [102.1, 24.1],
    [102, 24.1],
    [102, 24],
  ];

  it('finds points inside and outside a closed ring', () => {
    expect(pointInRing([102.05, 24.05], square)).toBe(true);
    expect(pointInRing([102.15, 24.05], square)).toBe(false);
    expect(pointInRing([102.05, 23.99], square)).toBe(false);
  });

  it('handles a concave ring (a plume narrowing back to the source)', () => {
    // A "V" opening to the east: the notch at (102.05, 24.05) is outside.
    const vee: LonLat[] = [
      [102, 24.05],
      [102.1, 24],
      [102.1, 24.04],
      [102.05, 24.05],
      [102.1, 24.06],
      [102.1, 24.1],
    ];
    expect(pointInRing([102.08, 24.05], vee)).toBe(false);
    expect(pointInRing([102.03, 24.05], vee)).toBe(true);
    expect(pointInRing([102.09, 24.02], vee)).toBe(true);
  });

  it('treats an empty or degenerate ring as containing nothing', () => {
    expect(pointInRing([102, 24], [])).toBe(false);
    expect(
      pointInRing(
        [102, 24],
        [
          [102, 24],
          [102.1, 24],
        ],
      ),
    ).toBe(false);
  });
});

describe('pointInZone', () => {
  it('uses the great-circle distance for circles, inclusive at the radius', () => {
    const centre: LonLat = [102.5, 24.3];
    const east = [102.5 + 0.01, 24.3] as const;
    const d = distanceM(centre, east);
    expect(pointInZone(east, { kind: 'circle', centre, radiusM: d })).toBe(true);
    expect(pointInZone(east, { kind: 'circle', centre, radiusM: d - 1 })).toBe(false);
  });
});

describe('placesInZones', () => {
  const source: LonLat = [102.5, 24.3];
  const places: Place[] = [
    { id: 'far', name: '远处学校', kind: 'school', position: [102.5, 24.33] },
    { id: 'near', name: '近处企业', kind: 'enterprise', position: [102.5, 24.301] },
    { id: 'mid', name: '中间医院', kind: 'hospital', position: [102.5, 24.31] },
    { id: 'out', name: '区外避难场所', kind: 'shelter', position: [102.6, 24.3] },
  ];
  const zones = [
    { name: 'red', shape: { kind: 'circle', centre: source, radiusM: 500 } as const },
    { name: 'orange', shape: { kind: 'circle', centre: source, radiusM: 2000 } as const },
    { name: 'yellow', shape: { kind: 'circle', centre: source, radiusM: 5000 } as const },
  ];

  it('lists each place once, in the most severe zone holding it, nearest first', () => {
    const result = placesInZones(zones, places, source);
    expect(result.map((z) => z.places.map((p) => p.id))).toEqual([['near'], ['mid'], ['far']]);
    expect(result[1]!.places[0]!.distanceM).toBe(Math.round(distanceM(source, [102.5, 24.31])));
  });

  it('keeps the same id of different kinds apart', () => {
    const twins: Place[] = [
      { id: 'x', name: 'A', kind: 'team', position: [102.5, 24.301] },
      { id: 'x', name: 'B', kind: 'enterprise', position: [102.5, 24.301] },
    ];
    expect(placesInZones(zones.slice(0, 1), twins, source)[0]!.places).toHaveLength(2);
  });
});
