import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_FIELD_KEY, createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';
import { createFieldCipher } from '../../platform/crypto.ts';
import { startSmsGateway, type SmsGateway } from '../../platform/sms-gateway.test-support.ts';
import { createSmsOutbox, type SmsOutbox } from '../../platform/sms.ts';

let t: TestContext;
let gateway: SmsGateway;
let sysadmin: Caller;
const senders: SmsOutbox[] = [];

const message = (phone: string, minutes = 5) => ({
  purpose: 'test.notice',
  template: 'test_notice',
  phone,
  params: { code: '424242' },
  text: '【玉溪市应急管理局】测试短信',
  sendBefore: new Date(t.clock.now().getTime() + minutes * 60_000),
});

const outboxView = async (query = '') =>
  (await t.request({ method: 'GET', url: `/api/v1/system/sms-outbox${query}`, as: sysadmin })).json();

beforeAll(async () => {
  gateway = await startSmsGateway();
  t = await createTestContext({ SMS_GATEWAY_URL: gateway.url });
  // Two senders over one database, as two server processes run them.
  for (let i = 0; i < 2; i += 1)
    senders.push(
      createSmsOutbox({
        db: t.db,
        clock: t.clock,
        cipher: createFieldCipher(TEST_FIELD_KEY),
        config: t.config.sms,
      }),
    );
  sysadmin = await t.sessionFor(
    await t.createUser({ roles: ['sysadmin'], scope: { kind: 'city' }, totp: true }),
  );
}, 60_000);
afterAll(async () => {
  await t?.close();
  await gateway?.close();
});

describe('the SMS outbox', () => {
  it('fails a message the gateway refuses, with the reason the system administrator sees', async () => {
    gateway.mode = 'reject';
    await senders[0]!.enqueue(t.db, message('13811112222'));
    expect(await senders[0]!.sendDue()).toEqual({ sent: 0, retried: 0, failed: 1 });
    const view = await outboxView('?status=failed');
    expect(view.gatewayConfigured).toBe(true);
    expect(view.items).toEqual([
      expect.objectContaining({
        purpose: 'test.notice',
        template: 'test_notice',
        phoneMasked: '138****2222',
        status: 'failed',
        attempts: 1,
        lastError: '网关返回状态码 400',
      }),
    ]);
    expect(JSON.stringify(view)).not.toContain('424242');
    const row = await t.db.query('SELECT phone_sealed, params_sealed FROM sms_outbox');
    expect(row.rows).toEqual([{ phone_sealed: null, params_sealed: null }]);
    gateway.mode = 'ok';
  });

  it('fails a message its sender could not get out before it expired, instead of sending it late', async () => {
    gateway.mode = 'down';
    await senders[0]!.enqueue(t.db, message('13822223333', 1));
    expect(await senders[0]!.sendDue()).toEqual({ sent: 0, retried: 1, failed: 0 });
    t.clock.advance(2 * 60_000);
    gateway.mode = 'ok';
    expect(await senders[0]!.sendDue()).toEqual({ sent: 0, retried: 0, failed: 1 });
    expect(gateway.bodies).toEqual([]);
    expect((await outboxView('?status=failed')).items[0]).toMatchObject({
      phoneMasked: '138****3333',
      lastError: '有效期内未能发出（验证码已过期）',
    });
  });

  it('keeps a message queued while nothing listens at the gateway’s address, saying so', async () => {
    const closed = await startSmsGateway();
    await closed.close();
    const unreachable = createSmsOutbox({
      db: t.db,
      clock: t.clock,
      cipher: createFieldCipher(TEST_FIELD_KEY),
      config: { ...t.config.sms, gatewayUrl: closed.url },
    });
    await unreachable.enqueue(t.db, message('13833334444'));
    expect(await unreachable.sendDue()).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect((await outboxView('?status=pending')).items).toEqual([
      expect.objectContaining({
        phoneMasked: '138****4444',
        attempts: 1,
        lastError: '网关无法连接：连接被拒绝',
      }),
    ]);
    // The configured gateway answers: the next pass after the back-off sends it.
    t.clock.advance(10_000);
    expect(await senders[0]!.sendDue()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(gateway.bodies.map((body) => body.to)).toEqual(['13833334444']);
    gateway.bodies.length = 0;
  });

  it('never sends one message twice when two processes send at once', async () => {
    gateway.delayMs = 20;
    for (let i = 0; i < 40; i += 1)
      await senders[0]!.enqueue(t.db, message(`139000000${String(i).padStart(2, '0')}`));
    const [a, b] = await Promise.all([senders[0]!.sendDue(25), senders[1]!.sendDue(25)]);
    const rest = await senders[1]!.sendDue(25);
    expect(a.sent + b.sent + rest.sent).toBe(40);
    expect(a.sent).toBeGreaterThan(0);
    expect(b.sent).toBeGreaterThan(0);
    const ids = gateway.bodies.map((body) => body.id);
    expect(new Set(ids).size).toBe(40);
    expect(ids).toHaveLength(40);
    gateway.delayMs = 0;
  });
});
