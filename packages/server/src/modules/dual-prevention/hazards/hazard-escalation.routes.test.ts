import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool, type Db } from '../../../platform/db.ts';
import { createMemoryEventBus } from '../../../platform/events/index.ts';
import { createNotificationsRepository } from '../../notifications/notifications.repository.ts';
import { createWebhookOutbox } from '../../notifications/webhook-outbox.ts';
import { createTestContext, type Caller, type TestContext } from '../../../../test/test-app.ts';
import { createHazardEscalationRepository } from './hazard-escalation.repository.ts';
import { createHazardEscalationWorker } from './hazard-escalation.worker.ts';
import { insertEnterprise } from '../../../../test/factories.ts';

/** A webhook endpoint that records what it receives and can be told to fail. */
function webhookReceiver() {
  const received: { step: string; subject: string; deadline: string; hazardId: string }[] = [];
  let failNext = 0;
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      if (failNext > 0) {
        failNext -= 1;
        response.writeHead(500).end();
        return;
      }
      received.push(JSON.parse(body));
      response.writeHead(204).end();
    });
  });
  return {
    received,
    failNextOnce: () => (failNext = 1),
    url: async () => {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/hazards`;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const at = (iso: string) => new Date(iso);
const before = (iso: string) => new Date(Date.parse(iso) - 1);

describe('escalation ladder: 提醒, 警示, 通报, 约谈 with an injected clock', () => {
  let t: TestContext;
  let enterpriseId: string;
  let manager: Caller;
  let officer: Caller;
  let otherCounty: Caller;
  let cityOfficer: Caller;
  let admin: Caller;
  const hook = webhookReceiver();
  let webhookUrl: string;
  const pools: Db[] = [];

  /** A worker as a separate server process would have it: its own pool, repositories and outbox. */
  function newWorker() {
    const db = createPool(t.dbUrl, 4);
    pools.push(db);
    return {
      db,
      worker: createHazardEscalationWorker({
        db,
        clock: t.clock,
        escalation: createHazardEscalationRepository(db),
        notifications: createNotificationsRepository(db),
        webhook: createWebhookOutbox({ db, clock: t.clock }),
        webhookUrl,
        events: createMemoryEventBus(),
      }),
    };
  }

  const act = (id: string, body: object, as: Caller) =>
    t.request({ method: 'POST', url: `/api/v1/hazards/${id}/actions`, payload: body, as });
  const steps = async (hazardId: string) =>
    (
      await t.db.query<{ subject: string; step: string; deadline: string }>(
        `SELECT subject, step, to_char(deadline, 'YYYY-MM-DD') AS deadline FROM hazard_escalation_steps
         WHERE hazard_id = $1 ORDER BY fired_at, step`,
        [hazardId],
      )
    ).rows.map((r) => `${r.subject}:${r.step}:${r.deadline}`);
  const inbox = async (as: Caller, language = 'zh-CN') =>
    (
      await t.request({
        method: 'GET',
        url: '/api/v1/notifications?pageSize=50',
        headers: { 'accept-language': language },
        as,
      })
    ).json() as {
      unread: number;
      total: number;
      items: { id: string; title: string; body: string; data: { step: string; hazardId: string } }[];
    };
  /** Sessions idle out after 30 minutes of clock time: fresh ones after every jump. */
  async function signInAll(users: Awaited<ReturnType<TestContext['createUser']>>[]) {
    const sessions = await Promise.all(users.map((u) => t.sessionFor(u)));
    [manager, officer, otherCounty, cityOfficer, admin] = sessions as [
      Caller,
      Caller,
      Caller,
      Caller,
      Caller,
    ];
  }
  let users: Awaited<ReturnType<TestContext['createUser']>>[];

  async function reportHazard(level: 'general' | 'major' = 'general') {
    const reported = await t.request({
      method: 'POST',
      url: '/api/v1/hazards',
      payload: {
        enterpriseId,
        source: 'self_check',
        location: { text: '二车间东侧储罐区' },
        description: '储罐区可燃气体报警仪失效',
        category: '08',
        ...(level === 'major' ? { tickedCriteria: ['hc-12'] } : {}),
      },
      as: manager,
    });
    expect(reported.statusCode).toBe(201);
    const id = reported.json().id as string;
    return id;
  }

  beforeAll(async () => {
    process.env.HAZARD_ESCALATION_INTERVAL_SECONDS = '0';
    webhookUrl = await hook.url();
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    enterpriseId = await insertEnterprise(t.db, { name: '江川化工有限公司', county: '530403', serial: 7001 });
    users = await Promise.all([
      t.createUser({
        roles: ['enterprise_manager'],
        scope: { kind: 'enterprise', enterpriseId, county: '530403' },
      }),
      t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: ['530403'] } }),
      t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: ['530423'] } }),
      t.createUser({ roles: ['city_officer'], scope: { kind: 'city' } }),
      t.createUser({ roles: ['sysadmin'], scope: { kind: 'city' } }),
    ]);
    await signInAll(users);
  });
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.end()));
    await hook.close();
    await t.close();
  });

  it('fires each step once at its exact time, across a restart and with two workers at once', async () => {
    // N = 2, M = 5 for 一般 hazards (the bureau's setting), reminder 3 days before.
    const settings = {
      general: { reminderDaysBefore: 3, noticeAfterDays: 2, interviewAfterDays: 5 },
      major: { reminderDaysBefore: 7, noticeAfterDays: 1, interviewAfterDays: 7 },
      acceptanceReviewDays: 10,
    };
    const put = await t.request({
      method: 'PUT',
      url: '/api/v1/hazards/escalation-settings',
      payload: settings,
      as: cityOfficer,
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toEqual(settings);

    const id = await reportHazard();
    const plan = { responsiblePerson: '王安全', deadline: '2026-12-10' };
    expect((await act(id, { action: 'submit_plan', plan }, manager)).statusCode).toBe(200);
    // The deadline day 2026-12-10 ends at 2026-12-11 00:00 +08:00 = 2026-12-10T16:00Z.
    const reminderAt = '2026-12-07T16:00:00.000Z';
    const warningAt = '2026-12-10T16:00:00.000Z';
    const noticeAt = '2026-12-12T16:00:00.000Z';
    const interviewAt = '2026-12-15T16:00:00.000Z';

    const first = newWorker();
    expect((await first.worker.runOnce(before(reminderAt))).fired).toEqual([]);
    const reminder = await first.worker.runOnce(at(reminderAt));
    expect(reminder.fired.map((f) => [f.hazardId, f.step, f.subject, f.deadline])).toEqual([
      [id, 'reminder', 'deadline', '2026-12-10'],
    ]);
    expect((await first.worker.runOnce(at(reminderAt))).fired).toEqual([]);

    // Restart: the first worker's process ends; a new one on the same database takes over.
    await first.worker.stop();
    await first.db.end();
    pools.splice(pools.indexOf(first.db), 1);
    const second = newWorker();
    expect((await second.worker.runOnce(at('2026-12-09T00:00:00.000Z'))).fired).toEqual([]);
    expect((await second.worker.runOnce(before(warningAt))).fired).toEqual([]);
    expect((await second.worker.runOnce(at(warningAt))).fired.map((f) => f.step)).toEqual(['warning']);

    // Two servers look at the same instant: the notice fires once between them.
    const third = newWorker();
    expect((await third.worker.runOnce(before(noticeAt))).fired).toEqual([]);
    const [a, b] = await Promise.all([
      second.worker.runOnce(at(noticeAt)),
      third.worker.runOnce(at(noticeAt)),
    ]);
    expect([...a.fired, ...b.fired].map((f) => f.step)).toEqual(['notice']);
    const [c, d] = await Promise.all([
      second.worker.runOnce(at(interviewAt)),
      third.worker.runOnce(at(interviewAt)),
    ]);
    expect([...c.fired, ...d.fired].map((f) => f.step)).toEqual(['interview']);
    expect((await third.worker.runOnce(at('2027-02-01T00:00:00.000Z'))).fired).toEqual([]);

    expect(await steps(id)).toEqual([
      'deadline:reminder:2026-12-10',
      'deadline:warning:2026-12-10',
      'deadline:notice:2026-12-10',
      'deadline:interview:2026-12-10',
    ]);

    // Who heard of it: the enterprise each time, the county from the notice, the city at the interview.
    t.clock.set(at('2027-02-01T00:00:00.000Z'));
    await signInAll(users);
    const stepsOf = async (as: Caller) =>
      (await inbox(as)).items.filter((n) => n.data.hazardId === id).map((n) => n.data.step);
    expect(await stepsOf(manager)).toEqual(['interview', 'notice', 'warning', 'reminder']);
    expect(await stepsOf(officer)).toEqual(['interview', 'notice']);
    expect(await stepsOf(cityOfficer)).toEqual(['interview']);
    expect(await stepsOf(otherCounty)).toEqual([]);
    expect(await stepsOf(admin)).toEqual([]);
    const zh = await inbox(manager);
    expect(zh.items[0]).toMatchObject({
      title: '隐患逾期未整改（约谈）',
      body: '江川化工有限公司：储罐区可燃气体报警仪失效，整改期限 2026-12-10',
    });
    expect((await inbox(manager, 'en')).items[0]!.title).toBe('Hazard overdue (interview)');

    // On the hazard's timeline, in time order after the people's steps.
    const hazard = (await t.request({ method: 'GET', url: `/api/v1/hazards/${id}`, as: officer })).json();
    expect(
      hazard.timeline.map((e: { action: string; step?: string; at: string }) => [
        e.action,
        e.step ?? null,
        e.at,
      ]),
    ).toEqual([
      ['report', null, '2026-11-29T02:00:00.000Z'],
      ['submit_plan', null, '2026-11-29T02:00:00.000Z'],
      ['escalate', 'reminder', reminderAt],
      ['escalate', 'warning', warningAt],
      ['escalate', 'notice', noticeAt],
      ['escalate', 'interview', interviewAt],
    ]);
    expect(hazard.escalation).toBe('escalated_city');

    // The webhook got each step once, in order.
    expect(hook.received.filter((h) => h.hazardId === id).map((h) => h.step)).toEqual([
      'reminder',
      'warning',
      'notice',
      'interview',
    ]);
  });

  it('after a long stop fires only the highest step due; an extension starts a new ladder', async () => {
    t.clock.set(at('2026-11-29T02:00:00.000Z'));
    await signInAll(users);
    const id = await reportHazard();
    await act(
      id,
      { action: 'submit_plan', plan: { responsiblePerson: '王安全', deadline: '2026-12-20' } },
      manager,
    );
    const { worker } = newWorker();
    // Stopped from before the reminder until after the warning: the reminder would come too late.
    const late = await worker.runOnce(at('2026-12-21T00:00:00.000Z'));
    expect(late.fired.map((f) => f.step)).toEqual(['warning']);

    // The enterprise asks for an extension to 2027-01-31 and (a self-found 一般 hazard) grants it.
    t.clock.set(at('2026-12-21T00:00:00.000Z'));
    await signInAll(users);
    await act(id, { action: 'request_extension', deadline: '2027-01-31', reason: '设备到货延迟' }, manager);
    const granted = await act(id, { action: 'decide_extension', approve: true }, manager);
    expect(granted.json()).toMatchObject({ deadline: '2027-01-31', escalation: 'on_time' });
    expect((await worker.runOnce(at('2027-01-28T15:59:59.999Z'))).fired).toEqual([]);
    expect((await worker.runOnce(at('2027-01-28T16:00:00.000Z'))).fired.map((f) => f.deadline)).toEqual([
      '2027-01-31',
    ]);
    expect(await steps(id)).toEqual(['deadline:warning:2026-12-20', 'deadline:reminder:2027-01-31']);
  });

  it('stops when the rectification is submitted; a closed hazard never escalates', async () => {
    t.clock.set(at('2026-11-29T02:00:00.000Z'));
    await signInAll(users);
    const id = await reportHazard();
    await act(
      id,
      { action: 'submit_plan', plan: { responsiblePerson: '王安全', deadline: '2026-12-05' } },
      manager,
    );
    const photo = (
      await t.request({
        method: 'POST',
        url: '/api/v1/uploads',
        payload: Buffer.from(
          'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
          'base64',
        ),
        headers: { 'content-type': 'image/png' },
        as: manager,
      })
    ).json().id;
    const submitted = await act(
      id,
      { action: 'submit_rectification', description: '已更换报警仪', photos: [photo] },
      manager,
    );
    expect(submitted.statusCode).toBe(200);
    const { worker } = newWorker();
    const result = await worker.runOnce(at('2026-12-30T00:00:00.000Z'));
    expect(result.fired.filter((f) => f.hazardId === id)).toEqual([]);
    expect(await steps(id)).toEqual([]);
  });

  it('runs a 挂牌督办 deadline on the 重大 days and tells the listing county', async () => {
    t.clock.set(at('2026-11-29T02:00:00.000Z'));
    await signInAll(users);
    const id = await reportHazard('major');
    const listed = await act(
      id,
      {
        action: 'list_supervision',
        documentNo: '江应急督〔2026〕9号',
        notice: '请于2026年12月31日前完成整改并报送整改报告',
        supervisingUnit: '江川区应急管理局',
        deadline: '2026-12-31',
      },
      officer,
    );
    expect(listed.statusCode).toBe(200);
    expect(listed.json().supervision).toMatchObject({
      level: 'county',
      supervisingUnit: '江川区应急管理局',
      deadline: '2026-12-31',
      reviews: [],
    });
    const { worker } = newWorker();
    // 重大: reminder 7 days before the end of 2026-12-31 (2026-12-31T16:00Z).
    expect(
      (await worker.runOnce(before('2026-12-24T16:00:00.000Z'))).fired.filter((f) => f.hazardId === id),
    ).toEqual([]);
    const fired = (await worker.runOnce(at('2026-12-24T16:00:00.000Z'))).fired.filter(
      (f) => f.hazardId === id,
    );
    expect(fired.map((f) => [f.subject, f.step, f.recipients])).toEqual([
      ['supervision', 'reminder', ['enterprise', 'county']],
    ]);
    t.clock.set(at('2026-12-25T00:00:00.000Z'));
    await signInAll(users);
    const county = await inbox(officer);
    expect(county.items.find((n) => n.data.hazardId === id)?.title).toBe('挂牌督办期限临近（提醒）');
  });

  it('retries a failed webhook later without holding the ladder back', async () => {
    t.clock.set(at('2026-11-29T02:00:00.000Z'));
    await signInAll(users);
    const id = await reportHazard();
    await act(
      id,
      { action: 'submit_plan', plan: { responsiblePerson: '王安全', deadline: '2026-12-31' } },
      manager,
    );
    const { worker } = newWorker();
    hook.failNextOnce();
    const now = at('2026-12-28T16:00:00.000Z');
    const first = await worker.runOnce(now);
    expect(first.fired.filter((f) => f.hazardId === id).map((f) => f.step)).toEqual(['reminder']);
    expect(first.failed).toBe(1);
    expect(hook.received.filter((h) => h.hazardId === id)).toEqual([]);
    expect((await worker.runOnce(new Date(now.getTime() + 59_000))).delivered).toBe(0);
    const retried = await worker.runOnce(new Date(now.getTime() + 60_000));
    expect(retried).toMatchObject({ fired: [], delivered: 1, failed: 0 });
    expect(hook.received.filter((h) => h.hazardId === id).map((h) => h.step)).toEqual(['reminder']);
  });

  it('refuses inconsistent ladder days and lets only the city bureau set them', async () => {
    t.clock.set(at('2026-11-29T02:00:00.000Z'));
    await signInAll(users);
    const bad = {
      general: { reminderDaysBefore: 3, noticeAfterDays: 9, interviewAfterDays: 5 },
      major: { reminderDaysBefore: 7, noticeAfterDays: 1, interviewAfterDays: 7 },
      acceptanceReviewDays: 10,
    };
    const refused = await t.request({
      method: 'PUT',
      url: '/api/v1/hazards/escalation-settings',
      payload: bad,
      as: cityOfficer,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('hazard.escalation_rules_invalid');
    const countyTry = await t.request({
      method: 'PUT',
      url: '/api/v1/hazards/escalation-settings',
      payload: { ...bad, general: { reminderDaysBefore: 3, noticeAfterDays: 2, interviewAfterDays: 5 } },
      as: officer,
    });
    expect(countyTry.statusCode).toBe(403);
    const read = await t.request({ method: 'GET', url: '/api/v1/hazards/escalation-settings', as: manager });
    expect(read.json().general).toEqual({ reminderDaysBefore: 3, noticeAfterDays: 2, interviewAfterDays: 5 });
  });
});
