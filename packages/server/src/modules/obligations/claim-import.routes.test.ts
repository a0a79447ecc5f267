import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertEnterprise, insertIncident } from '../../../test/factories.ts';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';
import { XLSX_TYPE } from '../../platform/office/index.ts';
import { claimWorkbook } from './obligations-import-test-support.ts';

// The test clock reads 2026-11-29 (Beijing).
describe('importing 安责险 claims from Excel, each matched to its incident by enterprise and day', () => {
  let t: TestContext;
  let county: Caller;
  let inspector: Caller;
  let userId: string;
  let mine: string;
  let firstAccident: string;
  let secondShaft: string;

  const upload = (file: Buffer, as: Caller = county) =>
    t.request({
      method: 'POST',
      url: '/api/v1/obligations/claims/import',
      headers: { 'content-type': XLSX_TYPE, 'accept-language': 'zh-CN' },
      payload: file,
      as,
    });
  const incident = (enterpriseId: string, occurredAt: string, location: string, inCounty = '530424') =>
    insertIncident(t.db, {
      county: inCounty,
      createdBy: userId,
      occurredAt,
      enterpriseId,
      location,
      description: '理赔导入测试事故',
    });
  const policy = (enterpriseId: string, policyNumber: string, as: Caller = county) =>
    t.request({
      method: 'POST',
      url: '/api/v1/obligations/policies',
      payload: {
        enterpriseId,
        insurer: '中国人民财产保险股份有限公司玉溪市分公司',
        policyNumber,
        startsOn: '2026-03-01',
        endsOn: '2027-02-28',
        insuredPersons: 100,
        perPersonYuan: 400000,
        premiumYuan: 50000,
      },
      as,
    });
  const claims = async () =>
    (
      await t.db.query<Record<string, unknown>>(
        `SELECT claim_number, incident_id, incident_on::text, status, accepted_on::text, paid_on::text,
                paid_yuan::float8, claimed_yuan::float8 FROM obligation_claims ORDER BY claim_number`,
      )
    ).rows;
  const good = {
    policyNumber: 'PICC-IMPORT-2026',
    claimNumber: 'LP-IMPORT-01',
    incidentOn: '2026-10-10',
    reportedOn: '2026-10-12',
    deaths: 0,
    injuries: 2,
    claimedYuan: 180000,
    status: '已赔付',
    acceptedOn: '2026-10-20',
    paidOn: '2026-11-05',
    paidYuan: 150000,
  };

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    const user = await t.createUser({
      roles: ['county_officer'],
      scope: { kind: 'county', counties: ['530424'] },
    });
    userId = user.id;
    county = await t.sessionFor(user);
    inspector = await t.sessionFor(
      await t.createUser({ roles: ['inspector'], scope: { kind: 'county', counties: ['530424'] } }),
    );
    const city = await t.sessionFor(await t.createUser({ roles: ['city_officer'], scope: { kind: 'city' } }));
    mine = await insertEnterprise(t.db, { name: '华宁理赔导入矿业有限公司', county: '530424', serial: 191 });
    const far = await insertEnterprise(t.db, {
      name: '通海理赔导入化工有限公司',
      county: '530423',
      serial: 192,
    });
    expect((await policy(mine, 'PICC-IMPORT-2026')).statusCode).toBe(201);
    expect((await policy(far, 'PICC-FAR-2026', city)).statusCode).toBe(201);
    // 17:30 UTC on 9 October is 01:30 on 10 October in Beijing: the day the sheet names.
    firstAccident = await incident(mine, '2026-10-09T17:30:00Z', '华宁主井井口');
    await incident(mine, '2026-10-20T02:00:00Z', '一号斜井');
    secondShaft = await incident(mine, '2026-10-20T06:00:00Z', '二号斜井');
    await incident(far, '2026-10-10T02:00:00Z', '通海厂区', '530423');
  });
  afterAll(() => t.close());

  it('gives the template; untouched it imports nothing; an inspector may neither download nor import', async () => {
    const template = await t.request({
      method: 'GET',
      url: '/api/v1/obligations/claims/import-template',
      as: county,
    });
    expect(template.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    expect((book.worksheets[0]!.getRow(1).values as unknown[]).slice(1)).toEqual([
      '保单号*',
      '理赔案件号*',
      '事故日期*',
      '事故地点',
      '报案日期*',
      '死亡人数*',
      '受伤人数*',
      '索赔金额（元）*',
      '案件状态',
      '受理日期',
      '赔付日期',
      '赔付金额（元）',
      '拒赔日期',
      '拒赔理由',
    ]);
    expect(book.worksheets[1]!.name).toBe('填写说明');
    expect((await upload(template.rawPayload)).json()).toMatchObject({ totalRows: 0, created: 0, errors: 0 });
    const refused = await t.request({
      method: 'GET',
      url: '/api/v1/obligations/claims/import-template',
      as: inspector,
    });
    expect(refused.statusCode).toBe(403);
    expect((await upload(template.rawPayload, inspector)).statusCode).toBe(403);
    expect(await claims()).toEqual([]);
  });

  it('stores the good rows with their incident and steps, refuses the others row by row, and skips them on a second import', async () => {
    const file = await claimWorkbook([
      good,
      { ...good, claimNumber: 'LP-IMPORT-02', incidentOn: '2026-10-11', status: null },
      {
        ...good,
        claimNumber: 'LP-IMPORT-03',
        incidentOn: '2026-10-20',
        reportedOn: '2026-10-21',
        status: null,
      },
      {
        ...good,
        claimNumber: 'LP-IMPORT-04',
        incidentOn: '2026-10-20',
        incidentPlace: '二号',
        reportedOn: '2026-10-21',
        status: '拒赔',
        acceptedOn: null,
        paidOn: null,
        paidYuan: null,
        rejectedOn: '2026-10-25',
        rejectionReason: '不属于保险责任范围',
      },
      { ...good, claimNumber: 'LP-IMPORT-05', incidentOn: '2026-02-20', reportedOn: '2026-02-21' },
      { ...good, claimNumber: 'LP-IMPORT-06', claimedYuan: '十八万' },
      { ...good, claimNumber: 'LP-IMPORT-07', policyNumber: 'PICC-FAR-2026' },
      { ...good, claimNumber: 'LP-IMPORT-08', acceptedOn: '2026-10-11' },
      { ...good, claimNumber: 'LP-IMPORT-09', paidOn: null },
      {
        ...good,
        claimNumber: 'LP-IMPORT-10',
        incidentOn: '2026-10-20',
        incidentPlace: '三号',
        reportedOn: '2026-10-21',
        status: null,
      },
    ]);
    const first = await upload(file);
    expect(first.statusCode, first.body).toBe(200);
    const report = first.json();
    expect(report).toMatchObject({ totalRows: 10, created: 2, updated: 0, skipped: 0, errors: 8 });
    expect(
      report.rows.map((r: { row: number; outcome: string; reason: string }) => [r.row, r.outcome, r.reason]),
    ).toEqual([
      [2, 'created', '已登记华宁理赔导入矿业有限公司的理赔（华宁主井井口）'],
      [3, 'error', '事故日期：未找到该企业当日的事故'],
      [4, 'error', '事故日期：该企业当日有多起事故，请在“事故地点”列填写地点以区分'],
      [5, 'created', '已登记华宁理赔导入矿业有限公司的理赔（二号斜井）'],
      [6, 'error', '事故日期不在该保单的保险期间（2026-03-01 至 2027-02-28）内'],
      [7, 'error', '索赔金额（元）应为 0–1000000000 的最多 2 位小数的数：十八万'],
      [8, 'error', '保单号未登记或不在本人数据范围内：PICC-FAR-2026'],
      [9, 'error', '受理日期不能早于报案日期'],
      [10, 'error', '案件状态为已赔付时，赔付日期必填'],
      [11, 'error', '事故地点：未找到该企业当日在该地点的事故'],
    ]);
    expect(await claims()).toEqual([
      {
        claim_number: 'LP-IMPORT-01',
        incident_id: firstAccident,
        incident_on: '2026-10-10',
        status: 'paid',
        accepted_on: '2026-10-20',
        paid_on: '2026-11-05',
        paid_yuan: 150000,
        claimed_yuan: 180000,
      },
      {
        claim_number: 'LP-IMPORT-04',
        incident_id: secondShaft,
        incident_on: '2026-10-20',
        status: 'rejected',
        accepted_on: null,
        paid_on: null,
        paid_yuan: null,
        claimed_yuan: 180000,
      },
    ]);
    const again = (await upload(file)).json();
    expect(again).toMatchObject({ created: 0, skipped: 2, errors: 8 });
    expect(await claims()).toHaveLength(2);
  });
});
