import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_FIELD_KEY, createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';
import { createFieldCipher } from '../../platform/crypto.ts';
import { startSmsGateway, type SmsGateway } from '../../platform/sms-gateway.test-support.ts';
import { createSmsOutbox, type SmsOutbox } from '../../platform/sms.ts';
import { captchaAnswerHash } from '../auth/captcha.ts';

const COUNTY = '530402';
const codes = '/api/v1/public/whistleblowing/sms-codes';
const reports = '/api/v1/public/whistleblowing/reports';

let t: TestContext;
let gateway: SmsGateway;
let custodian: Caller;
/** A sender as another process would run it (the tests' app runs no background work). */
let sender: SmsOutbox;
let serial = 0;

/** Each call from an address and device of its own, unless the test is about one of them. */
function client() {
  serial += 1;
  return {
    ip: `198.18.${Math.floor(serial / 250)}.${serial % 250}`,
    deviceId: `sms-test-device-${serial}-abcdef`,
  };
}

const askCode = (phone: string, from = client(), extra: object = {}) =>
  t.request({
    method: 'POST',
    url: codes,
    payload: { phone, deviceId: from.deviceId, ...extra },
    remoteAddress: from.ip,
  });

function realName(phone: string, smsCode?: string) {
  const from = client();
  return t.request({
    method: 'POST',
    url: reports,
    payload: {
      category: 'major_hazard',
      description: '仓库内违规存放大量危险化学品，无人看管',
      county: COUNTY,
      anonymous: false,
      identity: { name: '王五', idNumber: '11010519491231002X', phone },
      deviceId: from.deviceId,
      ...(smsCode ? { smsCode } : {}),
    },
    remoteAddress: from.ip,
  });
}

