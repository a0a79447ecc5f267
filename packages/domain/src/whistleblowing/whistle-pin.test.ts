import { describe, expect, it } from 'vitest';
import { locateWhistlePin, pinInExtent, yuxiPinExtent, type WhistleCountyArea } from './whistle-pin.ts';

// Two schematic counties side by side, 0.1° squares; the eastern one is a MultiPolygon with a lake
// (a hole) in its first part and an island as its second part.
const square = (x: number, y: number, size: number) => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
  [x, y],
];
const counties: WhistleCountyArea[] = [
  { code: '530402', geometry: { type: 'Polygon', coordinates: [square(102.4, 24.3, 0.1)] } },
  {
    code: '530403',
    geometry: {
      type: 'MultiPolygon',
      coordinates: [[square(102.5, 24.3, 0.1), square(102.54, 24.34, 0.02)], [square(102.7, 24.3, 0.02)]],
    },
  },
];
const options = { extent: yuxiPinExtent, toleranceM: 500 };
// At 24.35° N one 0.001° of longitude is about 101.4 m; of latitude about 111.2 m.

describe('where a report’s pin lies', () => {
  it.each<[string, number, number, ReturnType<typeof locateWhistlePin>]>([
    ['inside the western county', 102.45, 24.35, { ok: true, county: '530402', inside: true, distanceM: 0 }],
    ['inside the eastern county', 102.52, 24.35, { ok: true, county: '530403', inside: true, distanceM: 0 }],
    ['on the island', 102.71, 24.31, { ok: true, county: '530403', inside: true, distanceM: 0 }],
    // The middle of the lake is ~1 km from its shores; 0.0005° (~51 m) from its western shore counts.
    ['in the middle of the lake (a hole)', 102.55, 24.35, { ok: false, reason: 'outside_counties' }],
    [
      'in the lake by its shore',
      102.5405,
      24.35,
      { ok: true, county: '530403', inside: false, distanceM: 51 },
    ],
    [
      '400 m north of the western county',
      102.45,
      24.4036,
      { ok: true, county: '530402', inside: false, distanceM: 400 },
    ],
    ['600 m north of the western county', 102.45, 24.4054, { ok: false, reason: 'outside_counties' }],
    ['inside the extent, far from both', 101.5, 24.8, { ok: false, reason: 'outside_counties' }],
    ['Kunming, outside the extent', 102.83, 25.02, { ok: false, reason: 'outside_extent' }],
    ['the Yunnan border box corner', 97.5, 21.5, { ok: false, reason: 'outside_extent' }],
  ])('%s', (_name, lon, lat, expected) => {
    expect(locateWhistlePin({ lon, lat }, counties, options)).toEqual(expected);
  });

  it('takes the tolerance as given: 0 m refuses a pin just outside', () => {
    expect(locateWhistlePin({ lon: 102.45, lat: 24.4009 }, counties, { ...options, toleranceM: 0 })).toEqual({
      ok: false,
      reason: 'outside_counties',
    });
  });

  it('counts the extent’s edges as inside', () => {
    expect(pinInExtent(101.27, 23.31, yuxiPinExtent)).toBe(true);
    expect(pinInExtent(103.16, 24.96, yuxiPinExtent)).toBe(true);
    expect(pinInExtent(103.1601, 24.5, yuxiPinExtent)).toBe(false);
  });
});
