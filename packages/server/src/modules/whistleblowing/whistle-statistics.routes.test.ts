import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Caller, type TestContext, type TestUser } from '../../../test/test-app.ts';

const COUNTY = '530403';
const OTHER = '530423';

let t: TestContext;
let county: Caller;
let city: Caller;
let user: TestUser;
let serial = 0;

async function report(values: {
  county?: string;
  channel?: string;
  category?: string;
  receivedOn: string;
  status: string;
  decidedOn?: string;
  outcome?: string;
  paidYuan?: string;
}) {
  serial += 1;
  const row = await t.db.query<{ id: string }>(
    `INSERT INTO whistle_reports (query_code, secret_salt, secret_hash, channel, category, description, county, anonymous,
       received_on, status, acceptance_due, decided_on, outcome)
     VALUES ($1, 's', 'h', $2, $3, '统计测试', $4, true, $5, $6, $5::date + 5, $7, $8) RETURNING id`,
    [
      `STAT-${String(serial).padStart(4, '0')}`,
      values.channel ?? 'online',
      values.category ?? 'major_hazard',
      values.county ?? COUNTY,
      values.receivedOn,
      values.status,
      values.decidedOn ?? null,
      values.outcome ?? null,
    ],
  );
  if (values.paidYuan)
    await t.db.query(
      `INSERT INTO whistle_rewards (report_id, status, amount_yuan, basis, rule_id, source, proposed_by, proposed_at, paid_on)
       VALUES ($1, 'paid', $2, 'fine_percent', 'yunnan-2023', '测试', $3, now(), $4)`,
      [row.rows[0]!.id, values.paidYuan, user.id, values.receivedOn],
    );
}

const stats = (as: Caller, query = 'from=2026-10-01&to=2026-11-30') =>
  t.request({ method: 'GET', url: `/api/v1/whistleblowing/statistics?${query}`, as });

beforeAll(async () => {
  t = await createTestContext();
  user = await t.createUser({
    roles: ['county_officer'],
    scope: { kind: 'county', counties: [COUNTY] },
    totp: true,
  });
  county = await t.sessionFor(user);
  city = await t.sessionFor(
    await t.createUser({ roles: ['city_officer'], scope: { kind: 'city' }, totp: true }),
  );
  // In the county: accepted on time and found true with ¥6,000 paid; refused late; one waiting;
  // one found untrue (on time, by letter); one outside the period.
  await report({
    receivedOn: '2026-10-03',
    status: 'replied',
    decidedOn: '2026-10-05',
    outcome: 'true',
    paidYuan: '6000.00',
  });
  await report({ receivedOn: '2026-10-20', status: 'not_accepted', decidedOn: '2026-10-30' });
  await report({ receivedOn: '2026-11-02', status: 'received', category: 'illegal_operation' });
  await report({
    receivedOn: '2026-11-05',
    status: 'replied',
    decidedOn: '2026-11-06',
    outcome: 'untrue',
    channel: 'letter',
  });
  await report({ receivedOn: '2026-09-30', status: 'received' });
  // Another county: only the city sees it.
  await report({
    county: OTHER,
    receivedOn: '2026-11-10',
    status: 'accepted',
    decidedOn: '2026-11-11',
    channel: 'phone_12350',
  });
}, 60_000);
afterAll(() => t?.close());

describe('whistleblowing statistics', () => {
  it('counts the county’s reports of the period with exact rates and the rewards paid', async () => {
    const answer = await stats(county);
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toEqual({
      total: 4,
      byChannel: [
        { key: 'letter', count: 1 },
        { key: 'online', count: 3 },
      ],
      byCategory: [
        { key: 'illegal_operation', count: 1 },
        { key: 'major_hazard', count: 3 },
      ],
      byCounty: [{ key: COUNTY, count: 4 }],
      byMonth: [
        { key: '2026-10', count: 2 },
        { key: '2026-11', count: 2 },
      ],
      decided: 3,
      accepted: 2,
      acceptedOnTime: 2,
      withOutcome: 2,
      verified: 1,
      acceptanceRate: 0.6667,
      verifiedRate: 0.5,
      onTimeRate: 0.6667,
      rewardsPaidCount: 1,
      rewardsPaidYuan: '6000.00',
    });
  });

  it('gives the city every county, exports a workbook, and refuses a reversed period', async () => {
    const all = (await stats(city)).json();
    expect([all.total, all.byCounty]).toEqual([
      5,
      [
        { key: COUNTY, count: 4 },
        { key: OTHER, count: 1 },
      ],
    ]);
    const empty = (await stats(county, 'from=2025-01-01&to=2025-01-31')).json();
    expect([empty.total, empty.acceptanceRate, empty.rewardsPaidYuan]).toEqual([0, null, '0.00']);
    const reversed = await stats(county, 'from=2026-11-30&to=2026-10-01');
    expect([reversed.statusCode, reversed.json().error.code]).toEqual([400, 'request.invalid']);
    const workbook = await t.request({
      method: 'GET',
      url: '/api/v1/whistleblowing/statistics/export?from=2026-10-01&to=2026-11-30',
      as: county,
    });
    expect(workbook.statusCode).toBe(200);
    expect(workbook.headers['content-type']).toContain('spreadsheetml');
  });
});
