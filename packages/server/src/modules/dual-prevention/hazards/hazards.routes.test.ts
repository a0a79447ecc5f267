import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Caller, type TestContext } from '../../../../test/test-app.ts';
import { insertEnterprise } from '../../../../test/factories.ts';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe('hidden hazards: the closed loop', () => {
  let t: TestContext;
  let enterpriseId: string;
  let manager: Caller;
  let officer: Caller;
  let otherCounty: Caller;
  let cityOfficer: Caller;

  const upload = async (as: Caller) =>
    (
      await t.request({
        method: 'POST',
        url: '/api/v1/uploads',
        payload: PNG,
        headers: { 'content-type': 'image/png' },
        as,
      })
    ).json().id as string;
  const act = (id: string, body: object, as: Caller) =>
    t.request({ method: 'POST', url: `/api/v1/hazards/${id}/actions`, payload: body, as });

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    enterpriseId = await insertEnterprise(t.db, {
      name: '江川化工有限公司',
      county: '530403',
      serial: 555,
      lon: 102.75,
      lat: 24.29,
    });
    manager = await t.sessionFor(
      await t.createUser({
        roles: ['enterprise_manager'],
        scope: { kind: 'enterprise', enterpriseId, county: '530403' },
      }),
    );
    officer = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: ['530403'] } }),
    );
    otherCounty = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: ['530423'] } }),
    );
    cityOfficer = await t.sessionFor(
      await t.createUser({ roles: ['city_officer'], scope: { kind: 'city' } }),
    );
  });
  afterAll(() => t.close());

  it('runs a major hazard from report to closure: criterion, 挂牌督办, plan, rectification, acceptance', async () => {
    const photo = await upload(manager);
    const reported = await t.request({
      method: 'POST',
      url: '/api/v1/hazards',
      payload: {
        enterpriseId,
        source: 'self_check',
        location: { text: '二车间东侧液氯储罐区' },
        description: '液氯储罐区未设置泄漏检测报警装置',
        category: '19',
        tickedCriteria: ['hc-01'],
        photos: [photo],
      },
      as: manager,
    });
    expect(reported.statusCode).toBe(201);
    const hazard = reported.json();
    expect(hazard).toMatchObject({
      level: 'major',
      status: 'reported',
      county: '530403',
      enterpriseName: '江川化工有限公司',
      photos: [photo],
    });
    expect(hazard.criteria.map((c: { code: string }) => c.code)).toEqual(['hc-01']);
    expect(hazard.location.lonLat).toEqual([102.75, 24.29]);
    // Each caller is told the steps they can take now; the pages show only these.
    expect(hazard.allowedActions).toEqual(['submit_plan']);
    const asSeenBy = async (as: Caller) =>
      (await t.request({ method: 'GET', url: `/api/v1/hazards/${hazard.id}`, as })).json().allowedActions;
    expect(await asSeenBy(officer)).toEqual(['list_supervision', 'dismiss']);
    expect(await asSeenBy(cityOfficer)).toEqual(['list_supervision', 'dismiss']);
    const listedAnswer = (await t.request({ method: 'GET', url: '/api/v1/hazards', as: manager })).json();
    expect(listedAnswer.items.find((h: { id: string }) => h.id === hazard.id).allowedActions).toEqual([
      'submit_plan',
    ]);

    const listed = await act(
      hazard.id,
      { action: 'list_supervision', documentNo: '江应急督〔2026〕3号' },
      officer,
    );
    expect(listed.statusCode).toBe(200);
    expect(listed.json().supervision).toMatchObject({ level: 'county', documentNo: '江应急督〔2026〕3号' });
    expect(listed.json().allowedActions).toEqual(['dismiss', 'review_supervision']);
    expect(await asSeenBy(cityOfficer)).toEqual(['list_supervision', 'dismiss']);
    const supervised = (
      await t.request({ method: 'GET', url: '/api/v1/hazards?supervised=true', as: officer })
    ).json();
    expect(supervised.items.map((h: { id: string }) => h.id)).toEqual([hazard.id]);

    const incomplete = await act(
      hazard.id,
      { action: 'submit_plan', plan: { responsiblePerson: '王安全', deadline: '2026-12-31' } },
      manager,
    );
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().error.code).toBe('hazard.plan_incomplete');
    const plan = {
      responsiblePerson: '王安全',
      responsibleOrganisation: '设备部',
      measures: '加装氯气泄漏检测报警仪并联锁吸收装置',
      funds: { amountYuan: '120000.00', source: '企业安全生产费用' },
      deadline: '2026-12-31',
      contingencyPlan: '整改期间每两小时人工巡检，备妥正压式空气呼吸器',
      objectives: '泄漏可在 30 秒内报警并联锁处置',
    };
    const planned = await act(hazard.id, { action: 'submit_plan', plan }, manager);
    expect(planned.json()).toMatchObject({ status: 'rectifying', deadline: '2026-12-31' });
    expect((await act(hazard.id, { action: 'accept' }, officer)).json().error.code).toBe(
      'hazard.illegal_transition',
    );

    const after = await upload(manager);
    const report = await upload(manager);
    const submitted = await act(
      hazard.id,
      {
        action: 'submit_rectification',
        description: '已加装报警仪并完成联锁调试',
        photos: [after],
        evaluationReport: report,
      },
      manager,
    );
    expect(submitted.json().status).toBe('pending_acceptance');
    const byEnterprise = await act(hazard.id, { action: 'accept' }, manager);
    expect(byEnterprise.statusCode).toBe(403);
    const accepted = await act(
      hazard.id,
      { action: 'accept', opinion: '现场核查整改到位，同意销号' },
      officer,
    );
    expect(accepted.json()).toMatchObject({ status: 'closed' });
    expect(
      accepted.json().timeline.map((e: { action: string; to: string }) => `${e.action}→${e.to}`),
    ).toEqual([
      'report→reported',
      'list_supervision→reported',
      'submit_plan→rectifying',
      'submit_rectification→pending_acceptance',
      'accept→closed',
    ]);

    const stats = (await t.request({ method: 'GET', url: '/api/v1/hazards/statistics', as: officer })).json();
    expect(stats.byStatus.closed).toEqual({ general: 0, major: 1, total: 1 });
    expect(stats.open.total).toBe(0);
  });

  it('keeps hazards inside the scope: other counties see nothing, the city sees all', async () => {
    const hazard = (
      await t.request({
        method: 'POST',
        url: '/api/v1/hazards',
        payload: {
          enterpriseId,
          source: 'inspection',
          location: { text: '配电室' },
          description: '配电室门口未设挡鼠板',
          category: '13',
        },
        as: officer,
      })
    ).json();
    expect(hazard.level).toBe('general');
    expect(
      (await t.request({ method: 'GET', url: `/api/v1/hazards/${hazard.id}`, as: otherCounty })).statusCode,
    ).toBe(404);
    expect((await t.request({ method: 'GET', url: '/api/v1/hazards', as: otherCounty })).json().total).toBe(
      0,
    );
    expect((await act(hazard.id, { action: 'dismiss', reason: '不属实' }, otherCounty)).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: '/api/v1/hazards', as: cityOfficer })).json().total).toBe(
      2,
    );
    const foreign = await t.request({
      method: 'POST',
      url: '/api/v1/hazards',
      payload: {
        enterpriseId,
        source: 'inspection',
        location: { text: '仓库' },
        description: '越权登记的隐患',
        category: '13',
      },
      as: otherCounty,
    });
    expect(foreign.json().error.code).toBe('enterprise.not_found');
  });

  it('refuses an unknown criterion and a photo of another county', async () => {
    const unknown = await t.request({
      method: 'POST',
      url: '/api/v1/hazards',
      payload: {
        enterpriseId,
        source: 'self_check',
        location: { text: '罐区' },
        description: '未知判定标准测试',
        category: '19',
        tickedCriteria: ['hc-99'],
      },
      as: manager,
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('hazard.unknown_criterion');
    const foreignPhoto = (
      await t.request({
        method: 'POST',
        url: '/api/v1/uploads?county=530423',
        payload: PNG,
        headers: { 'content-type': 'image/png' },
        as: cityOfficer,
      })
    ).json().id;
    const withPhoto = await t.request({
      method: 'POST',
      url: '/api/v1/hazards',
      payload: {
        enterpriseId,
        source: 'inspection',
        location: { text: '罐区' },
        description: '照片县区不符测试',
        category: '19',
        photos: [foreignPhoto],
      },
      as: cityOfficer,
    });
    expect(withPhoto.statusCode).toBe(400);
    expect(withPhoto.json().error.fields[0].path).toBe('photos.0');
  });
});
