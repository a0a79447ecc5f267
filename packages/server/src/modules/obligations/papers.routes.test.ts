import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertEnterprise } from '../../../test/factories.ts';
import { readWorkbook } from '../../../test/read-workbook.ts';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';

// The test clock reads 2026-11-29 (Beijing).
describe('insurance coverage, licence applications and 三同时 projects', () => {
  let t: TestContext;
  let county: Caller;
  let otherCounty: Caller;
  let mine: string;
  let insuredMine: string;
  const post = (url: string, payload: object, as: Caller = county) =>
    t.request({ method: 'POST', url: `/api/v1/obligations${url}`, payload, as });
  const get = (url: string, as: Caller = county) =>
    t.request({ method: 'GET', url: `/api/v1/obligations${url}`, as });

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
      serial: 51,
      sectors: ['non_coal_mine'],
    });
    insuredMine = await insertEnterprise(t.db, {
      name: '新平投保矿业有限公司',
      county: '530427',
      serial: 52,
      sectors: ['non_coal_mine'],
    });
    await insertEnterprise(t.db, {
      name: '新平商贸有限公司',
      county: '530427',
      serial: 53,
      sectors: ['commerce'],
    });
  });
  afterAll(() => t.close());

  it('lists an uninsured high-risk enterprise on the coverage list and drops it once a sufficient policy is in force', async () => {
    const policy = {
      enterpriseId: insuredMine,
      insurer: '中国人民财产保险股份有限公司玉溪市分公司',
      policyNumber: 'PICC5304272026001',
      startsOn: '2026-03-01',
      endsOn: '2027-02-28',
      insuredPersons: 320,
      perPersonYuan: 400000,
      premiumYuan: 192000,
    };
    const created = await post('/policies', policy);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().belowMinimum).toBe(false);
    expect((await post('/policies', policy)).json().error.code).toBe('obligations.policy_number_taken');
    const low = await post('/policies', {
      ...policy,
      policyNumber: 'PICC-LOW',
      enterpriseId: mine,
      perPersonYuan: 300000,
    });
    expect(low.json().belowMinimum).toBe(true);

    const gaps = await get('/coverage?status=gaps');
    expect(gaps.statusCode).toBe(200);
    expect(gaps.json().items).toEqual([
      expect.objectContaining({
        enterpriseName: '新平演练矿业有限公司',
        status: 'below_minimum',
        minimumYuan: 400000,
        policyNumber: 'PICC-LOW',
      }),
    ]);
    const all = await get('/coverage');
    expect(
      all.json().items.map((r: { enterpriseName: string; status: string }) => [r.enterpriseName, r.status]),
    ).toEqual([
      ['新平投保矿业有限公司', 'covered'],
      ['新平演练矿业有限公司', 'below_minimum'],
    ]);
    expect((await get('/coverage', otherCounty)).json().total).toBe(0);

    const workbook = await get('/coverage/export?status=gaps');
    expect(workbook.statusCode).toBe(200);
    const rows = await readWorkbook(workbook.rawPayload);
    expect(rows[1]).toEqual([
      '新平演练矿业有限公司',
      '新平彝族傣族自治县',
      '',
      '保额低于最低标准',
      'PICC-LOW',
      '2027-02-28',
      '400000.00',
    ]);
  });

  it('walks a renewal through its steps with deadlines counted in working days', async () => {
    const applied = await post('/licence-applications', {
      enterpriseId: mine,
      licenceType: 'safety_production',
      kind: 'renewal',
      submittedOn: '2026-09-30',
    });
    expect(applied.statusCode, applied.body).toBe(201);
    // 国庆 2026: 10-1…10-7 off, Sat 10-10 worked; five working days after Wed 9-30 end on Tue 10-13.
    expect(applied.json()).toMatchObject({
      number: '许申〔2026〕1号',
      step: 'submitted',
      acceptBy: '2026-10-13',
      workingDays: { accept: 5, decide: 45 },
      nextStep: 'accepted',
      // Registered late (today is 11-29): still awaiting acceptance after 10-13.
      overdue: true,
    });
    const id = applied.json().id;
    const skip = await post(`/licence-applications/${id}/steps`, { step: 'reviewed', on: '2026-10-20' });
    expect([skip.statusCode, skip.json().error.code]).toEqual([409, 'obligations.step_out_of_order']);
    const early = await post(`/licence-applications/${id}/steps`, { step: 'accepted', on: '2026-09-29' });
    expect([early.statusCode, early.json().error.code]).toEqual([400, 'obligations.step_before_previous']);
    const accepted = await post(`/licence-applications/${id}/steps`, { step: 'accepted', on: '2026-10-09' });
    // From Fri 10-9: Sat 10-10 (1), then 44 weekdays with no holiday: Thu 12-10.
    expect(accepted.json()).toMatchObject({ step: 'accepted', decideBy: '2026-12-10', overdue: false });
    await post(`/licence-applications/${id}/steps`, { step: 'reviewed', on: '2026-11-20' });
    const noDecision = await post(`/licence-applications/${id}/steps`, { step: 'decided', on: '2026-11-25' });
    expect(noDecision.json().error.fields[0].code).toBe('obligations.decision_required');
    const decided = await post(`/licence-applications/${id}/steps`, {
      step: 'decided',
      on: '2026-11-25',
      approved: true,
      licenceNumber: '（云）FM安许证字〔2026〕0099号',
      validUntil: '2029-11-24',
    });
    expect(decided.json()).toMatchObject({ step: 'decided', approved: true, nextStep: null, overdue: false });
    expect((await get(`/licence-applications/${id}`, otherCounty)).statusCode).toBe(404);
  });

  it('takes a project through its four 三同时 steps in order and flags production before acceptance', async () => {
    const created = await post('/projects', {
      enterpriseId: mine,
      name: '选矿厂扩建工程',
      nature: 'expanded',
      productionStartedOn: '2026-10-01',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ nextStep: 'pre_assessment', producingWithoutAcceptance: true });
    const id = created.json().id;
    // The 一企一档 tab lists one enterprise's projects and applications.
    expect(
      (await get(`/projects?enterpriseId=${mine}`)).json().items.map((p: { id: string }) => p.id),
    ).toEqual([id]);
    expect((await get(`/projects?enterpriseId=${insuredMine}`)).json().total).toBe(0);
    expect((await get(`/licence-applications?enterpriseId=${insuredMine}`)).json().total).toBe(0);
    const step = (payload: object) => post(`/projects/${id}/steps`, payload);
    expect(
      (await step({ step: 'design_review', passed: true, completedOn: '2026-03-01' })).json().error.code,
    ).toBe('obligations.step_out_of_order');
    await step({
      step: 'pre_assessment',
      passed: true,
      completedOn: '2026-01-10',
      agency: '云南演练安全评价有限公司',
      documents: ['安全预评价报告'],
    });
    const failed = await step({
      step: 'design_review',
      passed: false,
      completedOn: '2026-02-20',
      decision: '补充防排水设计',
    });
    expect(failed.json().nextStep).toBe('design_review');
    await step({ step: 'design_review', passed: true, completedOn: '2026-03-15' });
    await step({ step: 'construction', passed: true, completedOn: '2026-08-30' });
    const done = await step({
      step: 'completion',
      passed: true,
      completedOn: '2026-11-20',
      documents: ['安全验收评价报告'],
    });
    expect(done.json()).toMatchObject({ nextStep: null, complete: true, producingWithoutAcceptance: false });
    expect(done.json().steps).toHaveLength(5);
    const after = await step({ step: 'completion', passed: true, completedOn: '2026-11-21' });
    expect([after.statusCode, after.json().error.code]).toEqual([409, 'obligations.project_complete']);
  });
});
