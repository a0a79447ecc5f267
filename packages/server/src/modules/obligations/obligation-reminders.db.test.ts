import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertEnterprise } from '../../../test/factories.ts';
import { leaderLockKeys } from '../../platform/leader-lock.ts';
import { createTestContext, type TestContext, type TestUser } from '../../../test/test-app.ts';
import { createNotificationsRepository } from '../notifications/notifications.repository.ts';
import { sendObligationReminders } from './obligation-reminders.job.ts';
import { createObligationRemindersRepository } from './obligation-reminders.repository.ts';

// The test clock reads 2026-11-29 (Beijing).
const COUNTY = '530402';
const OTHER = '530423';

let t: TestContext;
let plant: string;
let neighbour: string;
let manager: TestUser;
let officer: TestUser;
let otherOfficer: TestUser;
let otherManager: TestUser;

const run = (days = 30) =>
  sendObligationReminders({
    db: t.db,
    clock: t.clock,
    reminders: createObligationRemindersRepository(),
    notifications: createNotificationsRepository(t.db),
    days,
  });

async function person(enterpriseId: string, name: string): Promise<string> {
  const rows = await t.db.query<{ id: string }>(
    `INSERT INTO obligation_people (enterprise_id, county, name, id_number_masked, post, operation, created_at, updated_at)
     VALUES ($1, $2, $3, '530402********0011', 'special_operation', 'welding', now(), now()) RETURNING id`,
    [enterpriseId, COUNTY, name],
  );
  return rows.rows[0]!.id;
}

async function certificate(personId: string, number: string, expiresOn: string, reviewDueOn: string | null) {
  const rows = await t.db.query<{ id: string }>(
    `INSERT INTO obligation_certificates (person_id, kind, number, operation, authority, issued_on, expires_on, review_due_on, created_at)
     VALUES ($1, 'special_operation', $2, 'welding', '玉溪市应急管理局', '2021-01-01', $3, $4, now()) RETURNING id`,
    [personId, number, expiresOn, reviewDueOn],
  );
  return rows.rows[0]!.id;
}

async function heard(user: TestUser) {
  const rows = await t.db.query<{
    title_zh: string;
    body_zh: string;
    body_en: string;
    data: { kind: string };
  }>(
    `SELECT title_zh, body_zh, body_en, data FROM notifications
      WHERE user_id = $1 AND kind = 'obligations.reminder' ORDER BY body_zh`,
    [user.id],
  );
  return rows.rows;
}

beforeAll(async () => {
  t = await createTestContext();
  plant = await insertEnterprise(t.db, {
    name: '红塔区提醒化工有限公司',
    county: COUNTY,
    serial: 71,
    sectors: ['hazchem_production'],
  });
  neighbour = await insertEnterprise(t.db, { name: '红塔区邻居机械厂', county: COUNTY, serial: 72 });
  manager = await t.createUser({
    roles: ['enterprise_manager'],
    scope: { kind: 'enterprise', enterpriseId: plant, county: COUNTY },
  });
  otherManager = await t.createUser({
    roles: ['enterprise_manager'],
    scope: { kind: 'enterprise', enterpriseId: neighbour, county: COUNTY },
  });
  officer = await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: [COUNTY] } });
  otherOfficer = await t.createUser({
    roles: ['county_officer'],
    scope: { kind: 'county', counties: [OTHER] },
  });
}, 60_000);
afterAll(() => t?.close());

describe('obligations: expiry and review reminders', () => {
  it('reminds a certificate expiring in 20 days once, to the enterprise and the county; not one in 60', async () => {
    const soon = await certificate(await person(plant, '李焊工'), 'T530402198001010011', '2026-12-19', null);
    await certificate(await person(plant, '王电工'), 'T530402198001010022', '2027-01-28', null);

    // Two processes at once: one holds the run lock (the other answers null, or finds it sent).
    const sent = (await Promise.all([run(), run()])).flatMap((r) => r ?? []);
    expect(sent.map((s) => [s.subject, s.recordId, s.kind, s.dueOn, s.notified])).toEqual([
      ['certificate', soon, 'expiry', '2026-12-19', 2],
    ]);
    expect(await run()).toEqual([]);
    // While another process holds the run lock, a run does nothing.
    const other = await t.db.connect();
    try {
      await other.query('BEGIN');
      await other.query('SELECT pg_advisory_xact_lock($1)', [leaderLockKeys.obligationReminders]);
      expect(await run()).toBeNull();
    } finally {
      await other.query('ROLLBACK');
      other.release();
    }
    expect((await Promise.all([run(), run()])).flatMap((r) => r ?? [])).toEqual([]);

    for (const user of [manager, officer]) {
      const got = await heard(user);
      expect(got).toHaveLength(1);
      expect(got[0]).toMatchObject({
        title_zh: '证书即将到期',
        body_zh: '红塔区提醒化工有限公司：李焊工的特种作业操作证将于 2026-12-19 到期',
        body_en: "红塔区提醒化工有限公司: 李焊工's Special-operation certificate expires on 2026-12-19",
        data: { kind: 'expiry' },
      });
      // Never the ID number nor the certificate's number.
      expect(JSON.stringify(got)).not.toMatch(/530402|T5304/);
    }
    expect(await heard(otherManager)).toEqual([]);
    expect(await heard(otherOfficer)).toEqual([]);
    const rows = await t.db.query('SELECT count(*)::int AS n FROM obligation_reminders');
    expect(rows.rows[0]).toEqual({ n: 1 });
  });

  it('reminds a 复审 and a policy due within the window, and a renewed policy not at all', async () => {
    await t.db.query('DELETE FROM notifications');
    const holder = await person(neighbour, '赵司炉');
    const reviewed = await certificate(holder, 'T530402198001010033', '2027-06-30', '2026-12-09');
    const policy = await t.db.query<{ id: string }>(
      `INSERT INTO obligation_policies (enterprise_id, county, insurer, policy_number, starts_on, ends_on,
         insured_persons, per_person_yuan, premium_yuan, created_at, updated_at)
       VALUES ($1, $2, '玉溪财险', 'P-REMIND-1', '2026-01-01', '2026-12-14', 10, 400000, 5000, now(), now())
       RETURNING id`,
      [neighbour, COUNTY],
    );
    await t.db.query(
      `INSERT INTO obligation_policies (enterprise_id, county, insurer, policy_number, starts_on, ends_on,
         insured_persons, per_person_yuan, premium_yuan, created_at, updated_at)
       VALUES ($1, $2, '玉溪财险', 'P-RENEWED-1', '2026-01-01', '2026-12-10', 10, 400000, 5000, now(), now()),
              ($1, $2, '玉溪财险', 'P-RENEWED-2', '2026-12-11', '2027-12-10', 10, 400000, 5000, now(), now())`,
      [plant, COUNTY],
    );

    const sent = await run();
    expect(sent!.map((s) => [s.subject, s.recordId, s.kind, s.dueOn, s.notified])).toEqual([
      ['certificate', reviewed, 'review', '2026-12-09', 2],
      ['policy', policy.rows[0]!.id, 'expiry', '2026-12-14', 2],
    ]);
    expect((await heard(otherManager)).map((n) => n.body_zh)).toEqual([
      '红塔区邻居机械厂：玉溪财险承保的安全生产责任保险保单 2026-12-14 到期，请及时续保',
      '红塔区邻居机械厂：赵司炉的特种作业操作证应于 2026-12-09 前复审',
    ]);
    expect(await heard(manager)).toEqual([]);
    expect(await run()).toEqual([]);
  });
});
