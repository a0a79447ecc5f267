import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';
import { orgId, planCallers } from './plan-test-support.ts';

describe('yearly assessment (目标责任考核) and special campaigns (专项整治)', () => {
  let t: TestContext;
  let office: Caller;
  let housing: Caller;
  let transport: Caller;

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, as: Caller, payload?: object) =>
    t.request({ method, url: `/api/v1${url}`, as, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    const callers = await planCallers(t, ['city-housing', 'city-transport']);
    office = callers.office;
    [housing, transport] = callers.departments.map((d) => d.caller) as [Caller, Caller];
  });
  afterAll(() => t.close());

  it('scores counties, ranks them with ties and a veto, and exports the ranking', async () => {
    const counties = ['county-530402', 'county-530403', 'county-530423', 'county-530424'];
    const ids = await Promise.all(counties.map((code) => orgId(t, code)));
    const bad = await call('POST', '/plan/assessments', office, {
      year: 2026,
      name: '2026年度安全生产目标责任考核',
      items: [{ code: 'duty', name: '责任落实', maxScore: 60 }],
      organisationIds: ids,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('plan.assessment_weights');
    const created = await call('POST', '/plan/assessments', office, {
      year: 2026,
      name: '2026年度安全生产目标责任考核',
      items: [
        { code: 'duty', name: '责任落实', maxScore: 60 },
        { code: 'hazards', name: '隐患治理', maxScore: 40 },
      ],
      organisationIds: ids,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const score = (index: number, scores: object, veto: string | null = null) =>
      call('PUT', `/plan/assessments/${id}/scores`, office, { organisationId: ids[index], scores, veto });
    expect((await score(0, { duty: 55, hazards: 37.5 })).statusCode).toBe(200);
    expect((await score(1, { duty: 50, hazards: 35 })).statusCode).toBe(200);
    expect((await score(2, { duty: 45, hazards: 40 })).statusCode).toBe(200);
    const vetoed = await score(3, { duty: 60, hazards: 40 }, '发生较大生产安全事故');
    const out = await score(1, { duty: 61 });
    expect(out.statusCode).toBe(400);
    expect(out.json().error.code).toBe('plan.score_out_of_range');
    expect((await score(1, { unknown: 1 })).json().error.code).toBe('plan.score_out_of_range');
    expect(
      (await call('PUT', `/plan/assessments/${id}/scores`, housing, { organisationId: ids[0], scores: {} }))
        .statusCode,
    ).toBe(403);
    expect(
      vetoed
        .json()
        .units.map((u: { organisationName: string; total: number; rank: number; grade: string }) => [
          u.organisationName,
          u.total,
          u.rank,
          u.grade,
        ]),
    ).toEqual([
      ['红塔区人民政府', 92.5, 1, 'excellent'],
      ['江川区人民政府', 85, 2, 'good'],
      ['通海县人民政府', 85, 2, 'good'],
      ['华宁县人民政府', 100, 4, 'fail'],
    ]);
    const exported = await call('GET', `/plan/assessments/${id}/export`, housing);
    expect(exported.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '名次',
      '单位',
      '责任落实（60分）',
      '隐患治理（40分）',
      '自评总分',
      '总分',
      '等次',
      '一票否决',
      '自动否决撤销理由',
      '评语',
    ]);
    expect(sheet.getRow(5).values).toEqual([
      undefined,
      4,
      '华宁县人民政府',
      60,
      40,
      undefined,
      100,
      '不合格',
      '发生较大生产安全事故',
      '',
      '',
    ]);
  });

  it('a campaign object is closed by its unit with evidence checks and verified by the 安委办', async () => {
    const enterprise = await t.db.query<{ id: string }>(
      `INSERT INTO enterprises (name, credit_code, county, created_at, updated_at)
       VALUES ('玉溪某建筑公司', '91530400MA0000001X', '530402', now(), now()) RETURNING id`,
    );
    const created = await call('POST', '/plan/campaigns', office, {
      name: '建筑施工安全专项整治',
      sector: '建筑业',
      startDate: '2026-03-01',
      endDate: '2026-12-31',
    });
    expect(created.statusCode, created.body).toBe(201);
    const campaign = created.json().id;
    const backwards = await call('POST', '/plan/campaigns', office, {
      name: '倒序',
      startDate: '2026-03-01',
      endDate: '2026-01-01',
    });
    expect(backwards.json().error.code).toBe('plan.campaign_dates');
    // The 安委办 has no registry permission, yet finds the enterprise by name or credit code.
    expect((await call('GET', '/enterprises?q=建筑', office)).statusCode).toBe(403);
    for (const q of ['某建筑', '91530400MA0000001']) {
      const options = await call(
        'GET',
        `/plan/campaigns/enterprise-options?q=${encodeURIComponent(q)}`,
        office,
      );
      expect(options.json()).toEqual([
        {
          id: enterprise.rows[0]!.id,
          name: '玉溪某建筑公司',
          creditCode: '91530400MA0000001X',
          county: '530402',
        },
      ]);
    }
    expect((await call('GET', '/plan/campaigns/enterprise-options?q=建筑', housing)).statusCode).toBe(403);
    const added = await call('POST', `/plan/campaigns/${campaign}/objects`, office, {
      enterpriseId: enterprise.rows[0]!.id,
      organisationId: await orgId(t, 'city-housing'),
      task: '塔吊安全隐患整改',
    });
    expect(added.statusCode, added.body).toBe(201);
    const object = added.json().items[0];
    expect(object).toMatchObject({ enterpriseName: '玉溪某建筑公司', status: 'open', allowedActions: [] });

    expect((await call('GET', `/plan/campaigns/${campaign}`, transport)).json().items).toEqual([]);
    expect(
      (await call('POST', `/plan/campaign-objects/${object.id}/close`, transport, { note: '已整改' }))
        .statusCode,
    ).toBe(404);
    const early = await call('POST', `/plan/campaign-objects/${object.id}/verify`, office, { accept: true });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('plan.object_wrong_status');

    const closed = await call('POST', `/plan/campaign-objects/${object.id}/close`, housing, {
      note: '塔吊已更换并检测合格',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().items[0]).toMatchObject({ status: 'closed', allowedActions: [] });
    const sentBack = await call('POST', `/plan/campaign-objects/${object.id}/verify`, office, {
      accept: false,
      note: '缺检测报告',
    });
    expect(sentBack.json().items[0]).toMatchObject({ status: 'open', verifyNote: '缺检测报告' });
    await call('POST', `/plan/campaign-objects/${object.id}/close`, housing, { note: '已补检测报告' });
    const verified = await call('POST', `/plan/campaign-objects/${object.id}/verify`, office, {
      accept: true,
    });
    expect(verified.json()).toMatchObject({ objects: 1, verified: 1 });
    expect(verified.json().items[0]).toMatchObject({ status: 'verified', allowedActions: [] });
  });
});
