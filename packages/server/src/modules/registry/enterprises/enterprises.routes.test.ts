import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSyntheticCreditCode, type DataScope } from '@anjian/domain';
import { createTestContext, type Caller, type TestContext } from '../../../../test/test-app.ts';
import { enterpriseColumns } from './enterprise-columns.ts';
import { XLSX_TYPE } from '../../../platform/office/index.ts';

const jiangchuan: DataScope = { kind: 'county', counties: ['530403'] };
const tonghai: DataScope = { kind: 'county', counties: ['530423'] };
let serial = 1000;
const code = (county = '530403') => generateSyntheticCreditCode(serial++, { divisionCode: county });

function enterpriseBody(overrides: Record<string, unknown> = {}) {
  return {
    name: '玉溪测试化工有限公司',
    creditCode: code(),
    county: '530403',
    township: '530403101',
    address: '江川区江城镇测试路1号',
    location: { lon: 102.75, lat: 24.29 },
    industryCode: 'C2614',
    sectors: ['hazchem_production'],
    scale: 'medium',
    employees: 120,
    safetyManager: { name: '王安全', phone: '13812345678' },
    licences: [
      { type: 'safety_production', number: '（云）WH安许证字〔2024〕0001', validUntil: '2027-01-15' },
    ],
    keyTags: ['plan6_hazchem'],
    responsibleDepartment: 'emergency',
    ...overrides,
  };
}

async function workbook(rows: Record<string, string | number>[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('企业信息');
  sheet.addRow(enterpriseColumns.map((c) => (c.required ? `${c.header}*` : c.header)));
  for (const row of rows) sheet.addRow(enterpriseColumns.map((c) => row[c.key] ?? null));
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function readWorkbook(payload: Buffer): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(payload as unknown as ArrayBuffer);
  const rows: string[][] = [];
  book.worksheets[0]!.eachRow((row) =>
    rows.push(
      (row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v))),
    ),
  );
  return rows;
}

