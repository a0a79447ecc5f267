import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';
import { insertEnterprise } from '../../../test/factories.ts';

/*
 * Issue 16: "A verified report raises the enterprise's inspection weight in risk-weighted draws".
 * Every enterprise here is 低风险 with nothing open (1 point); the default formula adds 2 points per
 * report verified 属实 or 部分属实 in the 365 days before the pool (today 2026-11-29 included, a day
 * exactly 365 days back not), at most 6; a duplicate counts once, 不属实 never.
 */
const COUNTY = '530403';
const E = '/api/v1/enforcement';
/** The formula's terms as published before the report term existed. */
const withoutReports = {
  levelPoints: { 1: 8, 2: 4, 3: 2, 4: 1 },
  pointsPerOpenHazard: 1,
  maxHazardPoints: 5,
  alarmsPerPoint: 5,
  maxAlarmPoints: 5,
  creditListedMultiplier: 2,
};

let t: TestContext;
let officer: Caller;
let serial = 7400;
const ids: Record<string, string> = {};

async function enterprise(key: string, name: string) {
  ids[key] = await insertEnterprise(t.db, { name, county: COUNTY, serial: serial++ });
}

/** A report about the enterprise with its outcome recorded on `verifiedOn`. */
async function verifiedReport(key: string, verifiedOn: string, outcome = 'true', duplicateOf?: string) {
  const rows = await t.db.query<{ id: string }>(
    `INSERT INTO whistle_reports (query_code, secret_salt, secret_hash, channel, category, description, county,
       enterprise_id, anonymous, received_on, status, acceptance_due, decided_on, assigned_county, outcome,
       outcome_note, verified_on, duplicate_of)
     VALUES ($1, 's', 'h', 'online', 'major_hazard', '权重测试举报', $2, $3, true, $4::date - 20, 'verified',
             $4::date - 15, $4::date - 19, $2, $5, '核查', $4, $6)
     RETURNING id`,
    [`W-${serial++}`, COUNTY, ids[key], verifiedOn, outcome, duplicateOf ?? null],
  );
  return rows.rows[0]!.id;
}

const post = (url: string, payload: object) => t.request({ method: 'POST', url, payload, as: officer });

async function draw(extra: Record<string, unknown> = {}) {
  const created = await post(`${E}/draws`, {
    title: '举报加权抽查',
    county: COUNTY,
    mode: 'risk_weighted',
    enterpriseCount: 1,
    exclusionPeriodDays: 0,
    ...extra,
  });
  expect(created.statusCode, created.body).toBe(201);
  return created.json();
}

const byKey = (pool: { enterpriseId: string; weight?: number; factors?: { verifiedReports?: number } }[]) =>
  Object.fromEntries(
    Object.entries(ids).map(([key, id]) => {
      const entry = pool.find((p) => p.enterpriseId === id)!;
      return [key, [entry.factors?.verifiedReports, entry.weight]];
    }),
  );

beforeAll(async () => {
  t = await createTestContext();
  const user = await t.createUser({
    roles: ['county_officer'],
    scope: { kind: 'county', counties: [COUNTY] },
    totp: true,
  });
  officer = await t.sessionFor(user);
  for (const i of [0, 1]) {
    const created = await post(`${E}/inspectors`, {
      name: `举报权重执法员${i + 1}`,
      certificateNo: `WHISTLE2026${i}`,
      certificateExpiry: '2035-12-31',
      county: COUNTY,
    });
    expect(created.statusCode, created.body).toBe(201);
  }
  await enterprise('none', '无举报企业');
  await enterprise('today', '今日核查属实企业');
  await enterprise('mixed', '多件举报企业');
  await enterprise('edgeIn', '窗口内最早一日企业');
  await enterprise('edgeOut', '窗口外一日企业');
  await enterprise('many', '多次属实企业');

  const first = await verifiedReport('mixed', '2026-11-01');
  await verifiedReport('mixed', '2026-06-01', 'partly_true');
  await verifiedReport('mixed', '2026-11-02', 'true', first);
  await verifiedReport('mixed', '2026-11-03', 'untrue');
  await verifiedReport('edgeIn', '2025-11-30');
  await verifiedReport('edgeOut', '2025-11-29');
  for (const day of ['2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13'])
    await verifiedReport('many', day);
}, 60_000);
afterAll(() => t?.close());

