import { expect, it } from 'vitest';
import { hostileValues } from '../../../test/hostile-values.ts';
import { describeHostileRegistry, expectHandled, withValue } from './registry-hostile.test-support.ts';

// The regulated objects' half of registry-hostile-input.routes.test.ts (a file of its own so that
// the two test workers share the work).
describeHostileRegistry((s) => {
  it('creates and updates regulated objects with every hostile value in every field', async () => {
    const objectBodies = (): Record<string, Record<string, unknown>> => ({
      major_hazard_source: {
        kind: 'major_hazard_source',
        name: '模糊测试罐区',
        enterpriseId: s.enterpriseId,
        county: '530403',
        location: { lon: 102.75, lat: 24.29 },
        level: 2,
        units: ['罐区一'],
        notes: '演示',
      },
      tailings_pond: {
        kind: 'tailings_pond',
        name: '模糊测试尾矿库',
        enterpriseId: s.enterpriseId,
        county: '530403',
        location: { lon: 102.75, lat: 24.29 },
        grade: 3,
        damHeightM: 40,
        capacityWanM3: 120,
        overhead: false,
        status: 'operating',
      },
      park: {
        kind: 'park',
        name: '模糊测试园区',
        county: '530403',
        location: { lon: 102.75, lat: 24.29 },
        parkKind: 'chemical_park',
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [102.7, 24.2],
              [102.8, 24.2],
              [102.8, 24.3],
              [102.7, 24.2],
            ],
          ],
        },
      },
    });
    const first = await s.t.request({
      method: 'POST',
      url: '/api/v1/objects',
      payload: objectBodies().major_hazard_source,
      as: s.city,
    });
    expect(first.statusCode).toBe(201);
    const objectId = first.json().id as string;
    for (const [kind, body] of Object.entries(objectBodies())) {
      const paths = [
        ...Object.keys(body).filter((key) => key !== 'kind'),
        'location.lon',
        ...(kind === 'park'
          ? ['geometry.coordinates', 'geometry.coordinates.0', 'geometry.coordinates.0.0']
          : []),
      ];
      for (const path of paths) {
        for (const value of hostileValues) {
          const label = `${kind}.${path} = ${JSON.stringify(value)?.slice(0, 40)}`;
          const created = await s.t.request({
            method: 'POST',
            url: '/api/v1/objects',
            payload: withValue(objectBodies()[kind]!, path, value),
            as: s.city,
          });
          expectHandled(created, `create ${label}`);
          if (kind !== 'major_hazard_source') continue;
          const updated = await s.t.request({
            method: 'PUT',
            url: `/api/v1/objects/${objectId}`,
            payload: withValue(objectBodies()[kind]!, path, value),
            as: s.city,
          });
          expectHandled(updated, `update ${label}`);
        }
      }
    }
  }, 300_000);
});
