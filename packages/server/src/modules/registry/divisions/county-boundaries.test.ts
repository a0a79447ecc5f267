import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { point } from '@turf/helpers';
import { describe, expect, it } from 'vitest';
import { yuxiCounties } from '@anjian/domain';
import { yuxiCountyBoundaries } from './county-boundaries.ts';

describe('the real county boundaries (WGS-84)', () => {
  const boundaries = yuxiCountyBoundaries();

  it('has the nine county-level divisions of Yuxi', () => {
    expect([...boundaries.keys()].sort()).toEqual(yuxiCounties.map((c) => c.code).sort());
  });

  it.each(yuxiCounties.map((c) => [c.nameZh, c] as const))(
    "%s contains its own county seat and no other county's seat",
    (_name, county) => {
      const shape = boundaries.get(county.code)!;
      const containing = yuxiCounties
        .filter((other) => booleanPointInPolygon(point([...other.seat]), shape))
        .map((other) => other.code);
      expect(containing).toEqual([county.code]);
    },
  );
});
