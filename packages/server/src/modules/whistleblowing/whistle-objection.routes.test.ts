import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Caller, type TestContext, type TestUser } from '../../../test/test-app.ts';
import { loadWhistleConfig } from './whistle.config.ts';

const COUNTY = '530403';
const START = new Date('2026-11-29T02:00:00.000Z'); // 2026-11-29 in China
const DAY = 86_400_000;

let t: TestContext;
let handler: Caller;
let handlerUser: TestUser;
let city: Caller;
let cityUser: TestUser;
let serial = 0;

const post = (url: string, payload: object, as: Caller | null = null, ip = '203.0.113.40') =>
  t.request({ method: 'POST', url, payload, as, remoteAddress: ip });
const get = (id: string, as: Caller = handler) =>
  t.request({ method: 'GET', url: `/api/v1/whistleblowing/reports/${id}`, as });

/** A report from the public page: its id, code and secret (each from an address of its own). */
async function submit() {
  serial += 1;
  const deviceId = `objection-device-${String(serial).padStart(4, '0')}`;
  const sent = await post(
    '/api/v1/public/whistleblowing/reports',
    {
      category: 'major_hazard',
      description: '安全出口锁闭，夜班无人值守',
      county: COUNTY,
      anonymous: true,
      deviceId,
    },
    null,
    `198.51.100.${serial}`,
  );
  expect(sent.statusCode).toBe(201);
  const { queryCode, secret } = sent.json() as { queryCode: string; secret: string };
  const row = await t.db.query<{ id: string }>('SELECT id FROM whistle_reports WHERE query_code = $1', [
    queryCode,
  ]);
  const ip = `198.51.100.${serial}`;
  const lookup = { queryCode, secret, deviceId };
  return {
    id: row.rows[0]!.id,
    base: `/api/v1/whistleblowing/reports/${row.rows[0]!.id}`,
    object: (reason: string) =>
      post('/api/v1/public/whistleblowing/lookup/objection', { ...lookup, reason }, null, ip),
    look: () => post('/api/v1/public/whistleblowing/lookup', lookup, null, ip),
  };
}

/** Accepted, assigned, verified with the outcome and replied, today. */
async function replied(outcome: 'true' | 'partly_true' | 'untrue' = 'partly_true') {
  const report = await submit();
  expect((await post(`${report.base}/decision`, { decision: 'accept' }, handler)).statusCode).toBe(200);
  await post(`${report.base}/assignment`, { county: COUNTY, deadline: '2027-01-20' }, handler);
  expect((await post(`${report.base}/verification`, { outcome, note: '现场核查' }, handler)).statusCode).toBe(
    200,
  );
  expect((await post(`${report.base}/reply`, { body: '经核查，部分属实。' }, handler)).statusCode).toBe(200);
  return report;
}

/** Moves the clock to `days` after the start, with fresh sessions (a session idles out across days). */
async function at(days: number) {
  t.clock.set(new Date(START.getTime() + days * DAY));
  handler = await t.sessionFor(handlerUser);
  city = await t.sessionFor(cityUser);
}

const today = () => t.clock.now().toISOString().slice(0, 10);
const code = (response: { statusCode: number; json(): { error: { code: string } } }) => [
  response.statusCode,
  response.json().error.code,
];

beforeAll(async () => {
  t = await createTestContext();
  handlerUser = await t.createUser({
    roles: ['county_officer'],
    scope: { kind: 'county', counties: [COUNTY] },
    totp: true,
  });
  cityUser = await t.createUser({ roles: ['city_officer'], scope: { kind: 'city' }, totp: true });
}, 60_000);
afterAll(() => t?.close());

