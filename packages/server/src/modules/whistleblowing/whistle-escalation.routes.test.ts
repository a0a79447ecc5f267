import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Caller, type TestContext, type TestUser } from '../../../test/test-app.ts';
import { createNotificationsRepository } from '../notifications/notifications.repository.ts';
import { createWhistleEscalationRepository } from './whistle-escalation.repository.ts';
import { createWhistleEscalationWorker } from './whistle-escalation.worker.ts';

const COUNTY = '530403';
const OTHER = '530423';

let t: TestContext;
let county: { user: TestUser; caller: Caller };
let other: { user: TestUser };
let city: { user: TestUser };

async function as(roles: string[], scope: Parameters<TestContext['createUser']>[0]['scope']) {
  const user = await t.createUser({ roles, scope, totp: true });
  return { user, caller: await t.sessionFor(user) };
}

async function insertReport(code: string, status: string, dates: Record<string, string | null>) {
  const rows = await t.db.query<{ id: string }>(
    `INSERT INTO whistle_reports (query_code, secret_salt, secret_hash, channel, category, description, county,
       enterprise_name, anonymous, received_on, status, acceptance_due, assigned_county, assigned_deadline, verification_due)
     VALUES ($1, 's', 'h', 'online', 'major_hazard', '锁闭安全出口', $2, '玉溪逾期测试厂', true, '2026-12-01', $3, $4, $5, $6, $7)
     RETURNING id`,
    [
      code,
      COUNTY,
      status,
      dates.acceptanceDue,
      dates.assignedCounty ?? null,
      dates.assignedDeadline ?? null,
      dates.verificationDue ?? null,
    ],
  );
  return rows.rows[0]!.id;
}

const worker = () =>
  createWhistleEscalationWorker({
    db: t.db,
    clock: t.clock,
    escalation: createWhistleEscalationRepository(t.db),
    notifications: createNotificationsRepository(t.db),
  });

async function notificationsOf(user: TestUser) {
  const rows = await t.db.query<{ title_zh: string; body_zh: string; data: { step: string } }>(
    `SELECT title_zh, body_zh, data FROM notifications WHERE user_id = $1 AND kind = 'whistle.escalation'
      ORDER BY created_at, data->>'step'`,
    [user.id],
  );
  return rows.rows;
}

beforeAll(async () => {
  t = await createTestContext();
  county = await as(['county_officer'], { kind: 'county', counties: [COUNTY] });
  other = await as(['county_officer'], { kind: 'county', counties: [OTHER] });
  city = await as(['city_officer'], { kind: 'city' });
}, 60_000);
afterAll(() => t?.close());

describe('whistleblowing: the overdue ladder', () => {
  it('fires each step once with two processes; the county hears every step, the city from 通报 on', async () => {
    const late = await insertReport('ESC-LATE-0001', 'received', { acceptanceDue: '2026-12-10' });
    await insertReport('ESC-FINE-0001', 'received', { acceptanceDue: '2026-12-30' });
    // 2026-12-16 (China): 6 days past the acceptance deadline: 提醒, 警示 and 通报 are due.
    const at = new Date('2026-12-16T02:00:00Z');
    const runs = await Promise.all([worker().runOnce(at), worker().runOnce(at)]);
    const fired = runs.flatMap((run) => run ?? []);
    expect(fired.map((f) => [f.reportId, f.subject, f.step]).sort()).toEqual([
      [late, 'acceptance', 'notice'],
      [late, 'acceptance', 'reminder'],
      [late, 'acceptance', 'warning'],
    ]);
    expect(await worker().runOnce(at)).toEqual([]);

    const heard = await notificationsOf(county.user);
    expect(heard.map((n) => n.data.step).sort()).toEqual(['notice', 'reminder', 'warning']);
    expect(heard[0]!.body_zh).toBe('重大事故隐患：玉溪逾期测试厂，受理期限 2026-12-10');
    // Nothing that names the report to the public side: no query code, no text of the report.
    for (const n of heard) expect(`${n.title_zh}${n.body_zh}`).not.toMatch(/ESC-LATE|安全出口/);
    expect((await notificationsOf(city.user)).map((n) => n.data.step)).toEqual(['notice']);
    expect(await notificationsOf(other.user)).toEqual([]);
  });

  it('a new assignment deadline starts the verification ladder; the list filters and the detail shows it', async () => {
    const id = await insertReport('ESC-VERI-0001', 'accepted', {
      acceptanceDue: '2026-12-05',
      assignedCounty: COUNTY,
      assignedDeadline: '2026-12-20',
      verificationDue: '2027-02-01',
    });
    const fired = await worker().runOnce(new Date('2026-12-14T02:00:00Z'));
    expect(fired!.map((f) => [f.reportId, f.subject, f.step])).toEqual([[id, 'verification', 'reminder']]);
    await t.db.query(`UPDATE whistle_reports SET assigned_deadline = '2026-12-31' WHERE id = $1`, [id]);
    const again = await worker().runOnce(new Date('2026-12-25T02:00:00Z'));
    expect(again!.map((f) => [f.reportId, f.step])).toEqual([[id, 'reminder']]);

    // The list's 逾期 is today's (the server's clock); a session is made for each day the test visits.
    t.clock.set(new Date('2027-01-02T02:00:00Z'));
    let caller = await t.sessionFor(county.user);
    const list = (query: string) =>
      t.request({ method: 'GET', url: `/api/v1/whistleblowing/reports?${query}`, as: caller });
    const overdue = (await list('overdue=true')).json();
    expect(overdue.items.map((r: { queryCode: string }) => r.queryCode).sort()).toEqual([
      'ESC-FINE-0001',
      'ESC-LATE-0001',
      'ESC-VERI-0001',
    ]);
    expect(overdue.items.every((r: { overdue: boolean }) => r.overdue)).toBe(true);
    t.clock.set(new Date('2026-12-20T02:00:00Z'));
    caller = await t.sessionFor(county.user);
    const open = (await list('overdue=false')).json();
    expect(open.items.map((r: { queryCode: string }) => r.queryCode).sort()).toEqual([
      'ESC-FINE-0001',
      'ESC-VERI-0001',
    ]);
    expect((await list('overdue=maybe')).statusCode).toBe(400);

    const detail = (
      await t.request({ method: 'GET', url: `/api/v1/whistleblowing/reports/${id}`, as: caller })
    ).json();
    expect(detail.escalations.map((e: { deadline: string; step: string }) => [e.deadline, e.step])).toEqual([
      ['2026-12-20', 'reminder'],
      ['2026-12-31', 'reminder'],
    ]);
  });
});
