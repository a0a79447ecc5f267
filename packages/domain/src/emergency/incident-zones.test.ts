import { describe, expect, it } from 'vitest';
import {
  haversineM,
  incidentZoneSetInputSchema,
  pointInZoneShape,
  zoneSetReachM,
  zonesHolding,
} from './incident-zones.ts';

const plume = {
  key: 'aegl3-0',
  label: { zh: 'AEGL-3', en: 'AEGL-3' },
  colour: 'red' as const,
  extentM: 1000,
  shape: {
    kind: 'polygon' as const,
    ring: [
      [102.55, 24.3],
      [102.56, 24.3],
      [102.56, 24.31],
      [102.55, 24.31],
      [102.55, 24.3],
    ] as [number, number][],
  },
};
const blast = {
  key: 'kpa-21',
  label: { zh: '21 kPa', en: '21 kPa' },
  colour: 'orange' as const,
  extentM: 500,
  shape: { kind: 'circle' as const, centre: [102.55, 24.3] as [number, number], radiusM: 500 },
};

describe('stored consequence zones', () => {
  it('tells a point just inside a plume polygon from one just outside', () => {
    expect(pointInZoneShape([102.5599, 24.3099], plume.shape)).toBe(true);
    expect(pointInZoneShape([102.5601, 24.3099], plume.shape)).toBe(false);
  });

  it('tells a point just inside a blast circle from one just outside (great-circle metres)', () => {
    // 0.0045° of latitude ≈ 500.4 m; 0.0044° ≈ 489.3 m.
    expect(pointInZoneShape([102.55, 24.3044], blast.shape)).toBe(true);
    expect(pointInZoneShape([102.55, 24.3045], blast.shape)).toBe(false);
    expect(Math.round(haversineM([102.55, 24.3], [102.55, 24.3045]))).toBe(500);
  });

  it('names the zones holding a point, most severe first, and how far the zones reach', () => {
    expect(zonesHolding([102.551, 24.301], [plume, blast])).toEqual(['aegl3-0', 'kpa-21']);
    expect(zonesHolding([102.545, 24.3], [plume, blast])).toEqual([]);
    expect(zoneSetReachM({ centre: [102.55, 24.3], zones: [plume, blast] })).toBe(
      Math.ceil(haversineM([102.55, 24.3], [102.56, 24.31])),
    );
  });

  it('refuses an open ring of three points and an unknown shape', () => {
    const set = {
      model: { id: 'plume', zh: '高斯烟羽', en: 'Plume' },
      inputs: {},
      centre: [102.55, 24.3],
      evacuationRadiusM: 0,
    };
    expect(
      incidentZoneSetInputSchema.safeParse({
        ...set,
        zones: [{ ...plume, shape: { kind: 'polygon', ring: plume.shape.ring.slice(0, 3) } }],
      }).success,
    ).toBe(false);
    expect(
      incidentZoneSetInputSchema.safeParse({ ...set, zones: [{ ...plume, shape: { kind: 'square' } }] })
        .success,
    ).toBe(false);
    expect(incidentZoneSetInputSchema.safeParse({ ...set, zones: [plume, blast] }).success).toBe(true);
  });
});
