import { describe, expect, it } from 'vitest';
import { markerRings } from './zone-rings.ts';

const poolFire = [
  { key: 'kw-10', label: '60 秒内可能致死', radiusM: 21.4 },
  { key: 'kw-5', label: '60 秒内二度烧伤', radiusM: 30.2 },
  { key: 'kw-2', label: '60 秒内疼痛', radiusM: 47.9 },
];

describe('markerRings', () => {
  it('rings every zone smaller than the marker on screen, nested outward, labelled with its radius', () => {
    // 4.4 m per pixel (zoom 15 at Yuxi): the 21–48 m circles are 5–11 px, under the 26 px marker.
    expect(markerRings(poolFire, 4.4)).toEqual([
      { key: 'kw-10', label: '60 秒内可能致死 21 m', radiusPx: 18 },
      { key: 'kw-5', label: '60 秒内二度烧伤 30 m', radiusPx: 34 },
      { key: 'kw-2', label: '60 秒内疼痛 48 m', radiusPx: 50 },
    ]);
  });

  it('leaves zones that are large enough to see as drawn', () => {
    // 0.6 m per pixel (zoom 18): 36–80 px circles, all visible.
    expect(markerRings(poolFire, 0.6)).toEqual([]);
    expect(markerRings(poolFire, 1.5).map((r) => r.key)).toEqual(['kw-10']);
  });
});
