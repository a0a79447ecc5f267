import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';

const ENTERPRISE = '5a1e0c3b-7d2f-4e6a-8b9c-1d2e3f4a5b6c';
const OTHER_ENTERPRISE = '6b2f1d4c-8e3a-4f7b-9cad-2e3f4a5b6c7d';
const JIANGCHUAN = '530403';
const TONGHAI = '530423';

const chlorineTank = (quantityTonnes: string, exposedPopulation = 120) => ({
  enterpriseId: ENTERPRISE,
  name: '液氯储罐区',
  kind: 'storage',
  locationText: '厂区东北角',
  location: { lon: 102.751, lat: 24.292 },
  exposedPopulation,
  inventory: [{ substance: '7782-50-5', quantityTonnes }],
});

describe('GB 18218 declarations', () => {
  let t: TestContext;
  let manager: Caller;
  let otherManager: Caller;
  let countyOfficer: Caller;
  let tonghaiOfficer: Caller;
  let cityOfficer: Caller;

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    const user = async (roles: string[], scope: Parameters<TestContext['createUser']>[0]['scope']) =>
      t.sessionFor(await t.createUser({ roles, scope }));
    manager = await user(['enterprise_manager'], {
      kind: 'enterprise',
      enterpriseId: ENTERPRISE,
      county: JIANGCHUAN,
    });
    otherManager = await user(['enterprise_manager'], {
      kind: 'enterprise',
      enterpriseId: OTHER_ENTERPRISE,
      county: TONGHAI,
    });
    countyOfficer = await user(['county_officer'], { kind: 'county', counties: [JIANGCHUAN] });
    tonghaiOfficer = await user(['county_officer'], { kind: 'county', counties: [TONGHAI] });
    cityOfficer = await user(['city_officer'], { kind: 'city' });
  });
  afterAll(() => t.close());

  const declare = (payload: object, as: Caller = manager) =>
    t.request({ method: 'POST', url: '/api/v1/major-hazards/units', payload, as });
  const update = (id: string, payload: object, as: Caller = manager) =>
    t.request({ method: 'PUT', url: `/api/v1/major-hazards/units/${id}`, payload, as });
  const get = (url: string, as: Caller) => t.request({ method: 'GET', url, as });
  const count = async (table: string) =>
    (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;

  it('declares a unit, grades it and keeps the registry major hazard source in step through every change', async () => {
    // 液氯 15 t: S = 15/5 = 3; 120 people → α = 2; R = 2 × 4 × 3 = 24 → 三级.
    const created = await declare(chlorineTank('15'));
    expect(created.statusCode).toBe(201);
    const unit = created.json();
    expect(unit.identification).toMatchObject({
      s: '3.0000',
      isMajor: true,
      alpha: '2.0',
      r: '24.0000',
      level: 3,
    });
    expect(unit.identification.steps.map((step: { kind: string }) => step.kind)).toEqual([
      'ratio',
      'sum',
      'identification',
      'beta',
      'alpha',
      'r',
      'level',
    ]);
    expect(unit.inventory).toEqual([
      {
        substance: '7782-50-5',
        code: 'T1-12',
        table: 1,
        nameZh: '氯',
        nameEn: expect.any(String),
        cas: ['7782-50-5'],
        quantityTonnes: '15',
        criticalQuantityTonnes: '5',
        betaCategory: null,
      },
    ]);
    expect(unit.registryObjectId).toEqual(expect.any(String));
    const objectUrl = `/api/v1/objects/${unit.registryObjectId}`;
    const object = (await get(objectUrl, countyOfficer)).json();
    expect(object).toMatchObject({
      kind: 'major_hazard_source',
      name: '液氯储罐区',
      enterpriseId: ENTERPRISE,
      county: JIANGCHUAN,
      location: { lon: 102.751, lat: 24.292 },
      attributes: {
        level: 3,
        units: ['液氯储罐区'],
        declaration: { unitId: unit.id, status: 'major', s: '3.0000' },
      },
    });

    // 62.5 t: R = 2 × 4 × 12.5 = 100 exactly → 一级; the same registry object follows.
    const raised = (await update(unit.id, { ...chlorineTank('62.5'), enterpriseId: undefined })).json();
    expect([raised.identification.r, raised.identification.level, raised.version]).toEqual([
      '100.0000',
      1,
      2,
    ]);
    expect(raised.registryObjectId).toBe(unit.registryObjectId);
    expect((await get(objectUrl, countyOfficer)).json().attributes.level).toBe(1);

    // 1 t: S = 0.2, no longer a major hazard source; the object stays, marked, with its last level.
    const lowered = (await update(unit.id, { ...chlorineTank('1'), enterpriseId: undefined })).json();
    expect(lowered.identification).toMatchObject({ s: '0.2000', isMajor: false, level: null });
    const marked = (await get(objectUrl, countyOfficer)).json();
    expect(marked.attributes).toMatchObject({
      level: 1,
      declaration: { status: 'no_longer_major', level: null },
    });

    const history = (await get(`/api/v1/major-hazards/units/${unit.id}/history`, countyOfficer)).json();
    expect(
      history.items.map((h: { version: number; change: string; level: number | null }) => [
        h.version,
        h.change,
        h.level,
      ]),
    ).toEqual([
      [3, 'updated', null],
      [2, 'updated', 1],
      [1, 'declared', 3],
    ]);
    expect(history.items[2].inventory).toEqual([{ substance: '7782-50-5', quantityTonnes: '15' }]);
    // Who declared it, by name, never the login.
    expect(history.items[2].actor).toMatch(/^测试用户 /);

    // Retiring the unit never deletes the registry object.
    const retired = await t.request({
      method: 'DELETE',
      url: `/api/v1/major-hazards/units/${unit.id}`,
      as: manager,
    });
    expect(retired.statusCode).toBe(200);
    expect((await get(`/api/v1/major-hazards/units/${unit.id}`, manager)).statusCode).toBe(404);
    expect((await get(objectUrl, countyOfficer)).json().attributes.declaration.status).toBe('unit_retired');
  });

  it('takes over the registry object the bureau already recorded for the unit instead of adding another', async () => {
    const recorded = await t.request({
      method: 'POST',
      url: '/api/v1/objects',
      as: countyOfficer,
      payload: {
        kind: 'major_hazard_source',
        name: '液氨罐区（备案）',
        enterpriseId: ENTERPRISE,
        county: JIANGCHUAN,
        location: { lon: 102.76, lat: 24.3 },
        level: 4,
        units: ['液氨储罐'],
      },
    });
    expect(recorded.statusCode).toBe(201);
    const objectsBefore = await count('regulated_objects');
    // 液氨 30 t: S = 3; 40 people → α = 1.2; R = 1.2 × 2 × 3 = 7.2 → 四级.
    const unit = (
      await declare({
        enterpriseId: ENTERPRISE,
        name: '液氨储罐',
        kind: 'storage',
        exposedPopulation: 40,
        inventory: [{ substance: '液氨', quantityTonnes: 30 }],
      })
    ).json();
    expect([unit.identification.r, unit.identification.level]).toEqual(['7.2000', 4]);
    expect(unit.registryObjectId).toBe(recorded.json().id);
    expect(await count('regulated_objects')).toBe(objectsBefore);
    const object = (await get(`/api/v1/objects/${unit.registryObjectId}`, cityOfficer)).json();
    expect(object.name).toBe('液氨罐区（备案）');
    expect(object.attributes.declaration.status).toBe('major');
  });

  it('shows declarations within the caller’s scope only: out of scope answers 404', async () => {
    await t.db.query('UPDATE enterprises SET lon = 102.63, lat = 24.12 WHERE id = $1', [OTHER_ENTERPRISE]);
    const tonghai = await declare(
      {
        ...chlorineTank('30', 0),
        enterpriseId: OTHER_ENTERPRISE,
        name: '氯气钢瓶库',
        location: undefined,
      },
      otherManager,
    );
    expect(tonghai.statusCode).toBe(201);
    const id = tonghai.json().id;
    // The unit has no position of its own: the registry object takes the enterprise's, marked approximate.
    const object = (await get(`/api/v1/objects/${tonghai.json().registryObjectId}`, cityOfficer)).json();
    expect([object.location, object.locationApproximate]).toEqual([{ lon: 102.63, lat: 24.12 }, true]);

    for (const url of [
      `/api/v1/major-hazards/units/${id}`,
      `/api/v1/major-hazards/units/${id}/inventory`,
      `/api/v1/major-hazards/units/${id}/history`,
    ]) {
      expect((await get(url, countyOfficer)).statusCode, url).toBe(404);
      expect((await get(url, manager)).statusCode, url).toBe(404);
      expect((await get(url, tonghaiOfficer)).statusCode, url).toBe(200);
    }
    expect((await update(id, { ...chlorineTank('1'), enterpriseId: undefined })).statusCode).toBe(404);
    expect(
      (await declare({ ...chlorineTank('1'), enterpriseId: OTHER_ENTERPRISE, name: '越权单元' })).statusCode,
    ).toBe(404);
    // An officer reads but does not declare for an enterprise.
    expect((await declare(chlorineTank('1'), cityOfficer)).statusCode).toBe(403);

    const listed = (await get('/api/v1/major-hazards/units?isMajor=true', tonghaiOfficer)).json();
    expect(listed.items.map((u: { name: string }) => u.name)).toEqual(['氯气钢瓶库']);
    const summary = (await get('/api/v1/major-hazards/summary', cityOfficer)).json();
    // 30 t chlorine, nobody within 500 m: R = 0.5 × 4 × 6 = 12 → 三级 in 通海县.
    expect(summary.rows.find((row: { county: string }) => row.county === TONGHAI)).toEqual({
      county: TONGHAI,
      level1: 0,
      level2: 0,
      level3: 1,
      level4: 0,
      declaredUnits: 1,
      undeclared: 0,
    });
    const jiangchuan = (await get('/api/v1/major-hazards/summary', countyOfficer)).json();
    expect(jiangchuan.rows.map((row: { county: string }) => row.county)).toEqual([JIANGCHUAN]);
  });

  it('gives the emergency map the declared chemicals of a unit', async () => {
    const unit = (
      await declare({
        enterpriseId: ENTERPRISE,
        name: '罐区二',
        kind: 'storage',
        location: { lon: 102.75, lat: 24.29 },
        exposedPopulation: 0,
        inventory: [
          { substance: '液化石油气', quantityTonnes: '20', betaCategory: 'W2' },
          { substance: 'W5.3', quantityTonnes: '100.5' },
        ],
      })
    ).json();
    const inventory = (await get(`/api/v1/major-hazards/units/${unit.id}/inventory`, cityOfficer)).json();
    expect(
      inventory.items.map((i: { code: string; nameZh: string; cas: string[]; quantityTonnes: string }) => [
        i.code,
        i.nameZh,
        i.cas.length > 0,
        i.quantityTonnes,
      ]),
    ).toEqual([
      ['T1-52', expect.stringContaining('液化石油气'), true, '20'],
      ['W5.3', expect.stringContaining('易燃液体'), false, '100.5'],
    ]);
  });

  it('refuses bad declarations with coded 400s and writes nothing', async () => {
    const before = [
      await count('major_hazard_units'),
      await count('major_hazard_unit_history'),
      await count('regulated_objects'),
    ];
    const base = { enterpriseId: ENTERPRISE, name: '坏单元', kind: 'storage', exposedPopulation: 5 };
    const cases: [object, string, string][] = [
      [
        {
          ...base,
          inventory: [
            { substance: '氯', quantityTonnes: '1' },
            { substance: '可乐', quantityTonnes: '1' },
          ],
        },
        'major_hazard.unknown_substance',
        'inventory.1.substance',
      ],
      [
        { ...base, inventory: [{ substance: '硝化棉', quantityTonnes: '1' }] },
        'major_hazard.ambiguous_substance',
        'inventory.0.substance',
      ],
      [
        { ...base, inventory: [{ substance: '氯', quantityTonnes: -3 }] },
        'request.invalid',
        'inventory.0.quantityTonnes',
      ],
      [
        { ...base, inventory: [{ substance: '氯', quantityTonnes: '-3' }] },
        'request.invalid',
        'inventory.0.quantityTonnes',
      ],
      [
        { ...base, inventory: [{ substance: '氯', quantityTonnes: 'NaN' }] },
        'request.invalid',
        'inventory.0.quantityTonnes',
      ],
      [
        { ...base, inventory: [{ substance: '氯', quantityTonnes: '0' }] },
        'request.invalid',
        'inventory.0.quantityTonnes',
      ],
      [
        { ...base, exposedPopulation: -1, inventory: [{ substance: '氯', quantityTonnes: '1' }] },
        'request.invalid',
        'exposedPopulation',
      ],
      [{ ...base, inventory: [] }, 'request.invalid', 'inventory'],
      // 三氧化硫 100 t is major, and with no default hazard category β needs one.
      [
        { ...base, inventory: [{ substance: '三氧化硫', quantityTonnes: '100' }] },
        'major_hazard.beta_category_required',
        'inventory.0.betaCategory',
      ],
    ];
    for (const [payload, code, path] of cases) {
      const response = await declare(payload);
      expect([response.statusCode, response.json().error.code], code).toEqual([400, code]);
      expect(
        response.json().error.fields.map((f: { path: string }) => f.path),
        code,
      ).toContain(path);
    }
    // A major unit with no position anywhere: the registry object cannot be placed.
    const nowhere = await declare({ ...base, inventory: [{ substance: '氯', quantityTonnes: '5' }] });
    expect([nowhere.statusCode, nowhere.json().error.code]).toEqual([
      400,
      'major_hazard.unit_location_required',
    ]);
    expect([
      await count('major_hazard_units'),
      await count('major_hazard_unit_history'),
      await count('regulated_objects'),
    ]).toEqual(before);

    const first = await declare({
      ...base,
      name: '重名单元',
      inventory: [{ substance: '氯', quantityTonnes: '1' }],
    });
    expect(first.statusCode).toBe(201);
    const again = await declare({
      ...base,
      name: '重名单元',
      inventory: [{ substance: '氯', quantityTonnes: '2' }],
    });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'major_hazard.unit_name_taken']);
  });
});

