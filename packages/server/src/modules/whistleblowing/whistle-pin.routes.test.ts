import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { yuxiPinExtent } from '@anjian/domain';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';
import { insertEnterprise } from '../../../test/factories.ts';
import { loadWhistleConfig } from './whistle.config.ts';

const HONGTA = '530402';
const JIANGCHUAN = '530403';
const BASE = '/api/v1/public/whistleblowing';
// 红塔区's seat; the enterprise is registered 0.001° (111 m on the earthdistance sphere) north of it.
const PIN = { lon: 102.5389, lat: 24.3443 };
// 昆明市晋宁区: inside Yuxi's bounding box, but in none of its counties.
const JINNING = { lon: 102.6, lat: 24.75 };
const KUNMING = { lon: 102.83, lat: 25.02 };

let t: TestContext;
let handler: Caller;
let nearId: string;
let otherId: string;
let serial = 0;

/** Each call from a client of its own, so the public rate limits never mix the cases. */
const client = () => {
  serial += 1;
  return { ip: `198.51.100.${serial}`, deviceId: `pin-device-${String(serial).padStart(8, '0')}` };
};

async function place(point: { lon: number; lat: number }, language = 'zh-CN') {
  const { ip, deviceId } = client();
  return t.request({
    method: 'GET',
    url: `${BASE}/place?lon=${point.lon}&lat=${point.lat}&deviceId=${deviceId}`,
    remoteAddress: ip,
    headers: { 'accept-language': language },
  });
}

async function send(fields: Record<string, unknown>, language = 'zh-CN') {
  const { ip, deviceId } = client();
  return t.request({
    method: 'POST',
    url: `${BASE}/reports`,
    payload: {
      category: 'major_hazard',
      description: '厂区外墙有大量液化气钢瓶露天堆放',
      anonymous: true,
      deviceId,
      ...fields,
    },
    remoteAddress: ip,
    headers: { 'accept-language': language },
  });
}

async function detailOf(queryCode: string) {
  const list = await t.request({
    method: 'GET',
    url: `/api/v1/whistleblowing/reports?q=${queryCode}`,
    as: handler,
  });
  const id = list.json().items[0].id as string;
  return (
    await t.request({ method: 'GET', url: `/api/v1/whistleblowing/reports/${id}`, as: handler })
  ).json();
}

