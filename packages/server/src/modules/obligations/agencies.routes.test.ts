import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSyntheticCreditCode } from '@anjian/domain';
import { insertEnterprise } from '../../../test/factories.ts';
import { readWorkbook } from '../../../test/read-workbook.ts';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';

// The test clock reads 2026-11-29 (Beijing).
describe('technical service agencies and the reports they file', () => {
  let t: TestContext;
  let county: Caller;
  let otherCounty: Caller;
  let mine: string;
  let outsideMine: string;
  const post = (url: string, payload: object, as: Caller = county) =>
    t.request({ method: 'POST', url: `/api/v1/obligations${url}`, payload, as });
  const get = (url: string, as: Caller = county) =>
    t.request({ method: 'GET', url: `/api/v1/obligations${url}`, as });
  const agency = {
    name: '云南演练安全评价有限公司',
    creditCode: generateSyntheticCreditCode(901, { divisionCode: '530102' }),
    qualification: 'safety_assessment',
    qualificationNumber: 'APJ-（滇）-901',
    fields: ['mine', 'dangerous_goods'],
    authority: '云南省应急管理厅',
    validFrom: '2022-03-01',
  };
  const report = (agencyId: string, over: object = {}) => ({
    agencyId,
    enterpriseId: mine,
    kind: 'status_assessment',
    field: 'mine',
    title: '新平演练矿业有限公司安全现状评价报告',
    reportNumber: 'APJ-2026-001',
    issuedOn: '2026-06-01',
    conclusion: 'meets',
    signers: [
      { name: '李评价', registrationNumber: 'S1' },
      { name: '王评价', registrationNumber: 'S3' },
    ],
    disclosedOn: '2026-06-05',
    disclosureUrl: 'https://example.cn/gongkai/1',
    disclosedItems: '项目名称、委托单位、结论、项目组成员、现场照片',
    ...over,
  });

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    county = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: ['530427'] } }),
    );
    otherCounty = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: ['530423'] } }),
    );
    mine = await insertEnterprise(t.db, {
      name: '新平演练矿业有限公司',
      county: '530427',
      serial: 71,
      sectors: ['non_coal_mine'],
    });
    outsideMine = await insertEnterprise(t.db, {
      name: '通海演练矿业有限公司',
      county: '530423',
      serial: 72,
      sectors: ['non_coal_mine'],
    });
  });
  afterAll(() => t.close());

  it('flags a report outside the scope signed by an assessor who had left, and counts it against the agency', async () => {
    const created = await post('/agencies', agency);
    expect(created.statusCode, created.body).toBe(201);
    // 令第1号: 5 years, to the day before the anniversary.
    expect(created.json()).toMatchObject({ validUntil: '2027-02-28', inForce: true, reportCount: 0 });
    const id = created.json().id as string;
    const again = await post('/agencies', { ...agency, qualificationNumber: 'APJ-OTHER' });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'obligations.agency_taken']);

    for (const staff of [
      { name: '李评价', role: 'assessor', registrationNumber: 'S1', registeredOn: '2022-03-01' },
      {
        name: '赵评价',
        role: 'assessor',
        registrationNumber: 'S2',
        registeredOn: '2022-03-01',
        leftOn: '2025-06-30',
      },
      { name: '王评价', role: 'assessor', registrationNumber: 'S3', registeredOn: '2023-01-01' },
    ])
      expect((await post(`/agencies/${id}/staff`, staff)).statusCode).toBe(201);
    const twice = await post(`/agencies/${id}/staff`, {
      name: '李评价',
      role: 'assessor',
      registrationNumber: 'S1',
      registeredOn: '2022-03-01',
    });
    expect([twice.statusCode, twice.json().error.code]).toEqual([409, 'obligations.agency_staff_taken']);

    const sound = await post('/agency-reports', report(id));
    expect(sound.statusCode, sound.body).toBe(201);
    expect(sound.json().flags).toEqual([]);
    const bad = await post(
      '/agency-reports',
      report(id, {
        reportNumber: 'APJ-2026-002',
        field: 'metal_smelting',
        signers: [
          { name: '李评价', registrationNumber: 'S1' },
          { name: '赵评价', registrationNumber: 'S2' },
        ],
      }),
    );
    expect(bad.json().flags).toEqual(['out_of_scope', 'unregistered_signer']);
    const duplicate = await post('/agency-reports', report(id));
    expect([duplicate.statusCode, duplicate.json().error.code]).toEqual([
      409,
      'obligations.agency_report_taken',
    ]);

    const page = await get(`/agencies/${id}`);
    expect(page.json()).toMatchObject({ staffCount: 3, reportCount: 2, flaggedReportCount: 1 });
    expect(
      page.json().reports.map((r: { reportNumber: string; flags: string[] }) => [r.reportNumber, r.flags]),
    ).toEqual([
      // Newest first, then by number.
      ['APJ-2026-001', []],
      ['APJ-2026-002', ['out_of_scope', 'unregistered_signer']],
    ]);
    const flagged = await get('/agencies?flagged=true');
    expect(flagged.json().items.map((a: { name: string }) => a.name)).toEqual(['云南演练安全评价有限公司']);
    expect((await get('/agency-reports?flagged=true')).json().items).toHaveLength(1);

    // Another county sees the agency, not this county's reports, and cannot file for a unit outside it.
    expect((await get(`/agencies/${id}`, otherCounty)).json()).toMatchObject({ reportCount: 0, reports: [] });
    expect((await get('/agencies?flagged=true', otherCounty)).json().total).toBe(0);
    const outside = await post(
      '/agency-reports',
      report(id, { reportNumber: 'X-1', enterpriseId: outsideMine }),
      otherCounty,
    );
    expect(outside.statusCode).toBe(201);
    const forbidden = await post(
      '/agency-reports',
      report(id, { reportNumber: 'X-2', enterpriseId: mine }),
      otherCounty,
    );
    expect([forbidden.statusCode, forbidden.json().error.code]).toEqual([404, 'enterprise.not_found']);

    const workbook = await get('/agencies/export');
    expect(workbook.statusCode).toBe(200);
    const rows = await readWorkbook(workbook.rawPayload);
    expect(rows[1]).toEqual([
      '云南演练安全评价有限公司',
      agency.creditCode,
      '安全评价',
      'APJ-（滇）-901',
      '矿山、危险物品生产、储存、装卸',
      '云南省应急管理厅',
      '2022-03-01',
      '2027-02-28',
      '是',
      '3',
      '2',
      '1',
      '100',
      '否',
    ]);
    const reportsBook = await readWorkbook((await get('/agency-reports/export?flagged=true')).rawPayload);
    expect(reportsBook[1]?.[14]).toBe('超出资质业务范围；签字人员未在本机构登记');
  });

  it('flags a report not disclosed within 20 days and a notice under 7 working days, until recorded in time', async () => {
    const created = await post('/agencies', {
      ...agency,
      creditCode: generateSyntheticCreditCode(903, { divisionCode: '530102' }),
      qualificationNumber: 'APJ-903',
    });
    const id = created.json().id as string;
    await post(`/agencies/${id}/staff`, {
      name: '孙评价',
      role: 'assessor',
      registrationNumber: 'S9',
      registeredOn: '2022-03-01',
    });
    await post(`/agencies/${id}/staff`, {
      name: '钱评价',
      role: 'assessor',
      registrationNumber: 'S8',
      registeredOn: '2022-03-01',
    });
    const filed = await post(
      '/agency-reports',
      report(id, {
        reportNumber: 'APJ-903-1',
        issuedOn: '2026-11-01',
        signers: [
          { name: '孙评价', registrationNumber: 'S9' },
          { name: '钱评价', registrationNumber: 'S8' },
        ],
        disclosedOn: undefined,
        disclosureUrl: undefined,
        disclosedItems: undefined,
        // Five calendar days, three working days, before the work on site.
        onsiteFrom: '2026-12-10',
        noticeOn: '2026-12-05',
      }),
    );
    expect(filed.statusCode, filed.body).toBe(201);
    // Today (2026-11-29) is past 2026-11-21, the last day to publish.
    expect(filed.json().flags).toEqual(['not_disclosed', 'late_notice']);
    const reportId = filed.json().id as string;

    const put = (path: string, payload: object, as: Caller = county) =>
      t.request({
        method: 'PUT',
        url: `/api/v1/obligations/agency-reports/${reportId}/${path}`,
        payload,
        as,
      });
    const disclosure = {
      disclosedOn: '2026-11-20',
      disclosureUrl: 'https://example.cn/gongkai/903',
      disclosedItems: '项目名称、委托单位、结论、项目组成员、现场照片',
    };
    expect((await put('disclosure', disclosure, otherCounty)).statusCode).toBe(404);
    const disclosed = await put('disclosure', disclosure);
    expect([disclosed.statusCode, disclosed.json().flags]).toEqual([200, ['late_notice']]);
    const early = await put('disclosure', { ...disclosure, disclosedOn: '2026-10-31' });
    expect([early.statusCode, early.json().error.code]).toEqual([400, 'obligations.dates_out_of_order']);
    // 2026-11-27 (Friday) + 7 working days = 2026-12-08, before the work on 12-10.
    const noticed = await put('notice', { onsiteFrom: '2026-12-10', noticeOn: '2026-11-27' });
    expect(noticed.json()).toMatchObject({ flags: [], noticeOn: '2026-11-27', disclosedOn: '2026-11-20' });
  });

  it('refuses dates out of order and writes nothing', async () => {
    const bad = await post('/agencies', {
      ...agency,
      creditCode: generateSyntheticCreditCode(902, { divisionCode: '530102' }),
      qualificationNumber: 'APJ-902',
      validUntil: '2021-01-01',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0]).toMatchObject({ code: 'obligations.dates_out_of_order' });
    expect((await get('/agencies?q=APJ-902')).json().total).toBe(0);
  });
});
