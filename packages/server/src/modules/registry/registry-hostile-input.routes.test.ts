import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSyntheticCreditCode } from '@anjian/domain';
import { englishWord, hostileCells, hostileValues } from '../../../test/hostile-values.ts';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';
import { enterpriseColumns } from './enterprises/enterprise-columns.ts';
import { XLSX_TYPE } from '../../platform/office/index.ts';

let serial = 40_000;
const code = () => generateSyntheticCreditCode(serial++, { divisionCode: '530403' });

const enterpriseBody = () => ({
  name: '玉溪模糊测试化工有限公司',
  creditCode: code(),
  county: '530403',
  township: '530403101',
  address: '江川区江城镇测试路1号',
  location: { lon: 102.75, lat: 24.29 },
  locationApproximate: false,
  industryCode: 'C2614',
  sectors: ['hazchem_production'],
  scale: 'medium',
  employees: 120,
  legalRepresentative: { name: '李法人', phone: '13700001111' },
  principal: { name: '张负责', phone: '0877-2012345' },
  safetyManager: { name: '王安全', phone: '13812345678' },
  licences: [{ type: 'safety_production', number: '（云）WH安许证字〔2024〕0001', validUntil: '2027-01-15' }],
  status: 'operating',
  keyTags: ['plan6_hazchem'],
  responsibleDepartment: 'emergency',
});

const enterprisePaths = [
  'name',
  'creditCode',
  'county',
  'township',
  'address',
  'location',
  'location.lon',
  'location.lat',
  'locationApproximate',
  'industryCode',
  'sectors',
  'sectors.0',
  'scale',
  'employees',
  'legalRepresentative',
  'legalRepresentative.name',
  'legalRepresentative.phone',
  'principal.phone',
  'safetyManager',
  'licences',
  'licences.0',
  'licences.0.type',
  'licences.0.number',
  'licences.0.validUntil',
  'status',
  'keyTags',
  'keyTags.0',
  'responsibleDepartment',
];

/** A copy of `body` with the value at a dotted path replaced. */
function withValue(body: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(body);
  const keys = path.split('.');
  let target = copy as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
  target[keys.at(-1)!] = value;
  return copy;
}

interface Answer {
  statusCode: number;
  json: () => {
    error?: { code?: string; message?: string; fields?: { path: string; code: string; message: string }[] };
  };
}

/** Every answer is a success or a 4xx with a stable code and Chinese messages; never a 5xx. */
function expectHandled(answer: Answer, label: string) {
  expect(answer.statusCode, label).toBeLessThan(500);
  if (answer.statusCode < 400) return;
  const { error } = answer.json();
  expect(error?.code, label).toMatch(/^[a-z_]+\.[a-z_]+$/);
  // Unknown keys are named as the API spells them; every other message is in Chinese words.
  for (const field of (error?.fields ?? []).filter((f) => f.code !== 'unrecognized_keys'))
    expect(field.message, `${label}: ${field.message}`).not.toMatch(englishWord);
}