const reportCount = async () =>
  (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM whistle_reports')).rows[0]!.n;

beforeAll(async () => {
  t = await createTestContext({ WHISTLE_SUBMITS_PER_HOUR: '1', WHISTLE_CAPTCHA_AFTER_SUBMITS: '5' });
  nearId = await insertEnterprise(t.db, {
    name: '玉溪定位测试仓储有限公司',
    county: HONGTA,
    serial: 7301,
    lon: PIN.lon,
    lat: PIN.lat + 0.001,
  });
  // 0.003° north: 334 m, beyond the 200 m radius.
  await insertEnterprise(t.db, {
    name: '玉溪定位测试远处企业',
    county: HONGTA,
    serial: 7302,
    lon: PIN.lon,
    lat: PIN.lat + 0.003,
  });
  otherId = await insertEnterprise(t.db, { name: '江川定位核查企业', county: JIANGCHUAN, serial: 7303 });
  const user = await t.createUser({ roles: ['city_officer'], scope: { kind: 'city' }, totp: true });
  handler = await t.sessionFor(user);
}, 60_000);
afterAll(() => t?.close());

describe('the public page’s map pin', () => {
  it('gives the map what it may load without signing in: no basemap unless configured, Yuxi’s extent, nine counties', async () => {
    const map = await t.request({ method: 'GET', url: `${BASE}/map` });
    expect(map.statusCode).toBe(200);
    const body = map.json();
    expect(body.basemap).toBeNull();
    expect(body.extent).toEqual(yuxiPinExtent);
    expect(body.boundaries.features.map((f: { properties: { code: string } }) => f.properties.code)).toEqual([
      '530402',
      '530403',
      '530423',
      '530424',
      '530425',
      '530426',
      '530427',
      '530428',
      '530481',
    ]);
    expect(body.boundaries.features[0].properties).toEqual({
      code: HONGTA,
      nameZh: '红塔区',
      nameEn: 'Hongta District',
    });
  });

  it('names the pin’s county and the operating enterprises registered within 200 m, nearest first', async () => {
    const answer = await place(PIN);
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toEqual({
      county: HONGTA,
      enterprises: [{ id: nearId, name: '玉溪定位测试仓储有限公司', county: HONGTA, distanceM: 111 }],
    });
  });

  it('refuses a pin outside Yuxi with whistle.pin_outside_city, in Chinese and in English', async () => {
    for (const point of [JINNING, KUNMING]) {
      const zh = await place(point);
      expect([zh.statusCode, zh.json().error.code]).toEqual([400, 'whistle.pin_outside_city']);
      expect(zh.json().error.message).toBe('定位点不在玉溪市范围内，请在玉溪市内选点，或只填写地址');
    }
    const en = await place(JINNING, 'en');
    expect(en.json().error.message).toBe(
      'The pin is outside Yuxi; drop it inside the city, or give the address only',
    );
  });

  it('limits pin look-ups per client: twelve per allowed report an hour, then 429', async () => {
    const { ip, deviceId } = client();
    const ask = () =>
      t.request({
        method: 'GET',
        url: `${BASE}/place?lon=${PIN.lon}&lat=${PIN.lat}&deviceId=${deviceId}`,
        remoteAddress: ip,
      });
    for (let i = 0; i < 12; i++) expect((await ask()).statusCode).toBe(200);
    const refused = await ask();
    expect([refused.statusCode, refused.json().error.code, refused.headers['retry-after']]).toEqual([
      429,
      'whistle.rate_limited',
      '3600',
    ]);
  });
});

describe('a report with a pin', () => {
  it('keeps the pin, takes the county from it and links the enterprise registered nearest it', async () => {
    const sent = await send({ ...PIN, address: '红塔区北城街道某仓库' });
    expect(sent.statusCode, sent.body).toBe(201);
    const report = await detailOf(sent.json().queryCode);
    expect(report).toMatchObject({
      lon: PIN.lon,
      lat: PIN.lat,
      county: HONGTA,
      enterpriseId: nearId,
      enterpriseName: '玉溪定位测试仓储有限公司',
      enterpriseByPin: true,
      verifiedOn: null,
    });
  });

  it('links no enterprise when the reporter names one, and keeps a chosen one as chosen', async () => {
    const named = await detailOf((await send({ ...PIN, enterpriseName: '路边无牌加工点' })).json().queryCode);
    expect(named).toMatchObject({
      county: HONGTA,
      enterpriseId: null,
      enterpriseName: '路边无牌加工点',
      enterpriseByPin: false,
    });
    const chosen = await detailOf((await send({ ...PIN, enterpriseId: otherId })).json().queryCode);
    expect(chosen).toMatchObject({ county: JIANGCHUAN, enterpriseId: otherId, enterpriseByPin: false });
  });

  it('stores nothing for a pin outside Yuxi or half a pin', async () => {
    const before = await reportCount();
    const outside = await send({ ...JINNING }, 'en');
    expect([outside.statusCode, outside.json().error.code]).toEqual([400, 'whistle.pin_outside_city']);
    expect(outside.json().error.fields).toEqual([
      {
        path: 'lon',
        code: 'whistle.pin_outside_city',
        message: 'The pin is outside Yuxi; drop it inside the city, or give the address only',
      },
    ]);
    const half = await send({ lon: PIN.lon });
    expect([half.statusCode, half.json().error.code]).toEqual([400, 'request.invalid']);
    expect(half.json().error.fields).toEqual([
      { path: 'lat', code: 'whistle.pin_incomplete', message: '地图定位须同时包含经度和纬度' },
    ]);
    expect(await reportCount()).toBe(before);
  });

  it('gives way to the enterprise the verifying inspection concerns', async () => {
    const report = await detailOf((await send({ ...PIN })).json().queryCode);
    expect(report.enterpriseByPin).toBe(true);
    const inspection = await t.db.query<{ id: string }>(
      `INSERT INTO enforcement_inspections (kind, status, enterprise_id, county, inspector_ids, created_by, created_at, updated_at)
       VALUES ('ad_hoc', 'completed', $1, $2, '{}', (SELECT id FROM users LIMIT 1), now(), now()) RETURNING id`,
      [otherId, JIANGCHUAN],
    );
    const base = `/api/v1/whistleblowing/reports/${report.id}`;
    const post = (path: string, payload: object) =>
      t.request({ method: 'POST', url: `${base}/${path}`, payload, as: handler });
    expect((await post('decision', { decision: 'accept' })).statusCode).toBe(200);
    expect((await post('assignment', { county: HONGTA, deadline: '2026-12-20' })).statusCode).toBe(200);
    const verified = await post('verification', {
      outcome: 'true',
      note: '现场检查：江川企业露天堆放钢瓶属实',
      inspectionId: inspection.rows[0]!.id,
    });
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json()).toMatchObject({
      enterpriseId: otherId,
      enterpriseByPin: false,
      outcome: 'true',
      verifiedOn: '2026-11-29',
    });
  });
});

