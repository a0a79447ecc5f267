import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../../app.ts';
import { createFieldCipher } from '../../../platform/crypto.ts';
import { createPool, type Db } from '../../../platform/db.ts';
import { startPostgresEventBus } from '../../../platform/events/index.ts';
import {
  createTestContext,
  TEST_FIELD_KEY,
  type Caller,
  type TestContext,
  type TestUser,
} from '../../../../test/test-app.ts';

const BASE = 'https://yjj.yuxi.example.gov.cn';
const LEADER_PHONE = '13800000001';
const MEMBER_PHONE = '13900000002';

/** A real local SMS gateway: records each message; answers 500 to the phones in `failing`. */
const sms: { to: string; text: string; id: string }[] = [];
const failing = new Set<string>();
const gateway = http.createServer((request, response) => {
  let body = '';
  request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
  request.on('end', () => {
    const message = JSON.parse(body) as { to: string; text: string; id: string };
    if (failing.has(message.to)) {
      response.statusCode = 500;
      response.end('down');
      return;
    }
    sms.push(message);
    response.end('ok');
  });
});

/** A real local SMTP server: keeps the envelope recipients and the raw message. */
const mails: { to: string[]; raw: string }[] = [];
const smtp = new SMTPServer({
  disabledCommands: ['STARTTLS', 'AUTH'],
  authOptional: true,
  logger: false,
  onData(stream, session, callback) {
    let raw = '';
    stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    stream.on('end', () => {
      mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
      callback();
    });
  },
});