describe('POST /api/v1/calc/major-hazard (public calculator contract)', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(() => t.close());

  const calc = (payload: object) => t.request({ method: 'POST', url: '/api/v1/calc/major-hazard', payload });

  it('answers {s, isMajor, alpha, r, level, steps} without sign-in, S = 1 exactly included', async () => {
    const response = await calc({
      items: [
        { substance: '氯', quantityTonnes: 3 },
        { substance: '7664-41-7', quantityTonnes: '4' },
      ],
      exposedPopulation: 60,
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ s: '1.0000', isMajor: true, alpha: '1.5', r: '4.8000', level: 4 });
    expect(Object.keys(body).sort()).toEqual(['alpha', 'isMajor', 'items', 'level', 'r', 's', 'steps']);
    expect(body.steps.at(-1).zh).toContain('四级');
  });

  it('refuses an unknown substance, a negative or NaN quantity with coded 400s', async () => {
    const cases: [object, string][] = [
      [
        { items: [{ substance: '可乐', quantityTonnes: '1' }], exposedPopulation: 0 },
        'major_hazard.unknown_substance',
      ],
      [{ items: [{ substance: '氯', quantityTonnes: -1 }], exposedPopulation: 0 }, 'request.invalid'],
      [{ items: [{ substance: '氯', quantityTonnes: 'NaN' }], exposedPopulation: 0 }, 'request.invalid'],
      [{ items: [{ substance: '氯', quantityTonnes: '1' }], exposedPopulation: 1.5 }, 'request.invalid'],
    ];
    for (const [payload, code] of cases) {
      const response = await calc(payload);
      expect([response.statusCode, response.json().error.code]).toEqual([400, code]);
    }
  });

  it('is documented in the OpenAPI document with its request and response', async () => {
    const answer = await t.request({ method: 'GET', url: '/api/docs' });
    expect(answer.statusCode, answer.body.slice(0, 300)).toBe(200);
    const docs = answer.json();
    const operation = docs.paths['/api/v1/calc/major-hazard'].post;
    const request = operation.requestBody.content['application/json'].schema;
    expect(request.required).toEqual(['items', 'exposedPopulation']);
    expect(request.properties.items.items.required).toEqual(['substance', 'quantityTonnes']);
    const response = operation.responses['200'].content['application/json'].schema;
    expect(Object.keys(response.properties)).toEqual(
      expect.arrayContaining(['s', 'isMajor', 'alpha', 'r', 'level', 'steps']),
    );
    expect(docs.paths['/api/v1/major-hazards/units'].post).toBeDefined();
  });
});