describe('the county boundaries the pin is checked against', () => {
  it('follows a bureau’s import of new boundaries at once', async () => {
    const saved = await t.db.query<{ geometry: unknown; imported_at: Date }>(
      `SELECT geometry, imported_at FROM division_boundaries WHERE code = $1`,
      [HONGTA],
    );
    const square = (x: number, y: number) => [
      [
        [x, y],
        [x + 0.01, y],
        [x + 0.01, y + 0.01],
        [x, y + 0.01],
        [x, y],
      ],
    ];
    // 红塔区 redrawn as a small square away from its seat: the seat is now in no county.
    await t.db.query(
      `UPDATE division_boundaries SET geometry = $2, imported_at = now() + interval '1 second' WHERE code = $1`,
      [HONGTA, JSON.stringify({ type: 'Polygon', coordinates: square(102.45, 24.2) })],
    );
    try {
      expect((await place(PIN)).json().error.code).toBe('whistle.pin_outside_city');
      expect((await place({ lon: 102.455, lat: 24.205 })).json().county).toBe(HONGTA);
    } finally {
      await t.db.query(`UPDATE division_boundaries SET geometry = $2, imported_at = $3 WHERE code = $1`, [
        HONGTA,
        JSON.stringify(saved.rows[0]!.geometry),
        saved.rows[0]!.imported_at,
      ]);
    }
    expect((await place(PIN)).json().county).toBe(HONGTA);
  });
});

describe('the pin settings', () => {
  it('reads the extent, tolerance, radius and basemap switch, and stops on a bad extent naming it', () => {
    expect(loadWhistleConfig({}).pin).toEqual({
      extent: yuxiPinExtent,
      toleranceM: 500,
      enterpriseRadiusM: 200,
      publicBasemap: true,
    });
    expect(
      loadWhistleConfig({
        WHISTLE_PIN_EXTENT: '102.3, 24.1, 102.7, 24.5',
        WHISTLE_PIN_TOLERANCE_METRES: '0',
        WHISTLE_PIN_ENTERPRISE_RADIUS_METRES: '0',
        WHISTLE_PUBLIC_BASEMAP: 'false',
      }).pin,
    ).toEqual({
      extent: { minLon: 102.3, minLat: 24.1, maxLon: 102.7, maxLat: 24.5 },
      toleranceM: 0,
      enterpriseRadiusM: 0,
      publicBasemap: false,
    });
    expect(() => loadWhistleConfig({ WHISTLE_PIN_EXTENT: '103,24,102,25' })).toThrow(/WHISTLE_PIN_EXTENT/);
  });
});