describe('whistleblowing: the objection window and the city’s review (应急〔2023〕106号)', () => {
  it('receives one objection within the window; the city rejects it with a reason the reporter sees', async () => {
    await at(0);
    const report = await replied();
    expect((await report.look()).json().objection).toEqual({
      phase: 'open',
      windowEndsOn: '2026-12-09',
      filedOn: null,
      reason: null,
      status: null,
      reviewDue: null,
      reviewReason: null,
      reviewedOn: null,
    });
    expect(code(await report.object('x'))).toEqual([400, 'request.invalid']);

    await at(10); // 2026-12-09: the window's last day
    const filed = await report.object('核查时企业临时开启了安全出口，平时一直锁闭');
    expect(filed.statusCode).toBe(200);
    expect(filed.json().objection).toMatchObject({
      phase: 'under_review',
      filedOn: '2026-12-09',
      status: 'pending',
      reviewDue: '2027-01-08',
    });
    expect(code(await report.object('再次提出异议'))).toEqual([409, 'whistle.objection_already_filed']);

    // The county sees it but may neither review it nor go on; the city reviews.
    const seen = (await get(report.id)).json();
    expect(seen.allowedActions).toEqual([]);
    expect(seen.objection).toMatchObject({
      reason: '核查时企业临时开启了安全出口，平时一直锁闭',
      status: 'pending',
    });
    expect(
      code(await post(`${report.base}/objection/review`, { decision: 'reject', reason: '不成立' }, handler)),
    ).toEqual([409, 'whistle.action_not_allowed']);
    expect((await get(report.id, city)).json().allowedActions).toEqual(['review_objection']);
    const pending = await t.request({
      method: 'GET',
      url: '/api/v1/whistleblowing/reports?objection=pending',
      as: city,
    });
    expect(pending.json().items.map((r: { id: string }) => r.id)).toEqual([report.id]);
    expect((await post(`${report.base}/objection/review`, { decision: 'reject' }, city)).statusCode).toBe(
      400,
    );

    const rejected = await post(
      `${report.base}/objection/review`,
      { decision: 'reject', reason: '复查监控记录，出口未锁闭' },
      city,
    );
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json()).toMatchObject({
      status: 'replied',
      objection: {
        phase: 'final',
        status: 'rejected',
        reviewReason: '复查监控记录，出口未锁闭',
        reviewedOn: '2026-12-09',
      },
    });
    const shown = (await report.look()).json();
    expect(shown.objection).toMatchObject({
      phase: 'final',
      status: 'rejected',
      reviewReason: '复查监控记录，出口未锁闭',
    });
    expect(shown.messages.at(-1).body).toBe(
      '您的异议经复核不成立，维持原处理结果。理由：复查监控记录，出口未锁闭',
    );
    expect(code(await report.object('仍然不服'))).toEqual([409, 'whistle.objection_already_filed']);
    const audit = await t.db.query<{ status: number }>(
      'SELECT status FROM audit_log WHERE action = $1 ORDER BY seq',
      ['whistle.objection_review'],
    );
    expect(audit.rows.map((r) => r.status)).toEqual([409, 400, 200]);
  });

  it('refuses an objection before any decision and after the window; the case is then final', async () => {
    await at(0);
    const early = await submit();
    expect(code(await early.object('尚未处理就提出异议'))).toEqual([409, 'whistle.objection_not_open']);

    const report = await replied();
    await at(11); // 2026-12-10: one day late
    expect(code(await report.object('逾期提出的异议'))).toEqual([409, 'whistle.objection_window_closed']);
    expect(
      (await t.db.query('SELECT 1 FROM whistle_objections WHERE report_id = $1', [report.id])).rowCount,
    ).toBe(0);
    expect((await report.look()).json().objection).toMatchObject({
      phase: 'final',
      windowEndsOn: '2026-12-09',
    });
    expect((await get(report.id)).json().objection.phase).toBe('final');

    // A reward proposed later is a new decision shown: ten days from the proposal.
    await t.db.query(
      `INSERT INTO whistle_rewards (report_id, status, amount_yuan, basis, rule_id, source, proposed_by, proposed_at)
       VALUES ($1, 'proposed', 3000, 'minimum', 'yunnan-2023', '测试', $2, $3)`,
      [report.id, handlerUser.id, t.clock.now()],
    );
    expect((await report.look()).json().objection).toMatchObject({
      phase: 'open',
      windowEndsOn: '2026-12-20',
    });

    const wrong = await post('/api/v1/public/whistleblowing/lookup/objection', {
      queryCode: 'AAAA-BBBB-CCCC',
      secret: 'A'.repeat(20),
      deviceId: 'objection-device-wrong',
      reason: '猜测查询码',
    });
    expect(code(wrong)).toEqual([404, 'whistle.lookup_failed']);
  });

  it('upheld on the outcome: back to verification, the unpaid reward dropped, then final after the new reply', async () => {
    await at(0);
    const report = await replied('true');
    await t.db.query(
      `INSERT INTO whistle_rewards (report_id, status, amount_yuan, basis, rule_id, source, proposed_by, proposed_at)
       VALUES ($1, 'approved_once', 6000, 'fine_percent', 'yunnan-2023', '测试', $2, $3)`,
      [report.id, handlerUser.id, t.clock.now()],
    );
    expect((await get(report.id)).json().verifiedOn).not.toBeNull();
    await at(2);
    expect((await report.object('罚款金额与实际违法情节不符')).statusCode).toBe(200);
    const upheld = await post(
      `${report.base}/objection/review`,
      { decision: 'uphold', reason: '重新核查罚款依据' },
      city,
    );
    expect(upheld.statusCode).toBe(200);
    expect(upheld.json()).toMatchObject({
      status: 'accepted',
      outcome: null,
      // No longer a verified report: it leaves the 一企一档 and the draws' report points.
      verifiedOn: null,
      reward: null,
      verificationDue: '2027-01-30',
      objection: { phase: 'reopened', status: 'upheld', reopenedTo: 'accepted' },
    });
    expect((await get(report.id)).json().allowedActions).toEqual(['assign', 'verify']);
    const seen = (await report.look()).json();
    expect(seen).toMatchObject({
      status: 'accepted',
      outcome: null,
      reward: null,
      objection: { phase: 'reopened' },
    });
    expect(seen.messages.at(-1).body).toBe(
      '您的异议经复核成立，本局将重新核查并再次答复。说明：重新核查罚款依据',
    );

    await post(`${report.base}/verification`, { outcome: 'true', note: '重新核查属实' }, handler);
    await post(`${report.base}/reply`, { body: '经重新核查，属实。' }, handler);
    expect((await report.look()).json().objection.phase).toBe('final');
    expect(code(await report.object('再次不服'))).toEqual([409, 'whistle.objection_already_filed']);
  });

  it('upheld on a refusal: back to the acceptance decision with a new acceptance period', async () => {
    await at(0);
    const report = await submit();
    await post(`${report.base}/decision`, { decision: 'not_accept', reason: '不属于安全生产事项' }, handler);
    expect((await report.look()).json().objection).toMatchObject({
      phase: 'open',
      windowEndsOn: '2026-12-09',
    });
    await at(3);
    expect((await report.object('锁闭安全出口属于安全生产违法行为')).statusCode).toBe(200);
    const upheld = await post(`${report.base}/objection/review`, { decision: 'uphold' }, city);
    expect(upheld.json()).toMatchObject({
      status: 'received',
      decisionReason: null,
      acceptanceDue: '2026-12-07',
      allowedActions: ['accept', 'not_accept', 'transfer'],
      objection: { status: 'upheld', reopenedTo: 'received', reviewReason: null },
    });
  });

  it('a paid reward cannot be reopened by an upheld objection: 409, the objection stays pending', async () => {
    await at(0);
    const report = await replied('true');
    await t.db.query(
      `INSERT INTO whistle_rewards (report_id, status, amount_yuan, basis, rule_id, source, proposed_by, proposed_at, paid_on)
       VALUES ($1, 'paid', 6000, 'fine_percent', 'yunnan-2023', '测试', $2, $3, '2026-11-29')`,
      [report.id, handlerUser.id, t.clock.now()],
    );
    expect((await report.object('奖励金额计算有误')).statusCode).toBe(200);
    const refused = await post(`${report.base}/objection/review`, { decision: 'uphold' }, city);
    expect(code(refused)).toEqual([409, 'whistle.objection_reward_paid']);
    const row = await t.db.query<{ status: string }>(
      'SELECT status FROM whistle_objections WHERE report_id = $1',
      [report.id],
    );
    expect(row.rows).toEqual([{ status: 'pending' }]);
    expect((await get(report.id)).json().status).toBe('replied');
    expect(today()).toBe('2026-11-29');
  });

  it('a local window from a day on leaves the national ten days for decisions shown before it', () => {
    const rules = loadWhistleConfig({
      WHISTLE_OBJECTION_WINDOW_DAYS: '15',
      WHISTLE_OBJECTION_RULES_FROM: '2027-01-01',
    }).objectionRules;
    expect(rules.map((r) => [r.id, r.validFrom, r.windowDays, r.reviewDays])).toEqual([
      ['mem-2023-106', '2023-10-18', 10, 30],
      ['local', '2027-01-01', 15, 30],
    ]);
    expect(loadWhistleConfig({}).objectionRules.map((r) => r.windowDays)).toEqual([10]);
    expect(() => loadWhistleConfig({ WHISTLE_OBJECTION_WINDOW_DAYS: '0' })).toThrow(
      /WHISTLE_OBJECTION_WINDOW_DAYS/,
    );
  });
});