describe('verified reports in risk-weighted draws', () => {
  it('counts a report the bureau verifies today, through the handling routes', async () => {
    const sent = await t.request({
      method: 'POST',
      url: '/api/v1/public/whistleblowing/reports',
      payload: {
        category: 'illegal_operation',
        description: '夜间违规动火作业，没有审批手续',
        enterpriseId: ids.today,
        anonymous: true,
        deviceId: 'weight-device-0001',
      },
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const list = await t.request({
      method: 'GET',
      url: `/api/v1/whistleblowing/reports?q=${sent.json().queryCode}`,
      as: officer,
    });
    const base = `/api/v1/whistleblowing/reports/${list.json().items[0].id}`;
    expect((await post(`${base}/decision`, { decision: 'accept' })).statusCode).toBe(200);
    expect((await post(`${base}/assignment`, { county: COUNTY, deadline: '2026-12-20' })).statusCode).toBe(
      200,
    );
    const verified = await post(`${base}/verification`, { outcome: 'partly_true', note: '部分属实' });
    expect(verified.json()).toMatchObject({ outcome: 'partly_true', verifiedOn: '2026-11-29' });
  });

  it('adds 2 points per verified report within 365 days, at most 6, and says so in the formula', async () => {
    const created = await draw();
    expect(byKey(created.pool)).toEqual({
      none: [0, 1],
      today: [1, 3],
      mixed: [2, 5],
      edgeIn: [1, 3],
      edgeOut: [0, 1],
      many: [4, 7],
    });
    expect(created.riskWeightFormula.zh).toContain(
      '举报分：近 365 日内经核查属实或部分属实的举报每件 2 分（重复举报不重复计），最多 6 分',
    );
    // Beside each enterprise, its weight's terms.
    expect(created.pool.find((p: { enterpriseId: string }) => p.enterpriseId === ids.mixed).points).toEqual({
      levelPoints: 1,
      hazardPoints: 0,
      alarmPoints: 0,
      reportPoints: 4,
      multiplier: 1,
      weight: 5,
    });
    expect(created.riskWeightFormula.en).toContain(
      'report points: 2 per public report verified true or partly true',
    );
  });

  it('takes a draw’s own report points and window', async () => {
    const created = await draw({
      riskWeightFormula: {
        ...withoutReports,
        pointsPerVerifiedReport: 5,
        maxReportPoints: 5,
        verifiedReportWindowDays: 30,
      },
    });
    expect(byKey(created.pool)).toEqual({
      none: [0, 1],
      today: [1, 6],
      mixed: [1, 6],
      edgeIn: [0, 1],
      edgeOut: [0, 1],
      many: [4, 6],
    });
    expect(created.riskWeightFormula.zh).toContain('举报分：近 30 日内');
  });

  it('leaves the term out of a formula without it, and out of uniform draws', async () => {
    const older = await draw({ riskWeightFormula: withoutReports });
    expect(Object.values(byKey(older.pool))).toEqual(Array(6).fill([undefined, 1]));
    expect(older.riskWeightFormula.zh).not.toContain('举报分');
    const half = await post(`${E}/draws`, {
      title: '半个举报项',
      county: COUNTY,
      mode: 'risk_weighted',
      enterpriseCount: 1,
      riskWeightFormula: { ...withoutReports, pointsPerVerifiedReport: 2 },
    });
    expect([half.statusCode, half.json().error.code]).toEqual([
      400,
      'enforcement.risk_weight_formula_invalid',
    ]);
    const uniform = await draw({ mode: 'uniform' });
    expect(uniform.pool.every((p: object) => !('factors' in p) && !('weight' in p))).toBe(true);
  });

  it('publishes a record with the report term that anyone can verify after the draw', async () => {
    const created = await draw();
    const id = created.id as string;
    for (const step of ['publish', 'execute', 'disclose'])
      expect((await post(`${E}/draws/${id}/${step}`, {})).statusCode).toBe(200);
    const record = await t.request({ method: 'GET', url: `/api/v1/public/draws/${id}` });
    expect(record.statusCode).toBe(200);
    expect(record.json().record.riskWeightFormula).toMatchObject({
      pointsPerVerifiedReport: 2,
      maxReportPoints: 6,
      verifiedReportWindowDays: 365,
    });
    const verified = await t.request({
      method: 'POST',
      url: '/api/v1/calc/draw/verify',
      payload: record.json(),
    });
    expect(verified.json()).toEqual({ ok: true });
  });
});
