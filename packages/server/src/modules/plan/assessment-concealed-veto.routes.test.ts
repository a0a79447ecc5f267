import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';
import { insertAccidents } from '../statistics/statistics-writer.ts';
import { orgId, planCallers } from './plan-test-support.ts';

/** A counted 一般 accident in the statistics (the module's own writer, as an import stores it). */
const general = (occurredAt: string, county: string, location: string) => ({
  occurredAt: new Date(occurredAt),
  county,
  township: null,
  enterpriseName: null,
  location,
  sector: 'construction' as const,
  industryCode: null,
  accidentType: '01',
  level: 'general' as const,
  deaths: 1,
  missing: 0,
  seriousInjuries: 0,
  lossWan: '20.00',
});

/**
 * 瞒报 / 谎报 vetoes from the statistics: the city's statistics staff find a counted accident
 * concealed, falsely or late reported, with a written reason (audited); the yearly assessment vetoes
 * the county for 瞒报 and 谎报 of any class by itself, not for 迟报; withdrawing the finding lifts it.
 */
describe('yearly assessment: the veto for an accident found concealed', () => {
  let t: TestContext;
  let office: Caller;
  let statistician: Caller;
  let countyOfficer: Caller;
  let assessmentId: string;
  const accident = { jiangchuan: '', chengjiang: '' };
  const unit = { jiangchuan: '', chengjiang: '' };

  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, as: Caller, payload?: object) =>
    t.request({ method, url: `/api/v1${url}`, as, ...(payload ? { payload } : {}) });
  const vetoOf = async (organisationId: string) =>
    (await call('GET', `/plan/assessments/${assessmentId}`, office))
      .json()
      .units.find((u: { organisationId: string }) => u.organisationId === organisationId).autoVeto as {
      reason: { zh: string; en: string };
    } | null;

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    office = (await planCallers(t, [])).office;
    statistician = await t.sessionFor(
      await t.createUser({ roles: ['city_officer'], scope: { kind: 'city' } }),
    );
    countyOfficer = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: ['530403'] } }),
    );
    unit.jiangchuan = await orgId(t, 'county-530403');
    unit.chengjiang = await orgId(t, 'county-530481');
    await insertAccidents(
      t.db,
      [
        general('2025-06-01T02:00:00Z', '530403', '江川区某仓库'),
        general('2025-07-01T02:00:00Z', '530481', '澄江市某码头'),
      ],
      t.clock.now(),
      false,
    );
    const ids = await t.db.query<{ id: string; location: string }>(
      `SELECT id, location FROM statistics_accidents WHERE location IN ('江川区某仓库', '澄江市某码头')`,
    );
    accident.jiangchuan = ids.rows.find((r) => r.location === '江川区某仓库')!.id;
    accident.chengjiang = ids.rows.find((r) => r.location === '澄江市某码头')!.id;
    const created = await call('POST', '/plan/assessments', office, {
      year: 2025,
      name: '2025年度瞒报否决测试考核',
      items: [{ code: 'duty', name: '责任落实', maxScore: 100 }],
      organisationIds: [unit.jiangchuan, unit.chengjiang],
    });
    expect(created.statusCode, created.body).toBe(201);
    assessmentId = created.json().id;
  });
  afterAll(() => t.close());

  it('vetoes the county once its 一般 accident is found concealed, naming it; 迟报 does not veto', async () => {
    expect(await vetoOf(unit.jiangchuan)).toBeNull();
    const set = await call(
      'PUT',
      `/statistics/accidents/${accident.jiangchuan}/reporting-finding`,
      statistician,
      {
        finding: 'concealed',
        reason: '经事故调查组调查认定，企业未按规定上报',
      },
    );
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ accidentId: accident.jiangchuan, finding: 'concealed' });
    const late = await call(
      'PUT',
      `/statistics/accidents/${accident.chengjiang}/reporting-finding`,
      statistician,
      {
        finding: 'late',
        reason: '超过规定时限 3 小时上报',
      },
    );
    expect(late.statusCode, late.body).toBe(200);

    expect((await vetoOf(unit.jiangchuan))?.reason).toEqual({
      zh: '瞒报、谎报生产安全事故：2025-06-01 江川区 江川区某仓库（一般事故，瞒报）',
      en: 'An accident concealed or falsely reported: 2025-06-01, Jiangchuan District, 江川区某仓库 (general accident, concealed)',
    });
    expect(await vetoOf(unit.chengjiang)).toBeNull();
  });

  it('lifts the veto when the finding is withdrawn; both are audited with the reason', async () => {
    const cleared = await call(
      'DELETE',
      `/statistics/accidents/${accident.jiangchuan}/reporting-finding`,
      statistician,
    );
    expect(cleared.statusCode, cleared.body).toBe(204);
    expect(await vetoOf(unit.jiangchuan)).toBeNull();
    const again = await call(
      'DELETE',
      `/statistics/accidents/${accident.jiangchuan}/reporting-finding`,
      statistician,
    );
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe('statistics.reporting_finding_not_found');
    const audit = await t.db.query<{ action: string; target: string; detail: string }>(
      `SELECT action, target, detail FROM audit_log WHERE action LIKE 'statistics.reporting_finding_%'
          AND outcome = 'success' ORDER BY seq`,
    );
    expect(audit.rows).toEqual([
      {
        action: 'statistics.reporting_finding_set',
        target: accident.jiangchuan,
        detail: '瞒报：经事故调查组调查认定，企业未按规定上报',
      },
      {
        action: 'statistics.reporting_finding_set',
        target: accident.chengjiang,
        detail: '迟报：超过规定时限 3 小时上报',
      },
      {
        action: 'statistics.reporting_finding_clear',
        target: accident.jiangchuan,
        detail: '瞒报：经事故调查组调查认定，企业未按规定上报',
      },
    ]);
  });

  it('refuses a county officer (403), an unknown accident (404) and a finding without a reason (400)', async () => {
    const url = `/statistics/accidents/${accident.jiangchuan}/reporting-finding`;
    const body = { finding: 'false_report', reason: '经调查认定谎报伤亡人数' };
    expect((await call('PUT', url, countyOfficer, body)).statusCode).toBe(403);
    const unknown = await call(
      'PUT',
      '/statistics/accidents/00000000-0000-4000-8000-000000000000/reporting-finding',
      statistician,
      body,
    );
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('statistics.incident_not_found');
    expect((await call('PUT', url, statistician, { finding: 'concealed', reason: '' })).statusCode).toBe(400);
    expect(
      (await call('PUT', url, statistician, { finding: 'hidden', reason: '经调查认定谎报伤亡人数' }))
        .statusCode,
    ).toBe(400);
  });
});
