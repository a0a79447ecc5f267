import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertEnterprise } from '../../../test/factories.ts';
import { TEST_FIELD_KEY, createTestContext, type TestContext } from '../../../test/test-app.ts';
import { createFieldCipher } from '../../platform/crypto.ts';
import { startSmsGateway, type SmsGateway } from '../../platform/sms-gateway.test-support.ts';
import { createSmsOutbox, type SmsOutbox } from '../../platform/sms.ts';
import { createNotificationsRepository } from '../notifications/notifications.repository.ts';
import { createRegistryModule } from '../registry/index.ts';
import { sendObligationReminders } from './obligation-reminders.job.ts';
import { createObligationRemindersRepository } from './obligation-reminders.repository.ts';

// The test clock reads 2026-11-29 (Beijing).
const COUNTY = '530402';
const cipher = createFieldCipher(TEST_FIELD_KEY);

let t: TestContext;
let gateway: SmsGateway;
let outbox: SmsOutbox;
let plant: string;
let unreachable: string;

const run = (enabled = true) =>
  sendObligationReminders({
    db: t.db,
    clock: t.clock,
    reminders: createObligationRemindersRepository(),
    notifications: createNotificationsRepository(t.db),
    days: 30,
    sms: {
      outbox,
      enterprises: createRegistryModule({ db: t.db, clock: t.clock, cipher }).enterpriseLookup,
      cipher,
      signName: '玉溪市应急管理局',
      enabled,
    },
  });

async function expiringCertificate(enterpriseId: string, name: string, expiresOn: string) {
  const person = await t.db.query<{ id: string }>(
    `INSERT INTO obligation_people (enterprise_id, county, name, id_number_masked, post, operation, created_at, updated_at)
     VALUES ($1, $2, $3, '530402********0011', 'special_operation', 'welding', now(), now()) RETURNING id`,
    [enterpriseId, COUNTY, name],
  );
  await t.db.query(
    `INSERT INTO obligation_certificates (person_id, kind, number, operation, authority, issued_on, expires_on, created_at)
     VALUES ($1, 'special_operation', $2, 'welding', '玉溪市应急管理局', '2021-01-01', $3, now())`,
    [person.rows[0]!.id, `T-${name}-${expiresOn}`, expiresOn],
  );
}

beforeAll(async () => {
  gateway = await startSmsGateway();
  t = await createTestContext({ SMS_GATEWAY_URL: gateway.url });
  outbox = createSmsOutbox({ db: t.db, clock: t.clock, cipher, config: t.config.sms });
  plant = await insertEnterprise(t.db, { name: '红塔区短信化工有限公司', county: COUNTY, serial: 81 });
  unreachable = await insertEnterprise(t.db, { name: '红塔区无电话机械厂', county: COUNTY, serial: 82 });
  await t.db.query('UPDATE enterprises SET contacts = $2 WHERE id = $1', [
    plant,
    { safetyManager: { name: '安全员', phoneEnc: cipher.encrypt('13912345678') } },
  ]);
  await t.db.query('UPDATE enterprises SET contacts = $2 WHERE id = $1', [
    unreachable,
    { safetyManager: { name: '安全员' } },
  ]);
}, 60_000);
afterAll(async () => {
  await t?.close();
  await gateway?.close();
});

describe('obligations: reminders texted to the safety manager', () => {
  it('texts an enterprise once a day however many of its papers fall due, never a unit without a phone', async () => {
    expect(t.config.obligations.reminderSms).toBe(true);
    await expiringCertificate(plant, '李焊工', '2026-12-19');
    await expiringCertificate(plant, '王电工', '2026-12-20');
    await expiringCertificate(unreachable, '赵司炉', '2026-12-21');

    expect((await run())!.map((s) => s.dueOn)).toEqual(['2026-12-19', '2026-12-20', '2026-12-21']);
    expect(await outbox.sendDue()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(gateway.bodies).toEqual([
      {
        id: expect.stringMatching(/^sms-\d+$/),
        to: '13912345678',
        template: 'obligation_reminder',
        params: { enterprise: '红塔区短信化工有限公司', count: '2', days: '30' },
        text: '【玉溪市应急管理局】红塔区短信化工有限公司：有 2 项安全生产证书或安责险保单将在 30 日内到期或需复审，请登录安全生产监管平台查看并及时办理。',
      },
    ]);

    // A new paper falling due later the same day: in the app, but no second SMS that day.
    await expiringCertificate(plant, '孙电工', '2026-12-22');
    expect((await run())!.map((s) => s.dueOn)).toEqual(['2026-12-22']);
    expect(await outbox.sendDue()).toEqual({ sent: 0, retried: 0, failed: 0 });

    // The next day's new reminder is texted again.
    t.clock.advance(86_400_000);
    await expiringCertificate(plant, '周焊工', '2026-12-23');
    expect((await run())!.map((s) => s.dueOn)).toEqual(['2026-12-23']);
    expect(await outbox.sendDue()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(gateway.bodies.map((b) => [b.to, b.params.count])).toEqual([
      ['13912345678', '2'],
      ['13912345678', '1'],
    ]);
    const rows = await t.db.query(
      "SELECT to_char(sent_on, 'YYYY-MM-DD') AS day, reminders FROM obligation_reminder_sms ORDER BY sent_on",
    );
    expect(rows.rows).toEqual([
      { day: '2026-11-29', reminders: 2 },
      { day: '2026-11-30', reminders: 1 },
    ]);
  });

  it('texts nobody when the setting is off', async () => {
    t.clock.advance(86_400_000);
    await expiringCertificate(plant, '钱焊工', '2026-12-24');
    expect((await run(false))!.map((s) => s.dueOn)).toEqual(['2026-12-24']);
    expect(await outbox.sendDue()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(gateway.bodies).toHaveLength(2);
  });
});