/** The text part of a one-part message, decoded from base64 or quoted-printable. */
function mailText(raw: string): string {
  const split = raw.indexOf('\r\n\r\n');
  const headers = raw.slice(0, split);
  const body = raw.slice(split + 4).trim();
  if (/Content-Transfer-Encoding: base64/i.test(headers))
    return Buffer.from(body.replace(/\s/g, ''), 'base64').toString('utf8');
  if (/Content-Transfer-Encoding: quoted-printable/i.test(headers)) {
    const bytes = body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

const port = (server: { address(): unknown }) => (server.address() as AddressInfo).port;
const smsTo = (phone: string, taskId: string) =>
  sms.filter((m) => m.to === phone && m.text.includes(`/m/teams/${taskId}`));

describe('应急联动: a dispatch is pushed to each team member through the warning channels, once', () => {
  let t: TestContext;
  let duty: Caller;
  let dutyUser: TestUser;
  let teamId: string;

  const incident = async (location: string) => {
    const created = await t.request({
      method: 'POST',
      url: '/api/v1/incidents',
      payload: {
        occurredAt: new Date(t.clock.now().getTime() - 20 * 60_000).toISOString(),
        county: '530402',
        location,
        position: { lon: 102.55, lat: 24.3 },
        accidentType: 'WSA10023',
        deaths: 0,
        seriousInjuries: 0,
        directLossWan: '1',
        description: '液氯储罐阀门泄漏',
        reporter: '企业值班长 张某',
      },
      as: duty,
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json().id as string;
  };

  const dispatch = (incidentId: string, as: Caller = duty) =>
    t.request({
      method: 'POST',
      url: `/api/v1/incidents/${incidentId}/dispatch`,
      payload: { resourceId: teamId, note: '携带堵漏器材' },
      as,
    });

  const pushesOf = async (incidentId: string) => {
    // The test's clock runs hours ahead between steps: a new session each time.
    duty = await t.sessionFor(dutyUser);
    const found = (
      await t.request({ method: 'GET', url: `/api/v1/incidents/${incidentId}`, as: duty })
    ).json();
    return found.tasks[0].pushes as {
      recipient: string;
      channel: string;
      status: string;
      attempts: number;
    }[];
  };

  beforeAll(async () => {
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    t = await createTestContext({
      AUTH_TOTP_REQUIRED: 'false',
      PUBLIC_BASE_URL: BASE,
      WARNING_SMS_URL: `http://127.0.0.1:${port(gateway)}/sms`,
      // One a day for the public warnings: the dispatch push is never held back by it.
      WARNING_SMS_DAILY_QUOTA: '1',
      WARNING_SMTP_URL: `smtp://127.0.0.1:${port(smtp.server)}`,
    });
    dutyUser = await t.createUser({
      roles: ['county_officer'],
      scope: { kind: 'county', counties: ['530402'] },
    });
    duty = await t.sessionFor(dutyUser);
    const user = (username: string, phone?: string) =>
      t.createUser({
        roles: ['rescue_team'],
        scope: { kind: 'city' },
        username,
        ...(phone ? { phone } : {}),
      });
    const leader = await user('push_leader', LEADER_PHONE);
    const member = await user('push_member', MEMBER_PHONE);
    const silent = await user('push_silent');
    teamId = (
      await t.request({
        method: 'POST',
        url: '/api/v1/emergency/resources',
        payload: {
          kind: 'team',
          name: '玉溪市危化品专业救援队',
          county: '530402',
          location: { lon: 102.56, lat: 24.36 },
          teamType: 'professional',
          specialties: ['hazmat'],
          members: 40,
        },
        as: duty,
      })
    ).json().id;
    const linked = await t.request({
      method: 'PUT',
      url: `/api/v1/emergency/resources/${teamId}/members`,
      payload: {
        members: [
          { userId: leader.id, leader: true, email: 'leader@team.example.cn' },
          { userId: member.id, leader: false },
          // No phone, no e-mail: the in-app notification only.
          { userId: silent.id, leader: false },
        ],
      },
      as: duty,
    });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().members[0]).toMatchObject({ leader: true, email: 'leader@team.example.cn' });
  });
  beforeEach(async () => {
    duty = await t.sessionFor(dutyUser);
  });
  afterAll(async () => {
    await t?.close();
    gateway.close();
    smtp.close();
  });

  it('pushes one SMS per phone and one e-mail per address, retries a failing gateway, and shows it on the dispatch record', async () => {
    const incidentId = await incident('红塔区研和街道某化工企业液氯储罐区');
    failing.add(MEMBER_PHONE);
    const dispatched = await dispatch(incidentId);
    expect(dispatched.statusCode).toBe(200);
    const taskId = dispatched.json().tasks[0].id as string;
    expect(dispatched.json().tasks[0].pushes).toEqual([
      {
        recipient: '测试用户 push_leader',
        channel: 'sms',
        status: 'pending',
        attempts: 0,
        deliveredAt: null,
      },
      {
        recipient: '测试用户 push_leader',
        channel: 'email',
        status: 'pending',
        attempts: 0,
        deliveredAt: null,
      },
      {
        recipient: '测试用户 push_member',
        channel: 'sms',
        status: 'pending',
        attempts: 0,
        deliveredAt: null,
      },
    ]);

    expect(await t.app.warningPushes.deliverDue()).toEqual({ delivered: 2, failed: 1, claimed: 3 });
    const link = `${BASE}/m/teams/${taskId}`;
    expect(smsTo(LEADER_PHONE, taskId)).toEqual([
      { to: LEADER_PHONE, id: expect.stringMatching(/^push-[0-9a-f-]{36}$/), text: expect.any(String) },
    ]);
    const text = smsTo(LEADER_PHONE, taskId)[0]!.text;
    expect(text).toMatch(
      /^【玉溪市应急管理局】救援调派：玉溪市危化品专业救援队：事件 .+（\d\d-\d\d \d\d:\d\d），地点 红塔区研和街道某化工企业液氯储罐区，任务 携带堵漏器材。请在手机上接受任务：/,
    );
    expect(text.endsWith(link)).toBe(true);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toEqual(['leader@team.example.cn']);
    expect(mails[0]!.raw).toMatch(/Message-ID: <push-[0-9a-f-]{36}@anjian>/);
    // The e-mail: the headline as subject, the same text as the SMS after its 【sender】headline：.
    expect(`【玉溪市应急管理局】救援调派：${mailText(mails[0]!.raw)}`).toBe(text);
    expect(await pushesOf(incidentId)).toMatchObject([
      { channel: 'sms', status: 'delivered', attempts: 1 },
      { channel: 'email', status: 'delivered', attempts: 1 },
      { recipient: '测试用户 push_member', channel: 'sms', status: 'retrying', attempts: 1 },
    ]);

    // Not due again before its back-off (30 s); then the gateway is back and it goes once.
    failing.delete(MEMBER_PHONE);
    expect((await t.app.warningPushes.deliverDue()).claimed).toBe(0);
    t.clock.advance(31_000);
    expect(await t.app.warningPushes.deliverDue()).toEqual({ delivered: 1, failed: 0, claimed: 1 });
    expect(smsTo(MEMBER_PHONE, taskId)).toHaveLength(1);
    expect((await pushesOf(incidentId))[2]).toMatchObject({ status: 'delivered', attempts: 2 });

    // The same dispatch again (a double click, a retried request): the same task, nothing sent twice.
    duty = await t.sessionFor(dutyUser);
    const again = await dispatch(incidentId);
    expect(again.json().tasks.map((x: { id: string }) => x.id)).toEqual([taskId]);
    t.clock.advance(3_600_000);
    expect((await t.app.warningPushes.deliverDue()).claimed).toBe(0);
    expect(smsTo(LEADER_PHONE, taskId)).toHaveLength(1);
    expect(mails).toHaveLength(1);
  });

  it('announces each try on the command page’s live stream (event: push), for that incident only', async () => {
    const incidentId = await incident('红塔区研和街道某化工企业液氨储罐区');
    const other = await incident('红塔区玉兴路某仓库');
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const controller = new AbortController();
    const opened = async (id: string) => {
      const response = await fetch(`${address}/api/v1/incidents/${id}/teams/stream?seconds=10`, {
        headers: { cookie: duty.cookie },
        signal: controller.signal,
      });
      expect(response.status).toBe(200);
      const reader = response.body!.getReader();
      const stream = { text: '' };
      void (async () => {
        for (;;) {
          const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
          if (done) return;
          stream.text += new TextDecoder().decode(value);
        }
      })();
      return stream;
    };
    try {
      const mine = await opened(incidentId);
      const theirs = await opened(other);
      failing.add(MEMBER_PHONE);
      duty = await t.sessionFor(dutyUser);
      const taskId = (await dispatch(incidentId)).json().tasks[0].id as string;
      expect(await t.app.warningPushes.deliverDue()).toMatchObject({ delivered: 2, failed: 1 });
      const pushes = () =>
        mine.text
          .split('event: push\ndata: ')
          .slice(1)
          .map((chunk) => JSON.parse(chunk.split('\n')[0]!) as { taskId: string; status: string });
      await expect.poll(() => pushes().length, { timeout: 5_000 }).toBe(3);
      expect(
        pushes()
          .map((p) => `${p.taskId === taskId}:${p.status}`)
          .sort(),
      ).toEqual(['true:delivered', 'true:delivered', 'true:retrying']);
      expect(theirs.text).not.toContain('event: push');
    } finally {
      failing.delete(MEMBER_PHONE);
      controller.abort();
    }
  });

  it('marks a push failed after ten tries against a gateway that stays down', async () => {
    const incidentId = await incident('红塔区北城街道某加油站');
    failing.add(MEMBER_PHONE);
    await dispatch(incidentId);
    for (let i = 0; i < 10; i += 1) {
      await t.app.warningPushes.deliverDue();
      t.clock.advance(2 * 3_600_000);
    }
    failing.delete(MEMBER_PHONE);
    expect((await t.app.warningPushes.deliverDue()).claimed).toBe(0);
    expect((await pushesOf(incidentId)).map((p) => `${p.recipient} ${p.channel} ${p.status}`)).toEqual([
      '测试用户 push_leader sms delivered',
      '测试用户 push_leader email delivered',
      '测试用户 push_member sms failed',
    ]);
  });

  it('sends once per person when two server processes take the same dispatch and deliver at once', async () => {
    const incidentId = await incident('红塔区高仓街道某仓库');
    const instances: { app: FastifyInstance; db: Db }[] = [];
    try {
      for (let i = 0; i < 2; i += 1) {
        const db = createPool(t.dbUrl, 4);
        const events = await startPostgresEventBus({ connectionString: t.dbUrl, db });
        const app = await buildApp({
          config: t.config,
          db,
          clock: t.clock,
          cipher: createFieldCipher(TEST_FIELD_KEY),
          events,
        });
        instances.push({ app, db });
      }
      const [a, b] = instances.map((i) => i.app);
      const post = (app: FastifyInstance) =>
        app.inject({
          method: 'POST',
          url: `/api/v1/incidents/${incidentId}/dispatch`,
          headers: { cookie: duty.cookie, 'x-csrf-token': duty.csrf },
          payload: { resourceId: teamId, note: '携带堵漏器材' },
        });
      const answers = await Promise.all([post(a!), post(b!), post(a!), post(b!)]);
      expect(answers.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
      const tasks = (
        await t.request({ method: 'GET', url: `/api/v1/incidents/${incidentId}`, as: duty })
      ).json().tasks;
      expect(tasks).toHaveLength(1);
      const taskId = tasks[0].id as string;
      await Promise.all([a!.warningPushes.deliverDue(), b!.warningPushes.deliverDue()]);
      t.clock.advance(3_600_000);
      await Promise.all([a!.warningPushes.deliverDue(), b!.warningPushes.deliverDue()]);
      expect(smsTo(LEADER_PHONE, taskId)).toHaveLength(1);
      expect(smsTo(MEMBER_PHONE, taskId)).toHaveLength(1);
      expect(mails.filter((m) => mailText(m.raw).endsWith(`/m/teams/${taskId}`))).toHaveLength(1);
    } finally {
      for (const { app, db } of instances) {
        await app.close();
        await db.end();
      }
    }
  });
});
