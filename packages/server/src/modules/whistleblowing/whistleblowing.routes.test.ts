import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Caller, type TestContext, type TestUser } from '../../../test/test-app.ts';
import { insertEnterprise, insertHazard } from '../../../test/factories.ts';

// A 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const COUNTY = '530403';
const DEVICE = 'device-0123456789abcdef';

let t: TestContext;
let handler: Caller;
let approverA: Caller;
let approverB: Caller;
let custodian: Caller;
let handlerUser: TestUser;
let enterpriseId: string;

async function as(roles: string[], scope: Parameters<TestContext['createUser']>[0]['scope']) {
  const user = await t.createUser({ roles, scope, totp: true });
  return { user, caller: await t.sessionFor(user) };
}

const post = (url: string, payload: object, caller: Caller | null = null, ip = '203.0.113.7') =>
  t.request({ method: 'POST', url, payload, as: caller, remoteAddress: ip });

/** An inspection whose failed item opened a hidden hazard, and a penalty case with a fine. */
async function inspectionWithCase(fineYuan: string) {
  const hazardId = await insertHazard(t.db, {
    enterpriseId,
    county: COUNTY,
    reportedBy: handlerUser.id,
    status: 'reported',
  });
  const inspection = await t.db.query<{ id: string }>(
    `INSERT INTO enforcement_inspections (kind, status, enterprise_id, county, inspector_ids, created_by, created_at, updated_at)
     VALUES ('ad_hoc', 'completed', $1, $2, '{}', $3, now(), now()) RETURNING id`,
    [enterpriseId, COUNTY, handlerUser.id],
  );
  await t.db.query(
    `INSERT INTO enforcement_inspection_items (inspection_id, position, code, text, legal_basis, hazard_category, result, hazard_id)
     VALUES ($1, 1, 'A1', '安全出口', '安全生产法', '05', 'fail', $2)`,
    [inspection.rows[0]!.id, hazardId],
  );
  const state = {
    status: 'decided',
    decision: {
      outcome: 'penalty',
      penalty: { kinds: ['fine'], fineYuan },
      decidedOn: '2026-11-20',
      creditGrounds: [],
    },
  };
  const penalty = await t.db.query<{ id: string }>(
    `INSERT INTO enforcement_cases (enterprise_id, county, inspection_id, party_name, summary, status, state, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, '举报测试企业', '锁闭安全出口', 'decided', $4, $5, now(), now()) RETURNING id`,
    [enterpriseId, COUNTY, inspection.rows[0]!.id, JSON.stringify(state), handlerUser.id],
  );
  return { inspectionId: inspection.rows[0]!.id, hazardId, penaltyCaseId: penalty.rows[0]!.id };
}

beforeAll(async () => {
  t = await createTestContext({ WHISTLE_SUBMITS_PER_HOUR: '3', WHISTLE_CAPTCHA_AFTER_SUBMITS: '3' });
  enterpriseId = await insertEnterprise(t.db, {
    name: '玉溪举报测试化工有限公司',
    county: COUNTY,
    serial: 7101,
  });
  const h = await as(['county_officer'], { kind: 'county', counties: [COUNTY] });
  handler = h.caller;
  handlerUser = h.user;
  approverA = (await as(['city_officer'], { kind: 'city' })).caller;
  approverB = (await as(['city_officer'], { kind: 'city' })).caller;
  custodian = (await as(['whistle_custodian'], { kind: 'city' })).caller;
}, 60_000);
afterAll(() => t?.close());

