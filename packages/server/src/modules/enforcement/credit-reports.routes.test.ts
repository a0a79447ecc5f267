import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertEnterprise } from '../../../test/factories.ts';
import { createTestContext, type Caller, type TestContext, type TestUser } from '../../../test/test-app.ts';

// 信用记录 · 举报核查 (issue 16): repeated verified reports feed the credit rules, through the
// whistleblowing module's port, on real PostgreSQL.
const COUNTY = '530403';
const OTHER_COUNTY = '530402';
const START = new Date('2026-03-02T02:00:00.000Z'); // 2026-03-02 in China
const DAY = 86_400_000;

let t: TestContext;
let handlerUser: TestUser;
let cityUser: TestUser;
let inspectorUser: TestUser;
let handler: Caller;
let city: Caller;
let enterpriseId: string;
let otherEnterpriseId: string;

const post = (url: string, payload: object, as: Caller | null) =>
  t.request({ method: 'POST', url, payload, as, remoteAddress: '203.0.113.77' });
const deductions = (as: Caller, id = enterpriseId) =>
  t.request({
    method: 'GET',
    url: `/api/v1/enforcement/credit/report-deductions?enterpriseId=${id}`,
    as,
  });

async function at(days: number) {
  t.clock.set(new Date(START.getTime() + days * DAY));
  handler = await t.sessionFor(handlerUser);
  city = await t.sessionFor(cityUser);
}
const today = () => t.clock.now().toISOString().slice(0, 10);

/** A 12350 call about the enterprise, accepted, assigned and verified today; replied when asked. */
async function verified(outcome: 'true' | 'partly_true', reply = false) {
  const entered = await post(
    '/api/v1/whistleblowing/reports',
    {
      channel: 'phone_12350',
      receivedOn: today(),
      category: 'major_hazard',
      description: '仓库内违规存放液化气钢瓶，消防通道堵塞',
      enterpriseId,
      county: COUNTY,
      anonymous: true,
    },
    handler,
  );
  expect(entered.statusCode).toBe(201);
  const { queryCode, secret } = entered.json() as { queryCode: string; secret: string };
  const row = await t.db.query<{ id: string }>('SELECT id FROM whistle_reports WHERE query_code = $1', [
    queryCode,
  ]);
  const id = row.rows[0]!.id;
  const base = `/api/v1/whistleblowing/reports/${id}`;
  expect((await post(`${base}/decision`, { decision: 'accept' }, handler)).statusCode).toBe(200);
  expect(
    (await post(`${base}/assignment`, { county: COUNTY, deadline: '2026-12-31' }, handler)).statusCode,
  ).toBe(200);
  expect((await post(`${base}/verification`, { outcome, note: '现场核查' }, handler)).statusCode).toBe(200);
  if (reply) expect((await post(`${base}/reply`, { body: '经核查属实。' }, handler)).statusCode).toBe(200);
  return { id, base, lookup: { queryCode, secret, deviceId: 'credit-reports-device-0001' } };
}

beforeAll(async () => {
  t = await createTestContext();
  enterpriseId = await insertEnterprise(t.db, {
    name: '玉溪信用测试化工有限公司',
    county: COUNTY,
    serial: 9101,
  });
  otherEnterpriseId = await insertEnterprise(t.db, {
    name: '红塔区对照企业',
    county: OTHER_COUNTY,
    serial: 9102,
  });
  handlerUser = await t.createUser({
    roles: ['county_officer'],
    scope: { kind: 'county', counties: [COUNTY] },
    totp: true,
  });
  cityUser = await t.createUser({ roles: ['city_officer'], scope: { kind: 'city' }, totp: true });
  inspectorUser = await t.createUser({
    roles: ['inspector'],
    scope: { kind: 'county', counties: [COUNTY] },
    totp: true,
  });
}, 60_000);
afterAll(() => t?.close());

describe('credit record: repeated verified reports (issue 16)', () => {
  it('records nothing after the first verified report, a deduction naming both after the second, and drops it when the verification is reversed', async () => {
    await at(0);
    const empty = await deductions(handler);
    expect(empty.statusCode).toBe(200);
    expect(empty.json()).toMatchObject({
      rule: {
        id: 'anjian-2025',
        threshold: 2,
        windowMonths: 12,
        points: 5,
        termMonths: 12,
        verification: 'NF',
      },
      pointsInForce: 0,
      items: [],
    });

    const first = await verified('true');
    expect((await deductions(handler)).json()).toMatchObject({ pointsInForce: 0, items: [] });

    await at(40); // 2026-04-11
    const second = await verified('partly_true', true);
    const after = (await deductions(handler)).json();
    expect(after.pointsInForce).toBe(5);
    expect(after.items).toEqual([
      {
        recordedOn: '2026-04-11',
        endsOn: '2027-04-11',
        inForce: true,
        points: 5,
        ruleId: 'anjian-2025',
        reasonZh:
          '12个月内2件举报经核查属实：2026-03-02核查属实的重大事故隐患举报、2026-04-11核查部分属实的重大事故隐患举报（达到2件的标准）',
        reasonEn:
          '2 reports verified within 12 months: a major hidden hazard report verified true on 2026-03-02; ' +
          'a major hidden hazard report verified partly true on 2026-04-11 (the rule counts 2)',
        reports: [
          { reportId: first.id, verifiedOn: '2026-03-02', category: 'major_hazard', outcome: 'true' },
          { reportId: second.id, verifiedOn: '2026-04-11', category: 'major_hazard', outcome: 'partly_true' },
        ],
      },
    ]);

    // An inspector reads the credit record but not the report ledger: no link to the reports.
    const inspector = await t.sessionFor(inspectorUser);
    expect(
      (await deductions(inspector))
        .json()
        .items[0].reports.map((r: { reportId: string | null }) => r.reportId),
    ).toEqual([null, null]);

    // The reporter objects; the city upholds it and the case goes back to verification.
    const objected = await post(
      '/api/v1/public/whistleblowing/lookup/objection',
      { ...second.lookup, reason: '核查时企业临时清理了通道，平时一直堵塞' },
      null,
    );
    expect(objected.statusCode).toBe(200);
    expect((await post(`${second.base}/objection/review`, { decision: 'uphold' }, city)).statusCode).toBe(
      200,
    );
    expect((await deductions(handler)).json()).toMatchObject({ pointsInForce: 0, items: [] });
  });

  it('answers 404 for an enterprise outside the caller’s scope and 403 without enforcement:read', async () => {
    await at(41);
    const outside = await deductions(handler, otherEnterpriseId);
    expect([outside.statusCode, outside.json().error.code]).toEqual([404, 'enterprise.not_found']);
    const manager = await t.sessionFor(
      await t.createUser({
        roles: ['enterprise_manager'],
        scope: { kind: 'enterprise', enterpriseId, county: COUNTY },
      }),
    );
    expect((await deductions(manager)).statusCode).toBe(403);
  });
});
