import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertEnterprise } from '../../../test/factories.ts';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';
import { orgId, planCallers } from './plan-test-support.ts';

/**
 * A campaign's progress by county (the map) and by unit (the table): objects, closed, verified and the
 * share verified, over the objects the caller may see; the same as Excel.
 */
describe('special campaigns: progress rolled up by county and unit', () => {
  let t: TestContext;
  let office: Caller;
  let housing: Caller;
  let campaign: string;

  const call = (method: 'GET' | 'POST', url: string, as: Caller, payload?: object) =>
    t.request({ method, url: `/api/v1${url}`, as, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    const callers = await planCallers(t, ['city-housing']);
    office = callers.office;
    housing = callers.departments[0]!.caller;
    campaign = (
      await call('POST', '/plan/campaigns', office, {
        name: '燃气安全专项整治',
        sector: '燃气',
        startDate: '2026-03-01',
        endDate: '2026-12-31',
      })
    ).json().id;
    const units = { housing: await orgId(t, 'city-housing'), ema: await orgId(t, 'city-ema') };
    // 江川区: three objects of 住建 (one verified, one closed, one open); 红塔区: one of 应急管理局.
    const objects: { county: string; unit: string; end: 'open' | 'closed' | 'verified' }[] = [
      { county: '530403', unit: units.housing, end: 'verified' },
      { county: '530403', unit: units.housing, end: 'closed' },
      { county: '530403', unit: units.housing, end: 'open' },
      { county: '530402', unit: units.ema, end: 'open' },
    ];
    for (const [i, o] of objects.entries()) {
      const enterpriseId = await insertEnterprise(t.db, {
        name: `燃气汇总企业${i}`,
        county: o.county,
        serial: 9500 + i,
      });
      const added = await call('POST', `/plan/campaigns/${campaign}/objects`, office, {
        enterpriseId,
        organisationId: o.unit,
        task: '燃气管道隐患整改',
      });
      expect(added.statusCode, added.body).toBe(201);
      const id = added.json().items.find((x: { enterpriseId: string }) => x.enterpriseId === enterpriseId).id;
      if (o.end === 'open') continue;
      expect(
        (await call('POST', `/plan/campaign-objects/${id}/close`, housing, { note: '已整改' })).statusCode,
      ).toBe(200);
      if (o.end === 'verified')
        expect(
          (await call('POST', `/plan/campaign-objects/${id}/verify`, office, { accept: true })).statusCode,
        ).toBe(200);
    }
  });
  afterAll(() => t.close());

  it('gives the 安委办 every county and unit, with the share verified', async () => {
    const rollup = (await call('GET', `/plan/campaigns/${campaign}/rollup`, office)).json();
    expect(rollup.byCounty).toHaveLength(9);
    expect(rollup.byCounty.find((c: { county: string }) => c.county === '530403')).toEqual({
      county: '530403',
      countyZh: '江川区',
      countyEn: 'Jiangchuan District',
      objects: 3,
      closed: 2,
      verified: 1,
      percent: 33,
    });
    expect(rollup.byCounty.find((c: { county: string }) => c.county === '530402')).toMatchObject({
      objects: 1,
      closed: 0,
      percent: 0,
    });
    expect(rollup.byUnit).toEqual([
      expect.objectContaining({
        organisationName: '市住房和城乡建设局',
        objects: 3,
        closed: 2,
        verified: 1,
        percent: 33,
      }),
      expect.objectContaining({
        organisationName: '市应急管理局',
        objects: 1,
        closed: 0,
        verified: 0,
        percent: 0,
      }),
    ]);
  });

  it('gives a unit only its own objects, exports the roll-up, and answers 404 for an unknown campaign', async () => {
    const own = (await call('GET', `/plan/campaigns/${campaign}/rollup`, housing)).json();
    expect(own.byUnit.map((u: { organisationName: string }) => u.organisationName)).toEqual([
      '市住房和城乡建设局',
    ]);
    expect(own.byCounty.find((c: { county: string }) => c.county === '530402').objects).toBe(0);

    const file = await call('GET', `/plan/campaigns/${campaign}/rollup/export`, office);
    expect(file.statusCode, file.body).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['按县（市、区）', '按负责单位']);
    const jiangchuan = book.worksheets[0]!.getRows(2, 9)!.find((r) => r.getCell(1).text === '江川区')!;
    expect([2, 3, 4, 5].map((c) => jiangchuan.getCell(c).text)).toEqual(['3', '2', '1', '33']);
    expect(book.worksheets[1]!.getRow(2).getCell(1).text).toBe('市住房和城乡建设局');

    const unknown = await call('GET', '/plan/campaigns/00000000-0000-4000-8000-000000000000/rollup', office);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('plan.campaign_not_found');
  });
});