describe('registry: hostile values never crash, and every message is Chinese by default', () => {
  let t: TestContext;
  let city: Caller;
  let enterpriseId: string;

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    city = await t.sessionFor(await t.createUser({ roles: ['city_officer'], scope: { kind: 'city' } }));
    const created = await t.request({
      method: 'POST',
      url: '/api/v1/enterprises',
      payload: enterpriseBody(),
      as: city,
    });
    expect(created.statusCode).toBe(201);
    enterpriseId = created.json().id;
  }, 60_000);
  afterAll(() => t.close());

  it('accepts a bare GB/T 4754 class code and stores its canonical form; refuses an unknown one on the field', async () => {
    const bare = await t.request({
      method: 'POST',
      url: '/api/v1/enterprises',
      payload: { ...enterpriseBody(), industryCode: '2614' },
      as: city,
    });
    expect([bare.statusCode, bare.json().industryCode]).toEqual([201, 'C2614']);
    const changed = await t.request({
      method: 'PATCH',
      url: `/api/v1/enterprises/${enterpriseId}`,
      payload: { industryCode: '４４１１' },
      as: city,
    });
    expect([changed.statusCode, changed.json().industryCode]).toEqual([200, 'D4411']);
    for (const [language, words] of [
      ['zh-CN', '国民经济行业代码不正确'],
      ['en', 'Not a valid industry code'],
    ] as const) {
      const unknown = await t.request({
        method: 'POST',
        url: '/api/v1/enterprises',
        headers: { 'accept-language': language },
        payload: { ...enterpriseBody(), industryCode: 'Z9999' },
        as: city,
      });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().error.fields).toEqual([
        {
          path: 'industryCode',
          code: 'registry.industry_code_invalid',
          message: expect.stringContaining(words),
        },
      ]);
    }
  });

  it('answers the credit-code problem in the request language', async () => {
    const body = { ...enterpriseBody(), creditCode: '91530403MA6K00014X' };
    const zh = await t.request({ method: 'POST', url: '/api/v1/enterprises', payload: body, as: city });
    expect(zh.json().error.fields[0]).toMatchObject({
      path: 'creditCode',
      code: 'registry.credit_code_check_char',
    });
    expect(zh.json().error.fields[0].message).toMatch(
      /^统一社会信用代码校验位（第 18 位）不正确：按前 17 位应为 [0-9A-Y]$/,
    );
    const en = await t.request({
      method: 'POST',
      url: '/api/v1/enterprises',
      headers: { 'accept-language': 'en' },
      payload: body,
      as: city,
    });
    expect(en.json().error.fields[0].message).toMatch(/^The check character \(18th\)/);
  });

  it('creates and updates enterprises with every hostile value in every field: 2xx or 4xx, never 5xx', async () => {
    for (const path of enterprisePaths) {
      for (const value of hostileValues) {
        const label = `${path} = ${JSON.stringify(value)?.slice(0, 40)}`;
        const created = await t.request({
          method: 'POST',
          url: '/api/v1/enterprises',
          payload: withValue(enterpriseBody(), path, value),
          as: city,
        });
        expectHandled(created, `create ${label}`);
        const top = path.split('.')[0]!;
        const update = withValue({ [top]: structuredClone(enterpriseBody()[top as 'name']) }, path, value);
        const updated = await t.request({
          method: 'PATCH',
          url: `/api/v1/enterprises/${enterpriseId}`,
          payload: update,
          as: city,
        });
        expectHandled(updated, `update ${label}`);
      }
    }
  }, 300_000);

  it('reports hostile import cells per row and still imports the valid rows with validOnly', async () => {
    const valid = (name: string) => ({
      name,
      creditCode: code(),
      county: '江川区',
      township: '前卫镇',
      industryCode: '2614',
      sectors: '机械',
      scale: '小型',
      employees: 40,
      status: '在营',
      department: '应急管理局',
    });
    const rows: Record<string, string | number | boolean | Date>[] = [valid('模糊导入有效企业一')];
    for (const column of enterpriseColumns) {
      for (const cell of hostileCells) rows.push({ ...valid(`模糊导入 ${column.key}`), [column.key]: cell });
    }
    rows.push(valid('模糊导入有效企业二'));
    rows.push({ ...valid('模糊导入行业代码错误'), industryCode: 'Z9999' });
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('企业信息');
    sheet.addRow(enterpriseColumns.map((c) => (c.required ? `${c.header}*` : c.header)));
    for (const row of rows) sheet.addRow(enterpriseColumns.map((c) => row[c.key] ?? null));
    const file = Buffer.from(await book.xlsx.writeBuffer());

    const imported = await t.request({
      method: 'POST',
      url: '/api/v1/enterprises/import?validOnly=true',
      payload: file,
      headers: { 'content-type': XLSX_TYPE },
      as: city,
    });
    expect(imported.statusCode).toBe(200);
    const report = imported.json() as {
      committed: boolean;
      totalRows: number;
      created: number;
      updated: number;
      unchanged: number;
      invalidRows: number;
      errors: { row: number; column: string; message: string }[];
    };
    expect(report.committed).toBe(true);
    expect(report.created + report.updated + report.unchanged + report.invalidRows).toBe(report.totalRows);
    for (const error of report.errors) {
      // A message may quote the cell after its colon (shortened); the words before it are Chinese.
      expect(error.message.split('：')[0], `row ${error.row}: ${error.message}`).not.toMatch(englishWord);
      expect(error.message.length, `row ${error.row}`).toBeLessThan(300);
    }
    const lastRow = rows.length + 1; // Excel row of the Z9999 row (row 1 is the header)
    expect(report.errors.filter((e) => e.row === lastRow)).toEqual([
      {
        row: lastRow,
        column: '国民经济行业代码',
        message: expect.stringContaining('国民经济行业代码不正确'),
      },
    ]);
    const names = (
      await t.request({
        method: 'GET',
        url: `/api/v1/enterprises?q=${encodeURIComponent('模糊导入有效企业')}`,
        as: city,
      })
    )
      .json()
      .items.map((e: { name: string; industryCode: string }) => [e.name, e.industryCode])
      .sort();
    expect(names).toEqual([
      ['模糊导入有效企业一', 'C2614'],
      ['模糊导入有效企业二', 'C2614'],
    ]);
  }, 120_000);

  it('creates and updates regulated objects with every hostile value in every field', async () => {
    const objectBodies = (): Record<string, Record<string, unknown>> => ({
      major_hazard_source: {
        kind: 'major_hazard_source',
        name: '模糊测试罐区',
        enterpriseId,
        county: '530403',
        location: { lon: 102.75, lat: 24.29 },
        level: 2,
        units: ['罐区一'],
        notes: '演示',
      },
      tailings_pond: {
        kind: 'tailings_pond',
        name: '模糊测试尾矿库',
        enterpriseId,
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
    const first = await t.request({
      method: 'POST',
      url: '/api/v1/objects',
      payload: objectBodies().major_hazard_source,
      as: city,
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
          const created = await t.request({
            method: 'POST',
            url: '/api/v1/objects',
            payload: withValue(objectBodies()[kind]!, path, value),
            as: city,
          });
          expectHandled(created, `create ${label}`);
          if (kind !== 'major_hazard_source') continue;
          const updated = await t.request({
            method: 'PUT',
            url: `/api/v1/objects/${objectId}`,
            payload: withValue(objectBodies()[kind]!, path, value),
            as: city,
          });
          expectHandled(updated, `update ${label}`);
        }
      }
    }
  }, 300_000);
});
