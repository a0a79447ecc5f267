import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSyntheticCreditCode } from '@anjian/domain';
import { insertEnterprise } from '../../../test/factories.ts';
import { readWorkbook } from '../../../test/read-workbook.ts';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';

// The test clock reads 2026-11-29 (Beijing).
describe('spot checks of agency reports and of 三同时 self-acceptances', () => {
  let t: TestContext;
  let county: Caller;
  let otherCounty: Caller;
  let enterprise: Caller;
  let mine: string;
  let agencyId: string;
  const O = '/api/v1/obligations';
  const post = (url: string, payload: object, as: Caller = county) =>
    t.request({ method: 'POST', url: `${O}${url}`, payload, as });
  const put = (url: string, payload: object, as: Caller = county) =>
    t.request({ method: 'PUT', url: `${O}${url}`, payload, as });
  const get = (url: string, as: Caller = county) => t.request({ method: 'GET', url: `${O}${url}`, as });
  const seed = '0123456789abcdef'.repeat(4);
  const items = async (spotCheckId: string, as: Caller = county) =>
    (await get(`/spot-check-items?spotCheckId=${spotCheckId}`, as)).json().items as {
      id: string;
      reference: string;
      result: string | null;
    }[];

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    county = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: ['530427'] } }),
    );
    otherCounty = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: ['530423'] } }),
    );
    mine = await insertEnterprise(t.db, {
      name: '新平抽查矿业有限公司',
      county: '530427',
      serial: 81,
      sectors: ['non_coal_mine'],
    });
    enterprise = await t.sessionFor(
      await t.createUser({
        roles: ['enterprise_manager'],
        scope: { kind: 'enterprise', enterpriseId: mine, county: '530427' },
      }),
    );
    const created = await post('/agencies', {
      name: '云南抽查安全评价有限公司',
      creditCode: generateSyntheticCreditCode(911, { divisionCode: '530102' }),
      qualification: 'safety_assessment',
      qualificationNumber: 'APJ-911',
      fields: ['mine'],
      authority: '云南省应急管理厅',
      validFrom: '2022-03-01',
    });
    agencyId = created.json().id;
    for (let n = 1; n <= 8; n++) {
      const filed = await post('/agency-reports', {
        agencyId,
        enterpriseId: mine,
        kind: 'status_assessment',
        field: 'mine',
        title: `抽查报告${n}`,
        reportNumber: `CC-${n}`,
        issuedOn: `2026-0${n % 2 === 0 ? 6 : 7}-1${n}`,
        conclusion: 'meets',
        signers: [{ name: '李评价', registrationNumber: 'S1' }],
      });
      expect(filed.statusCode, filed.body).toBe(201);
    }
  });
  afterAll(() => t.close());

  it('draws the same reports again from the same seed, and a finding gives the agency its credit record', async () => {
    const body = { subject: 'agency_report', from: '2026-06-01', to: '2026-07-31', count: 3, seed };
    const first = await post('/spot-checks', body);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ mode: 'random', seed, poolSize: 8, itemCount: 3, checkedCount: 0 });
    const second = await post('/spot-checks', body);
    const picked = (await items(first.json().id)).map((i) => i.reference);
    expect(picked).toHaveLength(3);
    expect((await items(second.json().id)).map((i) => i.reference)).toEqual(picked);
    // A percentage: 25 % of 8 is 2; a seed the server draws is recorded.
    const share = await post('/spot-checks', { ...body, count: undefined, seed: undefined, percent: 25 });
    expect(share.json()).toMatchObject({ itemCount: 2, percent: 25 });
    expect(share.json().seed).toMatch(/^[0-9a-f]{64}$/);
    // Another county has no reports to draw, and does not see this county's draws.
    const none = await post('/spot-checks', body, otherCounty);
    expect([none.statusCode, none.json().error.code]).toEqual([409, 'obligations.spot_check_empty']);
    expect((await get('/spot-checks', otherCounty)).json().total).toBe(0);
    const both = await post('/spot-checks', { ...body, percent: 10 });
    expect([both.statusCode, both.json().error.fields[0].code]).toEqual([400, 'obligations.spot_check_size']);

    const [checked] = await items(first.json().id);
    const record = {
      checkedOn: '2026-11-29',
      inspectors: '李检查、王检查',
      findings: [
        { problem: 'no_site_visit', severity: 'minor', note: '现场照片不是本项目' },
        { problem: 'signer_mismatch', severity: 'serious' },
      ],
      result: 'fail',
      rectification: '重新到现场并补正报告',
    };
    expect((await put(`/spot-check-items/${checked!.id}`, record, otherCounty)).statusCode).toBe(404);
    expect((await put(`/spot-check-items/${checked!.id}`, record, enterprise)).statusCode).toBe(403);
    const unknown = await put(`/spot-check-items/${checked!.id}`, {
      ...record,
      findings: [{ problem: 'made_up', severity: 'minor' }],
    });
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([
      400,
      'obligations.spot_check_problem_unknown',
    ]);
    const beforeDraw = await put(`/spot-check-items/${checked!.id}`, { ...record, checkedOn: '2026-11-28' });
    expect([beforeDraw.statusCode, beforeDraw.json().error.code]).toEqual([
      400,
      'obligations.spot_check_date',
    ]);
    const recorded = await put(`/spot-check-items/${checked!.id}`, record);
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect(recorded.json()).toMatchObject({ result: 'fail', inspectors: '李检查、王检查' });
    const again = await put(`/spot-check-items/${checked!.id}`, { ...record, result: 'pass' });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'obligations.spot_check_recorded']);

    // 未到现场 (minor) → 不良记录 10 points; 签字人员不符 (serious) → 不良记录 10 points.
    const agency = (await get(`/agencies/${agencyId}`)).json();
    expect(agency).toMatchObject({ creditScore: 80, blacklisted: false });
    expect(
      agency.creditRecords.map((c: { kind: string; points: number; problem: string }) => [
        c.kind,
        c.points,
        c.problem,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ['bad_record', 10, 'no_site_visit'],
        ['bad_record', 10, 'signer_mismatch'],
      ]),
    );
    expect((await get('/agencies?q=APJ-911')).json().items[0]).toMatchObject({ creditScore: 80 });
    expect(
      (await get(`/spot-checks?subject=agency_report`))
        .json()
        .items.map((s: { id: string; checkedCount: number; failedCount: number }) => [
          s.id,
          s.checkedCount,
          s.failedCount,
        ]),
    ).toContainEqual([first.json().id, 1, 1]);

    const book = await readWorkbook(
      (await get(`/spot-check-items/export?spotCheckId=${first.json().id}`)).rawPayload,
    );
    const row = book.find((r) => r[3] === checked!.reference)!;
    expect([row[8], row[9], row[10], row[11], row[12]]).toEqual([
      '2026-11-29',
      '李检查、王检查',
      '未到现场（一般）现场照片不是本项目；签字人员不符（严重）',
      '不合格',
      '重新到现场并补正报告',
    ]);
  });

  it('flags a project whose self-acceptance failed its spot check until a re-check passes', async () => {
    const project = await post('/projects', { enterpriseId: mine, name: '抽查扩建工程', nature: 'expanded' });
    const projectId = project.json().id as string;
    const steps = ['pre_assessment', 'design_review', 'construction', 'completion'];
    for (const [n, step] of steps.entries())
      expect(
        (await post(`/projects/${projectId}/steps`, { step, passed: true, completedOn: `2026-0${6 + n}-01` }))
          .statusCode,
      ).toBe(200);

    const drawn = await post('/spot-checks', {
      subject: 'project',
      from: '2026-09-01',
      to: '2026-09-30',
      count: 5,
      seed,
    });
    expect(drawn.json()).toMatchObject({ poolSize: 1, itemCount: 1 });
    const [item] = await items(drawn.json().id);
    const failed = await put(`/spot-check-items/${item!.id}`, {
      checkedOn: '2026-11-29',
      inspectors: '李检查',
      findings: [],
      result: 'fail',
      rectification: '补设可燃气体报警装置后重新验收',
    });
    expect(failed.statusCode, failed.body).toBe(200);
    expect((await get(`/projects/${projectId}`)).json()).toMatchObject({
      complete: true,
      spotCheckFailed: true,
    });
    // A project check gives no agency a credit record.
    expect((await get(`/agencies/${agencyId}`)).json().creditScore).toBe(80);
    const noReason = await put(`/spot-check-items/${item!.id}`, {
      checkedOn: '2026-11-20',
      inspectors: '李检查',
      findings: [],
      result: 'fail',
    });
    expect([noReason.statusCode, noReason.json().error.fields[0].code]).toEqual([
      400,
      'obligations.spot_check_fail_reason',
    ]);

    t.clock.advance(60 * 1000);
    const recheck = await post('/spot-checks', {
      subject: 'project',
      from: '2026-11-28',
      to: '2026-11-28',
      chosenIds: [projectId],
    });
    expect(recheck.json()).toMatchObject({ mode: 'chosen', seed: null, itemCount: 1 });
    const [again] = await items(recheck.json().id);
    const passed = await put(`/spot-check-items/${again!.id}`, {
      checkedOn: '2026-11-29',
      inspectors: '李检查',
      findings: [],
      result: 'pass',
    });
    expect(passed.statusCode, passed.body).toBe(200);
    expect((await get(`/projects/${projectId}`)).json().spotCheckFailed).toBe(false);
    const tomorrow = await post('/spot-checks', {
      subject: 'project',
      from: '2026-11-28',
      to: '2026-11-28',
      chosenIds: [projectId],
    });
    const [later] = await items(tomorrow.json().id);
    const future = await put(`/spot-check-items/${later!.id}`, {
      checkedOn: '2026-11-30',
      inspectors: '李检查',
      findings: [],
      result: 'pass',
    });
    expect([future.statusCode, future.json().error.code]).toEqual([400, 'obligations.spot_check_date']);
  });
});