describe('whistleblowing: from an anonymous report to the reward the reporter sees', () => {
  it('runs the loop; staff never see an identity; the reporter sees outcome and reward', async () => {
    const photo = await t.request({
      method: 'POST',
      url: `/api/v1/public/whistleblowing/photos?deviceId=${DEVICE}`,
      headers: { 'content-type': 'image/png' },
      payload: PNG,
    });
    expect(photo.statusCode).toBe(201);
    const suggestions = await t.request({
      method: 'GET',
      url: '/api/v1/public/whistleblowing/enterprises?q=举报测试',
    });
    expect(suggestions.json()).toEqual([expect.objectContaining({ id: enterpriseId, county: COUNTY })]);

    const sent = await post('/api/v1/public/whistleblowing/reports', {
      category: 'major_hazard',
      description: '仓库安全出口被锁闭，夜班无人值守',
      enterpriseId,
      photoIds: [photo.json().id],
      anonymous: true,
      deviceId: DEVICE,
    });
    expect(sent.statusCode).toBe(201);
    const { queryCode, secret } = sent.json();
    expect(queryCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    const list = await t.request({ method: 'GET', url: '/api/v1/whistleblowing/reports', as: handler });
    expect(list.statusCode).toBe(200);
    const item = list.json().items.find((r: { queryCode: string }) => r.queryCode === queryCode);
    expect(item).toMatchObject({ status: 'received', reporterLabel: '匿名举报人', pseudonym: null });
    const id = item.id;
    const base = `/api/v1/whistleblowing/reports/${id}`;

    expect((await post(`${base}/decision`, { decision: 'accept' }, handler)).json().status).toBe('accepted');
    expect(
      (await post(`${base}/assignment`, { county: COUNTY, deadline: '2026-12-20' }, handler)).statusCode,
    ).toBe(200);
    const linked = await inspectionWithCase('50000.00');
    const verified = await post(
      `${base}/verification`,
      {
        outcome: 'true',
        note: '现场检查属实，已立案处罚',
        inspectionId: linked.inspectionId,
        penaltyCaseId: linked.penaltyCaseId,
      },
      handler,
    );
    expect(verified.json()).toMatchObject({
      status: 'verified',
      hazardIds: [linked.hazardId],
      fineYuan: '50000.00',
      allowedActions: ['reply'],
    });
    await post(`${base}/reply`, { body: '经核查，您反映的问题属实，已责令整改并处罚款。' }, handler);
    const proposed = await post(`${base}/reward`, {}, handler);
    // 15 % of ¥50,000 = ¥7,500 (安监总财〔2018〕19号 Art. 12).
    expect(proposed.json().reward).toMatchObject({
      status: 'proposed',
      amountYuan: '7500.00',
      basis: 'fine_percent',
    });
    expect((await post(`${base}/reward/approval`, {}, approverA)).json().reward.status).toBe('approved_once');
    expect((await post(`${base}/reward/approval`, {}, approverA)).json().error.code).toBe(
      'whistle.same_approver',
    );
    expect((await post(`${base}/reward/approval`, {}, approverB)).json().reward.status).toBe('approved');
    const paid = await post(
      `${base}/reward/payment`,
      { paidOn: '2026-11-30', paymentRef: '云应急奖〔2026〕8号' },
      approverA,
    );
    expect(paid.json().reward.status).toBe('paid');

    const seen = await post('/api/v1/public/whistleblowing/lookup', { queryCode, secret, deviceId: DEVICE });
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({
      status: 'replied',
      outcome: 'true',
      reward: { status: 'paid', amountYuan: '7500.00', paidOn: '2026-11-30' },
    });
    expect(seen.json().messages.map((m: { from: string }) => m.from)).toEqual(['bureau', 'bureau', 'bureau']);

    const detail = await t.request({ method: 'GET', url: base, as: handler });
    expect(JSON.stringify(detail.json())).not.toMatch(/203\.0\.113\.7/);
    const identity = await post(`${base}/identity`, { reason: '核对发放信息' }, custodian);
    expect(identity.json().error.code).toBe('whistle.identity_not_available');
  });

  it('seals a real-name identity, shows staff a pseudonym, and shows the custodian the identity with an audited reason', async () => {
    const sent = await post(
      '/api/v1/public/whistleblowing/reports',
      {
        category: 'illegal_operation',
        description: '无证人员从事电焊作业，未办动火审批',
        county: COUNTY,
        anonymous: false,
        identity: { name: '李四', idNumber: '11010519491231002X', phone: '13800138000' },
        deviceId: 'device-named-0123456789',
      },
      null,
      '198.51.100.9',
    );
    expect(sent.statusCode).toBe(201);
    const list = await t.request({
      method: 'GET',
      url: '/api/v1/whistleblowing/reports?category=illegal_operation',
      as: handler,
    });
    const item = list.json().items[0];
    expect(item.reporterLabel).toMatch(/^实名举报人 [0-9A-Z]{4}$/);
    // The web builds the label in the reader's language from the pseudonym alone.
    expect(item.reporterLabel).toBe(`实名举报人 ${item.pseudonym}`);
    expect(JSON.stringify(list.json())).not.toContain('李四');
    const forbidden = await post(
      `/api/v1/whistleblowing/reports/${item.id}/identity`,
      { reason: '核对身份' },
      handler,
    );
    expect(forbidden.statusCode).toBe(403);
    const shown = await post(
      `/api/v1/whistleblowing/reports/${item.id}/identity`,
      { reason: '核对奖励发放对象' },
      custodian,
    );
    // No SMS gateway here (the embedded demo): the phone is kept, marked 未验证 for the custodian.
    expect(shown.json()).toEqual({
      name: '李四',
      idNumber: '11010519491231002X',
      phone: '13800138000',
      phoneVerified: false,
    });
    const audit = await t.db.query<{ detail: string }>(
      "SELECT detail FROM audit_log WHERE action = 'whistle.identity_view' AND outcome = 'success'",
    );
    expect(audit.rows.map((r) => r.detail)).toEqual(['核对奖励发放对象']);
  });

  it('refuses a wrong secret with the same answer as an unknown code, and throttles guessing', async () => {
    const ip = '192.0.2.50';
    const guess = (code: string) =>
      post(
        '/api/v1/public/whistleblowing/lookup',
        { queryCode: code, secret: 'A'.repeat(20), deviceId: 'guesser-0123456789abcdef' },
        null,
        ip,
      );
    const first = await guess('AAAA-BBBB-CCCC');
    expect(first.statusCode).toBe(404);
    expect(first.json().error.code).toBe('whistle.lookup_failed');
    const statuses: number[] = [];
    for (let i = 0; i < 12; i += 1)
      statuses.push((await guess(`AAAA-BBBB-CC${String(i).padStart(2, '0')}`)).statusCode);
    // After 3 failures a captcha is asked for (400), and after 10 in the hour the client gets 429.
    expect(statuses.slice(0, 2)).toEqual([404, 404]);
    expect(statuses.slice(2)).toEqual(expect.arrayContaining([400]));
    expect(new Set(statuses)).not.toContain(500);
  });

  it('answers a burst of submissions with 429s and never a 5xx, storing only what it accepted', async () => {
    const before = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM whistle_reports');
    const statuses = await Promise.all(
      Array.from({ length: 30 }, () =>
        post(
          '/api/v1/public/whistleblowing/reports',
          {
            category: 'major_hazard',
            description: '连续提交的测试举报内容',
            anonymous: true,
            deviceId: 'burst-device-0123456789',
          },
          null,
          '192.0.2.99',
        ).then((r) => r.statusCode),
      ),
    );
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(27 - 3);
    const after = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM whistle_reports');
    expect(after.rows[0]!.n - before.rows[0]!.n).toBe(statuses.filter((s) => s === 201).length);
    expect(statuses.filter((s) => s === 201).length).toBeLessThanOrEqual(3);
  });

  it('refuses bad input with a 4xx and stores nothing', async () => {
    const before = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM whistle_reports');
    const cases = [
      { category: 'major_hazard', description: '短', anonymous: true, deviceId: 'bad-device-0123456789ab' },
      {
        category: 'x',
        description: '这是一条足够长的举报内容',
        anonymous: true,
        deviceId: 'bad-device-0123456789ab',
      },
      {
        category: 'major_hazard',
        description: '这是一条足够长的举报内容',
        anonymous: true,
        identity: { name: '张三', idNumber: '110105194912310021', phone: '13800138000' },
        deviceId: 'bad-device-0123456789ab',
      },
      {
        category: 'major_hazard',
        description: '这是一条足够长的举报内容',
        anonymous: true,
        photoIds: ['0b8c5a3e-6d1f-4c2a-9e7b-3f5d8a1c2e4b'],
        deviceId: 'bad-device-0123456789ab',
      },
    ];
    for (const payload of cases) {
      const response = await post('/api/v1/public/whistleblowing/reports', payload, null, '192.0.2.77');
      expect(response.statusCode).toBe(400);
    }
    const html = await t.request({
      method: 'POST',
      url: `/api/v1/public/whistleblowing/photos?deviceId=${DEVICE}`,
      headers: { 'content-type': 'image/jpeg' },
      payload: Buffer.from('<html><script>alert(1)</script></html>'),
    });
    expect(html.statusCode).toBe(400);
    const after = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM whistle_reports');
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  });
});