describe('enterprise registry', () => {
  let t: TestContext;
  let cityOfficer: Caller;
  let countyOfficer: Caller;
  let otherCounty: Caller;
  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    cityOfficer = await t.sessionFor(
      await t.createUser({ roles: ['city_officer'], scope: { kind: 'city' } }),
    );
    countyOfficer = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: jiangchuan, username: 'jc_officer' }),
    );
    otherCounty = await t.sessionFor(await t.createUser({ roles: ['county_officer'], scope: tonghai }));
  });
  afterAll(() => t.close());

  it('registers an enterprise, normalising its credit code, and masks phones for a county officer', async () => {
    const raw = code();
    const spaced = `${raw.slice(0, 6)} ${raw.slice(6, 12)}-${raw.slice(12).toLowerCase()}`;
    const created = await t.request({
      method: 'POST',
      url: '/api/v1/enterprises',
      payload: enterpriseBody({ creditCode: spaced }),
      as: countyOfficer,
    });
    expect(created.statusCode).toBe(201);
    const enterprise = created.json();
    expect(enterprise).toMatchObject({
      creditCode: raw,
      county: '530403',
      countyName: '江川区',
      townshipName: '江城镇',
      safetyManager: { name: '王安全', phone: '138****5678' },
      demo: false,
      status: 'operating',
    });
    expect(enterprise.licences[0]).toMatchObject({ validUntil: '2027-01-15', daysLeft: 47, reminder: 'd60' });

    const asCity = await t.request({
      method: 'GET',
      url: `/api/v1/enterprises/${enterprise.id}`,
      as: cityOfficer,
    });
    expect(asCity.json().safetyManager.phone).toBe('13812345678');
    const stored = await t.db.query<{ contacts: string }>(
      'SELECT contacts::text FROM enterprises WHERE id = $1',
      [enterprise.id],
    );
    expect(stored.rows[0]!.contacts).not.toContain('13812345678');

    const again = await t.request({
      method: 'POST',
      url: '/api/v1/enterprises',
      payload: enterpriseBody({ creditCode: raw }),
      as: cityOfficer,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('enterprise.credit_code_taken');
  });

  it('refuses an invalid credit code, a township of another county and an unknown sector, naming the field', async () => {
    const badCheck = code().slice(0, 17) + 'X';
    const cases: [Record<string, unknown>, string, string][] = [
      [
        { creditCode: badCheck.endsWith(code().slice(17)) ? `${badCheck.slice(0, 17)}0` : badCheck },
        'request.invalid',
        'creditCode',
      ],
      [{ creditCode: '91530403MA6K0001IO' }, 'request.invalid', 'creditCode'],
      [{ township: '530423101' }, 'request.invalid', 'township'],
      [{ industryCode: 'A2614' }, 'request.invalid', 'industryCode'],
      [{ location: { lon: 116.4, lat: 39.9 } }, 'request.invalid', 'location.lon'],
      [{ sectors: ['space_mining'] }, 'enterprise.unknown_dictionary_value', 'sectors.0'],
    ];
    for (const [override, errorCode, path] of cases) {
      const response = await t.request({
        method: 'POST',
        url: '/api/v1/enterprises',
        payload: enterpriseBody(override),
        as: cityOfficer,
      });
      expect(response.statusCode, JSON.stringify(override)).toBe(400);
      expect(response.json().error.code).toBe(errorCode);
      expect(response.json().error.fields.map((f: { path: string }) => f.path)).toContain(path);
    }
  });

  it('keeps every change in a history (who, when, old → new), phones masked', async () => {
    const created = (
      await t.request({
        method: 'POST',
        url: '/api/v1/enterprises',
        payload: enterpriseBody(),
        as: countyOfficer,
      })
    ).json();
    t.clock.advance(60_000);
    const patched = await t.request({
      method: 'PATCH',
      url: `/api/v1/enterprises/${created.id}`,
      payload: {
        employees: 150,
        status: 'suspended',
        safetyManager: { name: '王安全', phone: '13987654321' },
      },
      as: countyOfficer,
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      employees: 150,
      status: 'suspended',
      name: '玉溪测试化工有限公司',
    });
    const history = (
      await t.request({ method: 'GET', url: `/api/v1/enterprises/${created.id}/history`, as: countyOfficer })
    ).json().items;
    const changes = history.filter((h: { field: string }) => h.field !== 'created');
    expect(
      changes.map((h: { field: string; oldValue: string; newValue: string; actorName: string }) => [
        h.field,
        h.oldValue,
        h.newValue,
        h.actorName,
      ]),
    ).toEqual([
      // Who changed it, by name (the login is jc_officer).
      ['employees', '120', '150', '测试用户 jc_officer'],
      ['safetyManager', '王安全 138****5678', '王安全 139****4321', '测试用户 jc_officer'],
      ['status', 'operating', 'suspended', '测试用户 jc_officer'],
    ]);
    expect(history.at(-1)).toMatchObject({ field: 'created', newValue: '玉溪测试化工有限公司' });
    // Saving the same values records nothing new.
    await t.request({
      method: 'PATCH',
      url: `/api/v1/enterprises/${created.id}`,
      payload: { employees: 150 },
      as: countyOfficer,
    });
    expect(
      (
        await t.request({
          method: 'GET',
          url: `/api/v1/enterprises/${created.id}/history`,
          as: countyOfficer,
        })
      ).json().items,
    ).toHaveLength(history.length);
  });

  it('keeps a county officer inside the county: list, detail, map, export and writes', async () => {
    const inTonghai = (
      await t.request({
        method: 'POST',
        url: '/api/v1/enterprises',
        payload: enterpriseBody({ county: '530423', township: undefined, name: '通海县某企业' }),
        as: cityOfficer,
      })
    ).json();
    const list = (
      await t.request({ method: 'GET', url: '/api/v1/enterprises?pageSize=200', as: countyOfficer })
    ).json();
    expect(list.items.every((e: { county: string }) => e.county === '530403')).toBe(true);
    expect(list.items.map((e: { id: string }) => e.id)).not.toContain(inTonghai.id);
    const jiangchuanId = list.items[0].id;
    expect(
      (await t.request({ method: 'GET', url: `/api/v1/enterprises/${jiangchuanId}`, as: otherCounty }))
        .statusCode,
    ).toBe(404);
    expect(
      (await t.request({ method: 'GET', url: `/api/v1/enterprises/${inTonghai.id}`, as: otherCounty }))
        .statusCode,
    ).toBe(200);
    expect(
      (await t.request({ method: 'GET', url: `/api/v1/enterprises/${inTonghai.id}`, as: countyOfficer }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await t.request({
          method: 'PATCH',
          url: `/api/v1/enterprises/${inTonghai.id}`,
          payload: { employees: 1 },
          as: countyOfficer,
        })
      ).statusCode,
    ).toBe(404);
    const map = (
      await t.request({ method: 'GET', url: '/api/v1/map/enterprises', as: countyOfficer })
    ).json();
    expect(map.points.map((p: unknown[]) => p[0])).not.toContain(inTonghai.id);
    expect(map.points.length).toBe(list.total);
    // The layer is cached while nothing changes; a change shows at once, even at the same instant.
    const renamed = list.items[0];
    await t.request({
      method: 'PATCH',
      url: `/api/v1/enterprises/${renamed.id}`,
      payload: { name: '江川改名后的企业' },
      as: countyOfficer,
    });
    const after = (
      await t.request({ method: 'GET', url: '/api/v1/map/enterprises', as: countyOfficer })
    ).json();
    expect(after.points.find((p: unknown[]) => p[0] === renamed.id)[4]).toBe('江川改名后的企业');
    const create = await t.request({
      method: 'POST',
      url: '/api/v1/enterprises',
      payload: enterpriseBody({ county: '530423', township: undefined }),
      as: countyOfficer,
    });
    expect(create.statusCode).toBe(403);
    expect(create.json().error.code).toBe('registry.scope_outside_caller');
    const exported = await readWorkbook(
      (await t.request({ method: 'GET', url: '/api/v1/enterprises/export', as: countyOfficer })).rawPayload,
    );
    expect(exported.slice(1).every((row) => row[2] === '江川区')).toBe(true);
    expect(exported.slice(1).some((row) => row[0] === '通海县某企业')).toBe(false);
    const cityExport = await readWorkbook(
      (await t.request({ method: 'GET', url: '/api/v1/enterprises/export', as: cityOfficer })).rawPayload,
    );
    expect(cityExport.some((row) => row[0] === '通海县某企业')).toBe(true);
  });

  it('filters by name, sector, county and expiring licences, and pages', async () => {
    for (let i = 0; i < 3; i++) {
      await t.request({
        method: 'POST',
        url: '/api/v1/enterprises',
        payload: enterpriseBody({
          name: `华宁过滤测试烟花公司${i}`,
          county: '530424',
          township: undefined,
          sectors: ['fireworks'],
          licences: [
            {
              type: 'fireworks_wholesale',
              number: `F${i}`,
              validUntil: ['2026-12-10', '2027-02-01', '2028-01-01'][i],
            },
          ],
        }),
        as: cityOfficer,
      });
    }
    const byName = (
      await t.request({
        method: 'GET',
        url: `/api/v1/enterprises?q=${encodeURIComponent('过滤测试烟花')}&sort=name&order=asc`,
        as: cityOfficer,
      })
    ).json();
    expect(byName.items.map((e: { name: string }) => e.name)).toEqual([
      '华宁过滤测试烟花公司0',
      '华宁过滤测试烟花公司1',
      '华宁过滤测试烟花公司2',
    ]);
    const expiring = (
      await t.request({
        method: 'GET',
        url: '/api/v1/enterprises?county=530424&licenceExpiringWithinDays=90',
        as: cityOfficer,
      })
    ).json();
    expect(expiring.items.map((e: { name: string }) => e.name).sort()).toEqual([
      '华宁过滤测试烟花公司0',
      '华宁过滤测试烟花公司1',
    ]);
    expect(expiring.items.find((e: { name: string }) => e.name.endsWith('0')).licences[0].reminder).toBe(
      'd30',
    );
    const paged = (
      await t.request({
        method: 'GET',
        url: '/api/v1/enterprises?sector=fireworks&pageSize=2&page=2&sort=name&order=asc',
        as: cityOfficer,
      })
    ).json();
    expect(paged).toMatchObject({ total: 3, page: 2 });
    expect(paged.items.map((e: { name: string }) => e.name)).toEqual(['华宁过滤测试烟花公司2']);
    const oneChar = (
      await t.request({
        method: 'GET',
        url: `/api/v1/enterprises?county=530424&q=${encodeURIComponent('烟')}`,
        as: cityOfficer,
      })
    ).json();
    expect(oneChar.total).toBe(3);
    const codePart = byName.items[1].creditCode.slice(8, 16).toLowerCase();
    const byCode = (
      await t.request({ method: 'GET', url: `/api/v1/enterprises?q=${codePart}`, as: cityOfficer })
    ).json();
    expect(byCode.items.map((e: { name: string }) => e.name)).toEqual(['华宁过滤测试烟花公司1']);
    const unordered = (
      await t.request({
        method: 'GET',
        url: `/api/v1/enterprises?q=${encodeURIComponent('烟花测试')}`,
        as: cityOfficer,
      })
    ).json();
    expect(unordered.total).toBe(0);
    const wildcard = (
      await t.request({
        method: 'GET',
        url: `/api/v1/enterprises?q=${encodeURIComponent('%')}`,
        as: cityOfficer,
      })
    ).json();
    expect(wildcard.total).toBe(0);
  });

  describe('Excel import', () => {
    const row = (overrides: Record<string, string | number> = {}) => ({
      name: '江川导入测试企业',
      creditCode: code(),
      county: '江川区',
      township: '前卫镇',
      sectors: '机械、商贸',
      scale: '小型',
      employees: 40,
      legalName: '李四',
      legalPhone: '13700001111',
      status: '在营',
      department: '应急管理局',
      ...overrides,
    });

    it('reports the exact rows and reasons, and imports nothing while any row is invalid', async () => {
      const before = await t.db.query<{ count: number }>('SELECT count(*)::int AS count FROM enterprises');
      const file = await workbook([
        row({ name: '有效企业甲' }),
        row({ name: '信用代码错误', creditCode: '91530403MA6K00014R' }),
        row({ name: '县区错误', county: '昆明市' }),
        row({ name: '有效企业乙' }),
        row({ name: '乡镇错误', township: '秀山街道' }),
        row({ name: '规模错误', scale: '特大型' }),
        row({ name: '通海企业', county: '通海县', township: '' }),
      ]);
      const response = await t.request({
        method: 'POST',
        url: '/api/v1/enterprises/import',
        payload: file,
        headers: { 'content-type': XLSX_TYPE },
        as: countyOfficer,
      });
      expect(response.statusCode).toBe(200);
      const report = response.json();
      expect(report).toMatchObject({ committed: false, totalRows: 7, created: 0, invalidRows: 5 });
      expect(report.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
        [3, '统一社会信用代码'],
        [4, '所属县（市、区）'],
        [6, '乡镇（街道）'],
        [7, '企业规模'],
        [8, '所属县（市、区）'],
      ]);
      expect(report.errors.find((e: { row: number }) => e.row === 8).message).toBe(
        '所属县区不在本人数据范围内',
      );
      const after = await t.db.query<{ count: number }>('SELECT count(*)::int AS count FROM enterprises');
      expect(after.rows[0]!.count).toBe(before.rows[0]!.count);

      const partial = await t.request({
        method: 'POST',
        url: '/api/v1/enterprises/import?validOnly=true',
        payload: file,
        headers: { 'content-type': XLSX_TYPE },
        as: countyOfficer,
      });
      expect(partial.json()).toMatchObject({ committed: true, created: 2, updated: 0, invalidRows: 5 });
      const names = (
        await t.request({
          method: 'GET',
          url: `/api/v1/enterprises?q=${encodeURIComponent('有效企业')}`,
          as: countyOfficer,
        })
      )
        .json()
        .items.map((e: { name: string }) => e.name)
        .sort();
      expect(names).toEqual(['有效企业乙', '有效企业甲']);
    });

    it('is idempotent by credit code: the same file twice creates no duplicates', async () => {
      const rows = [row({ name: '幂等测试一' }), row({ name: '幂等测试二' }), row({ name: '幂等测试三' })];
      const file = await workbook(rows);
      const send = () =>
        t.request({
          method: 'POST',
          url: '/api/v1/enterprises/import',
          payload: file,
          headers: { 'content-type': XLSX_TYPE },
          as: countyOfficer,
        });
      expect((await send()).json()).toMatchObject({ committed: true, created: 3, updated: 0, unchanged: 0 });
      expect((await send()).json()).toMatchObject({ committed: true, created: 0, updated: 0, unchanged: 3 });
      const changed = await workbook([{ ...rows[0]!, employees: 41 }, rows[1]!, rows[2]!]);
      const third = await t.request({
        method: 'POST',
        url: '/api/v1/enterprises/import',
        payload: changed,
        headers: { 'content-type': XLSX_TYPE },
        as: countyOfficer,
      });
      expect(third.json()).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
      const count = await t.db.query<{ count: number }>(
        "SELECT count(*)::int AS count FROM enterprises WHERE name LIKE '幂等测试%'",
      );
      expect(count.rows[0]!.count).toBe(3);
    });

    it('will not let an import touch an enterprise of another county', async () => {
      const foreign = (
        await t.request({
          method: 'POST',
          url: '/api/v1/enterprises',
          payload: enterpriseBody({ county: '530423', township: undefined, name: '通海原企业' }),
          as: cityOfficer,
        })
      ).json();
      const file = await workbook([row({ name: '冒名改写', creditCode: foreign.creditCode })]);
      const report = (
        await t.request({
          method: 'POST',
          url: '/api/v1/enterprises/import?validOnly=true',
          payload: file,
          headers: { 'content-type': XLSX_TYPE },
          as: countyOfficer,
        })
      ).json();
      expect(report).toMatchObject({ created: 0, updated: 0, invalidRows: 1 });
      expect(report.errors[0]).toMatchObject({ row: 2, column: '统一社会信用代码' });
      expect(
        (await t.request({ method: 'GET', url: `/api/v1/enterprises/${foreign.id}`, as: cityOfficer })).json()
          .name,
      ).toBe('通海原企业');
    });

    it('refuses a file that is not a workbook or lacks required columns', async () => {
      const notXlsx = await t.request({
        method: 'POST',
        url: '/api/v1/enterprises/import',
        payload: Buffer.from('hello'),
        headers: { 'content-type': XLSX_TYPE },
        as: countyOfficer,
      });
      expect(notXlsx.json().error.code).toBe('import.file_invalid');
      const book = new ExcelJS.Workbook();
      book.addWorksheet('x').addRow(['名称']);
      const missing = await t.request({
        method: 'POST',
        url: '/api/v1/enterprises/import',
        payload: Buffer.from(await book.xlsx.writeBuffer()),
        headers: { 'content-type': XLSX_TYPE },
        as: countyOfficer,
      });
      expect(missing.json().error.code).toBe('import.missing_columns');
    });

    it('offers a template whose example row the import skips', async () => {
      const template = await t.request({
        method: 'GET',
        url: '/api/v1/enterprises/import-template',
        as: countyOfficer,
      });
      expect(template.statusCode).toBe(200);
      const rows = await readWorkbook(template.rawPayload);
      expect(rows[0]!.slice(0, 3)).toEqual(['企业名称*', '统一社会信用代码*', '所属县（市、区）*']);
      const report = (
        await t.request({
          method: 'POST',
          url: '/api/v1/enterprises/import',
          payload: template.rawPayload,
          headers: { 'content-type': XLSX_TYPE },
          as: countyOfficer,
        })
      ).json();
      expect(report).toMatchObject({ totalRows: 0, committed: true, created: 0 });
    });
  });

  it('neutralises formulas in the export', async () => {
    await t.request({
      method: 'POST',
      url: '/api/v1/enterprises',
      payload: enterpriseBody({ name: '=HYPERLINK("http://x")公司', county: '530481', township: undefined }),
      as: cityOfficer,
    });
    const rows = await readWorkbook(
      (await t.request({ method: 'GET', url: '/api/v1/enterprises/export?county=530481', as: cityOfficer }))
        .rawPayload,
    );
    expect(rows[1]![0]).toBe(`'=HYPERLINK("http://x")公司`);
  });
});
