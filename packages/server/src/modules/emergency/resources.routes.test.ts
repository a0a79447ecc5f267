import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';
import { seededRandom } from '../demo/synthetic-registry.ts';

// earthdistance's sphere: earth() = 6378168 m.
const EARTH_RADIUS_M = 6_378_168;
function greatCircleM(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(a));
}

describe('emergency resources', () => {
  let t: TestContext;
  let city: Caller;
  let county: Caller;
  let enterpriseUser: Caller;
  const centre = { lon: 102.55, lat: 24.35 };

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    city = await t.sessionFor(await t.createUser({ roles: ['city_officer'], scope: { kind: 'city' } }));
    county = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: ['530402'] } }),
    );
    enterpriseUser = await t.sessionFor(
      await t.createUser({
        roles: ['enterprise_manager'],
        scope: { kind: 'enterprise', enterpriseId: '1b2c3d4e-5f60-4a1b-8c2d-3e4f5a6b7c8d', county: '530402' },
      }),
    );
    const random = seededRandom(42);
    const kinds = ['team', 'warehouse', 'expert', 'shelter', 'hospital', 'school'];
    await t.db.query(
      `INSERT INTO emergency_resources (kind, name, county, lon, lat, attributes, created_at, updated_at)
       SELECT k, n, c, lo, la, '{}', now(), now() FROM unnest($1::text[], $2::text[], $3::text[], $4::float8[], $5::float8[]) AS u(k, n, c, lo, la)`,
      (() => {
        const columns: unknown[][] = [[], [], [], [], []];
        for (let i = 0; i < 400; i++) {
          columns[0]!.push(kinds[i % kinds.length]);
          columns[1]!.push(`资源${i}`);
          columns[2]!.push(i % 2 === 0 ? '530402' : '530403');
          columns[3]!.push(centre.lon + (random() - 0.5) * 0.2);
          columns[4]!.push(centre.lat + (random() - 0.5) * 0.2);
        }
        return columns;
      })(),
    );
  });
  afterAll(() => t.close());

  it('finds the resources within 5 km nearest first, exactly as a brute-force great-circle scan does', async () => {
    const response = await t.request({
      method: 'GET',
      url: `/api/v1/emergency/resources/nearby?lon=${centre.lon}&lat=${centre.lat}&radiusM=5000&limit=500`,
      as: city,
    });
    expect(response.statusCode).toBe(200);
    const found = response.json().items as { name: string; distanceM: number }[];
    const all = await t.db.query<{ name: string; lon: number; lat: number }>(
      'SELECT name, lon, lat FROM emergency_resources',
    );
    const expected = all.rows
      .map((r) => ({ name: r.name, distanceM: greatCircleM(centre.lat, centre.lon, r.lat, r.lon) }))
      .filter((r) => r.distanceM <= 5000)
      .sort((a, b) => a.distanceM - b.distanceM);
    expect(found.length).toBeGreaterThan(10);
    expect(found.map((r) => r.name)).toEqual(expected.map((r) => r.name));
    found.forEach((r, i) => expect(Math.abs(r.distanceM - expected[i]!.distanceM)).toBeLessThanOrEqual(1));
  });

  it('keeps a county officer to the county and shows enterprise accounts nothing', async () => {
    const nearby = (
      await t.request({
        method: 'GET',
        url: `/api/v1/emergency/resources/nearby?lon=${centre.lon}&lat=${centre.lat}&radiusM=20000&limit=500`,
        as: county,
      })
    ).json().items;
    expect(nearby.every((r: { county: string }) => r.county === '530402')).toBe(true);
    expect(
      (await t.request({ method: 'GET', url: '/api/v1/emergency/resources', as: enterpriseUser })).statusCode,
    ).toBe(403);
  });

  it('keeps a warehouse’s stock and flags what runs low or expires; filters nearby warehouses by material', async () => {
    const warehouse = (
      await t.request({
        method: 'POST',
        url: '/api/v1/emergency/resources',
        payload: {
          kind: 'warehouse',
          name: '红塔区危化品应急物资库',
          county: '530402',
          location: { lon: 102.551, lat: 24.351 },
          contactName: '值班员',
          contactPhone: '13900001111',
        },
        as: county,
      })
    ).json();
    expect(warehouse.contactPhone).toBe('13900001111');
    const stocked = await t.request({
      method: 'PUT',
      url: `/api/v1/emergency/resources/${warehouse.id}/materials`,
      payload: {
        items: [
          { name: '正压式空气呼吸器', unit: '套', quantity: 4, minimumStock: 10 },
          { name: '吸附棉', unit: '包', quantity: 200, expiresOn: '2026-01-01' },
        ],
      },
      as: county,
    });
    expect(stocked.json().materials).toEqual([
      {
        name: '吸附棉',
        unit: '包',
        quantity: 200,
        expiresOn: '2026-01-01',
        belowMinimum: false,
        expired: true,
        expiringSoon: false,
      },
      {
        name: '正压式空气呼吸器',
        unit: '套',
        quantity: 4,
        minimumStock: 10,
        belowMinimum: true,
        expired: false,
        expiringSoon: false,
      },
    ]);
    const withBreathers = (
      await t.request({
        method: 'GET',
        url: `/api/v1/emergency/resources/nearby?lon=${centre.lon}&lat=${centre.lat}&kinds=warehouse&material=${encodeURIComponent('呼吸器')}`,
        as: city,
      })
    ).json().items;
    expect(withBreathers.map((r: { name: string }) => r.name)).toEqual(['红塔区危化品应急物资库']);
    const emptied = await t.request({
      method: 'PUT',
      url: `/api/v1/emergency/resources/${warehouse.id}/materials`,
      payload: { items: [] },
      as: city,
    });
    expect(emptied.json().materials).toEqual([]);
    const school = (
      await t.request({ method: 'GET', url: '/api/v1/emergency/resources?kind=school&pageSize=1', as: city })
    ).json().items[0];
    const notWarehouse = await t.request({
      method: 'PUT',
      url: `/api/v1/emergency/resources/${school.id}/materials`,
      payload: { items: [] },
      as: city,
    });
    expect(notWarehouse.json().error.code).toBe('emergency.not_a_warehouse');
  });
  it('masks an expert’s phone unless the caller may see personal information; shows a team’s duty phone to dispatchers', async () => {
    const create = (payload: object) =>
      t.request({ method: 'POST', url: '/api/v1/emergency/resources', payload, as: city });
    const base = { county: '530402', location: { lon: 102.56, lat: 24.36 }, contactPhone: '13712345678' };
    const expert = (
      await create({ ...base, kind: 'expert', name: '危化品专家甲', fields: ['危险化学品'] })
    ).json();
    const team = (
      await create({
        ...base,
        kind: 'team',
        name: '红塔区危化品救援队',
        teamType: 'professional',
        specialties: ['hazmat'],
        members: 30,
      })
    ).json();
    expect(expert.contactPhone).toBe('13712345678');
    const seen = async (id: string) =>
      (await t.request({ method: 'GET', url: `/api/v1/emergency/resources/${id}`, as: county })).json()
        .contactPhone;
    expect(await seen(expert.id)).toBe('137****5678');
    expect(await seen(team.id)).toBe('13712345678');
  });

  it('lists materials below their minimum, expired or expiring within 30 days', async () => {
    const warehouse = (
      await t.request({
        method: 'POST',
        url: '/api/v1/emergency/resources',
        payload: {
          kind: 'warehouse',
          name: '江川区应急物资库',
          county: '530403',
          location: { lon: 102.75, lat: 24.29 },
          owner: '江川区应急管理局',
        },
        as: city,
      })
    ).json();
    await t.request({
      method: 'PUT',
      url: `/api/v1/emergency/resources/${warehouse.id}/materials`,
      payload: {
        items: [
          { name: '沙袋', unit: '个', quantity: 5000, minimumStock: 1000 },
          { name: '防化服', unit: '套', quantity: 20, minimumStock: 30 },
          { name: '消毒液', unit: '桶', quantity: 50, expiresOn: '2026-12-29' },
          { name: '医用口罩', unit: '箱', quantity: 50, expiresOn: '2026-12-30' },
        ],
      },
      as: city,
    });
    const alerts = (
      await t.request({ method: 'GET', url: '/api/v1/emergency/materials/alerts?county=530403', as: city })
    ).json().items;
    expect(
      alerts.map((a: { name: string; belowMinimum: boolean; expiringSoon: boolean; owner: string }) => [
        a.name,
        a.belowMinimum,
        a.expiringSoon,
        a.owner,
      ]),
    ).toEqual([
      ['消毒液', false, true, '江川区应急管理局'],
      ['防化服', true, false, '江川区应急管理局'],
    ]);
    const elsewhere = (
      await t.request({ method: 'GET', url: '/api/v1/emergency/materials/alerts', as: county })
    ).json().items;
    expect(elsewhere.filter((a: { county: string }) => a.county !== '530402')).toEqual([]);
  });
});
