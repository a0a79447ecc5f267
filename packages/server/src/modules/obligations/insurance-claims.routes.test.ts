import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertEnterprise, insertIncident } from '../../../test/factories.ts';
import { readWorkbook } from '../../../test/read-workbook.ts';
import { XLSX_TYPE } from '../../platform/office/index.ts';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';
import { serviceWorkbook } from './obligations-import-test-support.ts';

// The test clock reads 2026-11-29 (Beijing).
describe('安责险 claims on incidents and the insurers’ prevention services', () => {
  let t: TestContext;
  let county: Caller;
  let userId: string;
  let mine: string;
  let quarry: string;
  let policy: string;
  const post = (url: string, payload: object, as: Caller = county) =>
    t.request({ method: 'POST', url: `/api/v1/obligations${url}`, payload, as });
  const get = (url: string, as: Caller = county) =>
    t.request({ method: 'GET', url: `/api/v1/obligations${url}`, as });
  const incident = (enterpriseId: string | undefined, occurredAt: string, inCounty = '530427') =>
    insertIncident(t.db, {
      county: inCounty,
      createdBy: userId,
      occurredAt,
      ...(enterpriseId ? { enterpriseId } : {}),
      location: '新平理赔测试井口',
      description: '理赔测试事故',
    });
  const claim = (incidentId: string, claimNumber: string) => ({
    policyId: policy,
    claimNumber,
    incidentId,
    reportedOn: '2026-10-12',
    deaths: 0,
    injuries: 2,
    claimedYuan: 180000,
  });

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    const user = await t.createUser({
      roles: ['county_officer'],
      scope: { kind: 'county', counties: ['530427'] },
    });
    userId = user.id;
    county = await t.sessionFor(user);
    mine = await insertEnterprise(t.db, {
      name: '新平理赔矿业有限公司',
      county: '530427',
      serial: 61,
      sectors: ['non_coal_mine'],
    });
    quarry = await insertEnterprise(t.db, {
      name: '新平未服务采石有限公司',
      county: '530427',
      serial: 62,
      sectors: ['non_coal_mine'],
    });
    const created = await post('/policies', {
      enterpriseId: mine,
      insurer: '中国人民财产保险股份有限公司玉溪市分公司',
      policyNumber: 'PICC-CLAIM-2026',
      startsOn: '2026-03-01',
      endsOn: '2027-02-28',
      insuredPersons: 200,
      perPersonYuan: 400000,
      premiumYuan: 100000,
    });
    expect(created.statusCode, created.body).toBe(201);
    policy = created.json().id;
    const second = await post('/policies', {
      enterpriseId: quarry,
      insurer: '中国人民财产保险股份有限公司玉溪市分公司',
      policyNumber: 'PICC-QUARRY-2026',
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
      insuredPersons: 40,
      perPersonYuan: 400000,
      premiumYuan: 20000,
    });
    expect(second.statusCode, second.body).toBe(201);
  });
  afterAll(() => t.close());

  it('walks a claim from 报案 through 受理 to 已赔付, each step dated, and counts it by sector and county', async () => {
    const accident = await incident(mine, '2026-10-10T02:00:00Z');
    const reported = await post('/claims', claim(accident, 'LP-2026-001'));
    expect(reported.statusCode, reported.body).toBe(201);
    expect(reported.json()).toMatchObject({
      claimNumber: 'LP-2026-001',
      enterpriseName: '新平理赔矿业有限公司',
      policyNumber: 'PICC-CLAIM-2026',
      incidentOn: '2026-10-10',
      incidentLocation: '新平理赔测试井口',
      status: 'reported',
      nextSteps: ['accepted', 'rejected'],
    });
    const id = reported.json().id;
    expect((await post('/claims', claim(accident, 'LP-2026-001'))).json().error.code).toBe(
      'obligations.claim_number_taken',
    );

    const early = await post(`/claims/${id}/steps`, { step: 'accepted', on: '2026-10-11' });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.code).toBe('obligations.claim_step_before_previous');
    const accepted = await post(`/claims/${id}/steps`, { step: 'accepted', on: '2026-10-15' });
    expect(accepted.json()).toMatchObject({ status: 'accepted', acceptedOn: '2026-10-15' });
    const noAmount = await post(`/claims/${id}/steps`, { step: 'paid', on: '2026-11-02' });
    expect(noAmount.json().error.code).toBe('obligations.claim_paid_amount_required');
    const paid = await post(`/claims/${id}/steps`, { step: 'paid', on: '2026-11-02', paidYuan: 150000 });
    expect(paid.json()).toMatchObject({
      status: 'paid',
      paidOn: '2026-11-02',
      paidYuan: 150000,
      nextSteps: [],
    });
    const again = await post(`/claims/${id}/steps`, { step: 'rejected', on: '2026-11-03', reason: '重复' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('obligations.claim_step_not_allowed');

    const stats = await get('/claims/statistics?year=2026');
    expect(stats.json()).toEqual([
      { by: 'county', key: '530427', claims: 1, paidYuan: 150000 },
      { by: 'sector', key: 'non_coal_mine', claims: 1, paidYuan: 150000 },
    ]);
    const listed = await get('/claims?status=paid&year=2026&insurer=人民财产');
    expect(listed.json().items.map((c: { claimNumber: string }) => c.claimNumber)).toEqual(['LP-2026-001']);
    expect((await get('/claims?year=2025')).json().total).toBe(0);
    const file = await get('/claims/export?year=2026');
    expect(file.statusCode).toBe(200);
    const sheet = await readWorkbook(file.rawPayload);
    expect(sheet[0]).toContain('理赔案件号');
    expect(sheet[1]).toEqual(expect.arrayContaining(['LP-2026-001', '已赔付', '150000.00']));
  });

  it('records a rejection with its reason', async () => {
    const accident = await incident(mine, '2026-11-01T03:00:00Z');
    const id = (await post('/claims', { ...claim(accident, 'LP-2026-002'), reportedOn: '2026-11-02' })).json()
      .id;
    const bare = await post(`/claims/${id}/steps`, { step: 'rejected', on: '2026-11-05' });
    expect(bare.json().error.code).toBe('obligations.claim_reason_required');
    const rejected = await post(`/claims/${id}/steps`, {
      step: 'rejected',
      on: '2026-11-05',
      reason: '事故不属于保险责任范围',
    });
    expect(rejected.json()).toMatchObject({
      status: 'rejected',
      rejectedOn: '2026-11-05',
      rejectionReason: '事故不属于保险责任范围',
    });
  });

  it('refuses a claim on a policy not in force on the incident’s day, and stores nothing', async () => {
    // 2026-02-28 23:30 in Beijing is the day before the policy starts, though 15:30 UTC.
    const before = await incident(mine, '2026-02-28T15:30:00Z');
    const refused = await post('/claims', { ...claim(before, 'LP-2026-003'), reportedOn: '2026-03-01' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('obligations.claim_policy_not_in_force');
    expect((await get('/claims?q=LP-2026-003')).json().total).toBe(0);
  });

  it('answers 404 for an incident outside the caller’s county and 400 for another enterprise’s incident', async () => {
    const elsewhere = await incident(undefined, '2026-10-10T02:00:00Z', '530423');
    const hidden = await post('/claims', claim(elsewhere, 'LP-2026-004'));
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().error.code).toBe('obligations.incident_not_found');
    const other = await incident(quarry, '2026-10-10T02:00:00Z');
    const wrong = await post('/claims', claim(other, 'LP-2026-005'));
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('obligations.claim_incident_other_enterprise');
  });

  it('opens a hidden hazard from a service finding, shown with the insurer’s service as its source', async () => {
    const created = await post('/prevention-services', {
      policyId: policy,
      servedOn: '2026-06-18',
      kind: 'hazard_investigation',
      costYuan: 12000,
      summary: '井下通风与提升系统专项排查',
      findings: [{ description: '主井提升机制动闸瓦磨损超限', openHazard: true }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const service = created.json();
    expect(service.findings).toEqual([
      expect.objectContaining({ description: '主井提升机制动闸瓦磨损超限', hazardOpened: true }),
    ]);
    const hazard = await t.request({
      method: 'GET',
      url: `/api/v1/hazards/${service.findings[0].hazardId}`,
      as: county,
    });
    expect(hazard.statusCode, hazard.body).toBe(200);
    expect(hazard.json()).toMatchObject({
      enterpriseId: mine,
      source: 'insurer_service',
      sourceRef: service.id,
      description: '主井提升机制动闸瓦磨损超限',
      status: 'reported',
    });

    // A later visit links the hazard already open instead of opening another.
    const linked = await post('/prevention-services', {
      policyId: policy,
      servedOn: '2026-09-20',
      kind: 'training',
      costYuan: 9000,
      findings: [{ description: '复查制动闸瓦整改情况', hazardId: service.findings[0].hazardId }],
    });
    expect(linked.json().findings).toEqual([
      expect.objectContaining({ hazardId: service.findings[0].hazardId, hazardOpened: false }),
    ]);
  });

  it('flags an insurer whose service spending is over 21 % of its premiums, and the insured mine it never served', async () => {
    // Premiums 100,000 + 20,000 = 120,000; 21 % is 25,200. Spent so far 21,000, then 5,000 more.
    const before = await get('/prevention-spending?year=2026');
    expect(before.json()).toEqual([
      expect.objectContaining({
        insurer: '中国人民财产保险股份有限公司玉溪市分公司',
        premiumsYuan: 120000,
        spendingYuan: 21000,
        capPercent: 21,
        spendingPercent: 17.5,
        overCap: false,
        unservedEnterprises: ['新平未服务采石有限公司'],
        unservedFlagged: true,
      }),
    ]);
    await post('/prevention-services', {
      policyId: policy,
      servedOn: '2026-11-10',
      kind: 'drill_guidance',
      costYuan: 5000,
    });
    const after = (await get('/prevention-spending?year=2026')).json()[0];
    expect(after).toMatchObject({ spendingYuan: 26000, spendingPercent: 21.67, overCap: true });
    const listed = await get('/prevention-services?year=2026&kind=drill_guidance');
    expect(listed.json().total).toBe(1);
  });

  it('imports an insurer’s service ledger row by row, skipping a row already imported', async () => {
    const upload = async () =>
      t.request({
        method: 'POST',
        url: '/api/v1/obligations/prevention-services/import',
        headers: { 'content-type': XLSX_TYPE },
        payload: await serviceWorkbook([
          {
            policyNumber: 'PICC-QUARRY-2026',
            servedOn: '2026-08-08',
            kind: '风险评估',
            costYuan: 3000,
            findings: '采场边坡未设置位移监测；爆破器材库防雷检测过期',
          },
          { policyNumber: 'NO-SUCH-POLICY', servedOn: '2026-08-08', kind: '隐患排查', costYuan: 100 },
          { policyNumber: 'PICC-QUARRY-2026', servedOn: '2026-08-09', kind: '喝茶', costYuan: 100 },
        ]),
        as: county,
      });
    const first = await upload();
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ totalRows: 3, created: 1, errors: 2 });
    expect((await upload()).json()).toMatchObject({ created: 0, skipped: 1, errors: 2 });
    const listed = await get('/prevention-services?kind=risk_assessment');
    expect(listed.json().items).toEqual([
      expect.objectContaining({
        enterpriseName: '新平未服务采石有限公司',
        costYuan: 3000,
        findings: [
          expect.objectContaining({ description: '采场边坡未设置位移监测', hazardId: null }),
          expect.objectContaining({ description: '爆破器材库防雷检测过期', hazardId: null }),
        ],
      }),
    ]);
  });
});