const reportCount = async () =>
  (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM whistle_reports')).rows[0]!.n;

/** Sends what the outbox holds and answers the code the gateway got for `phone` last. */
async function deliveredCode(phone: string): Promise<string> {
  await sender.sendDue();
  const body = gateway.bodies.filter((b) => b.to === phone).at(-1);
  expect(body).toBeDefined();
  return body!.params.code!;
}

/** A whistle captcha whose answer the test knows (its stored hash replaced). */
async function captcha() {
  const made = await t.request({ method: 'POST', url: '/api/v1/public/whistleblowing/captcha' });
  const { id } = made.json();
  await t.db.query('UPDATE login_captchas SET answer_hash = $2 WHERE id = $1', [
    id,
    captchaAnswerHash(id, 'k7pw'),
  ]);
  return { captchaId: id, captchaAnswer: 'k7pw' };
}

beforeAll(async () => {
  gateway = await startSmsGateway();
  t = await createTestContext({ SMS_GATEWAY_URL: gateway.url, SMS_GATEWAY_TOKEN: 'gateway-token-123' });
  sender = createSmsOutbox({
    db: t.db,
    clock: t.clock,
    cipher: createFieldCipher(TEST_FIELD_KEY),
    config: t.config.sms,
  });
  custodian = await t.sessionFor(
    await t.createUser({ roles: ['whistle_custodian'], scope: { kind: 'city' }, totp: true }),
  );
}, 60_000);
afterAll(async () => {
  await t?.close();
  await gateway?.close();
});

describe('whistleblowing: SMS codes prove a real-name reporter’s phone', () => {
  it('texts a six-digit code the report must carry; a wrong or reused code stores nothing', async () => {
    const phone = '13800138000';
    expect((await t.request({ method: 'GET', url: codes })).json()).toEqual({
      codeRequired: true,
      resendAfterSeconds: 60,
    });
    const asked = await askCode(phone);
    expect([asked.statusCode, asked.json()]).toEqual([
      202,
      { resendAfterSeconds: 60, expiresInSeconds: 300 },
    ]);
    const code = await deliveredCode(phone);
    expect(code).toMatch(/^\d{6}$/);
    const body = gateway.bodies.at(-1)!;
    expect(body).toMatchObject({ to: phone, template: 'whistle_code', params: { code, minutes: '5' } });
    expect(body.text).toBe(
      `【玉溪市应急管理局】您的举报验证码为${code}，5分钟内有效。如非本人操作，请忽略本短信。`,
    );
    expect(gateway.authorizations.at(-1)).toBe('Bearer gateway-token-123');

    // Once sent, neither the outbox nor the code table holds the phone or the code in clear.
    const outbox = await t.db.query('SELECT * FROM sms_outbox WHERE id = $1', [body.id.replace('sms-', '')]);
    expect(outbox.rows[0]).toMatchObject({ status: 'sent', phone_masked: '138****8000', phone_sealed: null });
    const kept = JSON.stringify([outbox.rows, (await t.db.query('SELECT * FROM whistle_sms_codes')).rows]);
    expect(kept).not.toContain(phone);
    expect(kept).not.toContain(code);

    const before = await reportCount();
    const missing = await realName(phone);
    expect([missing.statusCode, missing.json().error.code]).toEqual([400, 'whistle.sms_code_required']);
    const wrong = await realName(phone, code === '000000' ? '000001' : '000000');
    expect([wrong.statusCode, wrong.json().error.code]).toEqual([400, 'whistle.sms_code_invalid']);
    expect(await reportCount()).toBe(before);

    const sent = await realName(phone, code);
    expect(sent.statusCode).toBe(201);
    const reused = await realName(phone, code);
    expect([reused.statusCode, reused.json().error.code]).toEqual([400, 'whistle.sms_code_invalid']);
    expect(await reportCount()).toBe(before + 1);

    const stored = await t.db.query<{ id: string }>('SELECT id FROM whistle_reports WHERE query_code = $1', [
      sent.json().queryCode,
    ]);
    const identity = await t.request({
      method: 'POST',
      url: `/api/v1/whistleblowing/reports/${stored.rows[0]!.id}/identity`,
      payload: { reason: '核对奖励发放对象' },
      as: custodian,
    });
    expect(identity.json()).toMatchObject({ phone, phoneVerified: true });
  });

  it('refuses an expired code, and a code after five wrong tries, storing nothing', async () => {
    const before = await reportCount();
    const late = '13900139000';
    await askCode(late);
    const lateCode = await deliveredCode(late);
    t.clock.advance(5 * 60_000 + 1000);
    const expired = await realName(late, lateCode);
    expect([expired.statusCode, expired.json().error.code]).toEqual([400, 'whistle.sms_code_expired']);

    const guessed = '13700137000';
    await askCode(guessed);
    const right = await deliveredCode(guessed);
    const other = right === '111111' ? '222222' : '111111';
    for (let i = 0; i < 5; i += 1)
      expect((await realName(guessed, other)).json().error.code).toBe('whistle.sms_code_invalid');
    const locked = await realName(guessed, right);
    expect([locked.statusCode, locked.json().error.code]).toEqual([400, 'whistle.sms_code_expired']);
    expect(await reportCount()).toBe(before);
  });

  it('answers 202 while the gateway is down, keeps the code queued and sends it once the gateway is back', async () => {
    const phone = '13800000099';
    gateway.mode = 'down';
    const asked = await askCode(phone);
    expect(asked.statusCode).toBe(202);
    expect(await sender.sendDue()).toEqual({ sent: 0, retried: 1, failed: 0 });
    const waiting = await t.db.query(
      "SELECT status, attempts, last_error FROM sms_outbox WHERE phone_masked = '138****0099'",
    );
    expect(waiting.rows).toEqual([{ status: 'pending', attempts: 1, last_error: '网关返回状态码 503' }]);
    // Backing off: nothing is due until the 10 s have passed.
    gateway.mode = 'ok';
    expect(await sender.sendDue()).toEqual({ sent: 0, retried: 0, failed: 0 });
    t.clock.advance(10_000);
    const code = await deliveredCode(phone);
    expect((await realName(phone, code)).statusCode).toBe(201);
  });

  it('keeps an anonymous report free of any SMS and any phone', async () => {
    const queued = async () =>
      (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM sms_outbox')).rows[0]!.n;
    const before = await queued();
    const from = client();
    const sent = await t.request({
      method: 'POST',
      url: reports,
      payload: {
        category: 'major_hazard',
        description: '车间消防通道被货物堵死，无法通行',
        county: COUNTY,
        anonymous: true,
        deviceId: from.deviceId,
      },
      remoteAddress: from.ip,
    });
    expect(sent.statusCode).toBe(201);
    expect(await queued()).toBe(before);
    const identity = await t.db.query(
      'SELECT 1 FROM whistle_identities i JOIN whistle_reports r ON r.id = i.report_id WHERE r.query_code = $1',
      [sent.json().queryCode],
    );
    expect(identity.rowCount).toBe(0);
  });
});

describe('whistleblowing: SMS quotas answer 429 with a stable code and Retry-After', () => {
  it('one code per phone per minute and five a day', async () => {
    const phone = '13600136000';
    expect((await askCode(phone)).statusCode).toBe(202);
    const soon = await askCode(phone);
    expect([soon.statusCode, soon.json().error.code]).toEqual([429, 'whistle.sms_too_soon']);
    expect(Number(soon.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(soon.headers['retry-after'])).toBeLessThanOrEqual(60);
    for (let i = 2; i <= 5; i += 1) {
      t.clock.advance(61_000);
      expect((await askCode(phone)).statusCode).toBe(202);
    }
    t.clock.advance(61_000);
    const daily = await askCode(phone);
    expect([daily.statusCode, daily.json().error.code]).toEqual([429, 'whistle.sms_daily_quota']);
    expect(Number(daily.headers['retry-after'])).toBeGreaterThan(60);
  });

  it('asks for a captcha after two requests from one client and stops an address at twenty an hour', async () => {
    const from = client();
    const phoneOf = (i: number) => `1350000${String(1000 + i)}`;
    expect((await askCode(phoneOf(1), from)).statusCode).toBe(202);
    expect((await askCode(phoneOf(2), from)).statusCode).toBe(202);
    const unproven = await askCode(phoneOf(3), from);
    expect([unproven.statusCode, unproven.json().error.code]).toEqual([400, 'whistle.captcha_required']);
    for (let i = 4; i <= 20; i += 1)
      expect((await askCode(phoneOf(i), from, await captcha())).statusCode).toBe(202);
    const over = await askCode(phoneOf(21), from, await captcha());
    expect([over.statusCode, over.json().error.code]).toEqual([429, 'whistle.sms_ip_quota']);
    expect(over.headers['retry-after']).toBe('3600');
  });

  it('answers a burst for one phone with one code and 429s, never a 5xx', async () => {
    const answers = await Promise.all(Array.from({ length: 30 }, () => askCode('13300133000')));
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((s) => s === 202)).toHaveLength(1);
    expect(statuses.filter((s) => s === 429)).toHaveLength(29);
  });
});
