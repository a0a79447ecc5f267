import { createHmac, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import mqtt from 'mqtt';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';
import { sm3Hex } from '../../platform/crypto.ts';
import { validateCap } from './cap-schema.ts';

const JIANGCHUAN = '530403';
const ENTERPRISE = '7c3a2e1d-4b5f-4a6e-9d8c-0e1f2a3b4c5d';
const SECRET = 'warning-webhook-secret-0123';
const TOPIC = `test/anjian-warnings-${randomUUID().slice(0, 8)}`;

const draft = (over: Record<string, unknown> = {}) => ({
  eventType: 'hazchem_leak',
  level: 'orange',
  onset: '2026-11-29T10:00:00+08:00',
  expires: '2026-11-29T22:00:00+08:00',
  audience: '江川区企业及周边群众',
  contact: '0877-2023110',
  area: { counties: [JIANGCHUAN] },
  info: {
    zh: {
      headline: '江川区危化品泄漏橙色预警',
      description: '演示：某企业液氯储罐泄漏。',
      instruction: '关闭门窗，向上风向撤离。',
    },
    en: {
      headline: 'Orange warning: chlorine leak in Jiangchuan',
      description: 'Demo: a chlorine tank leak.',
      instruction: 'Close windows; move upwind.',
    },
  },
  ...over,
});

/** Real peers: an HTTP receiver, an SMTP server and the machine's Mosquitto. */
const received = {
  hooks: [] as { body: string; headers: http.IncomingHttpHeaders }[],
  mails: [] as string[],
  mqtt: [] as string[],
};
let failNextHooks = 0;
const hookServer = http.createServer((request, response) => {
  let body = '';
  request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
  request.on('end', () => {
    if (failNextHooks > 0) {
      failNextHooks -= 1;
      response.statusCode = 503;
      return response.end();
    }
    received.hooks.push({ body, headers: request.headers });
    response.end('ok');
  });
});
const smtp = new SMTPServer({
  disabledCommands: ['STARTTLS', 'AUTH'],
  authOptional: true,
  logger: false,
  onData(stream, _session, callback) {
    let text = '';
    stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    stream.on('end', () => {
      received.mails.push(text);
      callback();
    });
  },
});

describe('public warning release', () => {
  let t: TestContext;
  let author: Caller;
  let approver: Caller;
  let cityAuthor: Caller;
  let manager: Caller;
  let subscriber: mqtt.MqttClient;

  beforeAll(async () => {
    await new Promise<void>((resolve) => hookServer.listen(0, '127.0.0.1', resolve));
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    subscriber = await mqtt.connectAsync('mqtt://127.0.0.1:1883', {
      clientId: `warnings-test-${randomUUID().slice(0, 8)}`,
    });
    await subscriber.subscribeAsync(`${TOPIC}/#`, { qos: 1 });
    subscriber.on('message', (_topic, payload) => received.mqtt.push(payload.toString('utf8')));
    t = await createTestContext({
      AUTH_TOTP_REQUIRED: 'false',
      MQTT_URL: 'mqtt://127.0.0.1:1883',
      MQTT_CLIENT_ID: `wt${randomUUID().slice(0, 8)}`,
      WARNING_MQTT_TOPIC: TOPIC,
      WARNING_WEBHOOK_URLS: `http://127.0.0.1:${(hookServer.address() as AddressInfo).port}/cap`,
      WARNING_WEBHOOK_SECRET: SECRET,
      WARNING_SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
      WARNING_EMAIL_TO: 'duty@jiangchuan.example.gov.cn',
      PUBLIC_BASE_URL: 'https://anjian.example.gov.cn',
    });
    const user = async (roles: string[], scope: Parameters<TestContext['createUser']>[0]['scope']) =>
      t.sessionFor(await t.createUser({ roles, scope }));
    author = await user(['county_officer'], { kind: 'county', counties: [JIANGCHUAN] });
    approver = await user(['city_officer'], { kind: 'city' });
    cityAuthor = await user(['city_officer'], { kind: 'city' });
    manager = await user(['enterprise_manager'], {
      kind: 'enterprise',
      enterpriseId: ENTERPRISE,
      county: JIANGCHUAN,
    });
  });
  afterAll(async () => {
    await t.close();
    await subscriber.endAsync();
    hookServer.close();
    await new Promise<void>((resolve) => smtp.close(resolve));
  });

  const post = (url: string, as: Caller, payload: object = {}) =>
    t.request({ method: 'POST', url, payload, as });
  const count = async (table: string) =>
    (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;

  it.each([
    ['expiry before onset', draft({ expires: '2026-11-29T09:00:00+08:00' }), 'warning.expires_before_onset'],
    ['an empty area', draft({ area: {} }), 'warning.area_empty'],
    [
      'a self-intersecting polygon',
      draft({
        area: {
          polygon: [
            { lat: 24.2, lon: 102.7 },
            { lat: 24.3, lon: 102.8 },
            { lat: 24.2, lon: 102.8 },
            { lat: 24.3, lon: 102.7 },
          ],
        },
      }),
      'warning.area_polygon_self_intersecting',
    ],
    ['an unknown event type', draft({ eventType: 'meteor' }), 'warning.unknown_event_type'],
    [
      'a township outside the author’s county',
      draft({ area: { townships: ['530423101'] } }),
      'warning.area_out_of_scope',
    ],
    ['no Chinese block', draft({ info: { en: draft().info.en } }), 'request.invalid'],
  ])('refuses %s with a 4xx and stores nothing', async (_, payload, code) => {
    const response = await post('/api/v1/warnings', author, payload);
    expect(response.statusCode).toBe(code === 'warning.area_out_of_scope' ? 403 : 400);
    expect(response.json().error.code).toBe(code);
    expect(await count('warnings')).toBe(0);
  });

  it('keeps the two-person rule: an author may not approve their own warning', async () => {
    const id = (await post('/api/v1/warnings', cityAuthor, draft())).json().id;
    expect((await post(`/api/v1/warnings/${id}/submit`, cityAuthor)).statusCode).toBe(200);
    const own = await post(`/api/v1/warnings/${id}/approve`, cityAuthor);
    expect(own.statusCode).toBe(403);
    expect(own.json().error.code).toBe('warning.same_person');
    const byCounty = await post(`/api/v1/warnings/${id}/approve`, author);
    expect(byCounty.statusCode).toBe(403);
    expect((await post(`/api/v1/warnings/${id}/cancel`, approver)).json().status).toBe('cancelled');
  });

  it('runs draft → rejected → fixed → approved → published as valid CAP, reaches every channel once, updates and cancels', async () => {
    await t.db.query(`UPDATE enterprises SET status = 'operating' WHERE id = $1`, [ENTERPRISE]);
    const created = await post('/api/v1/warnings', author, draft({ level: 'yellow' }));
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(created.json().allowedActions).toEqual(['edit', 'submit']);

    await post(`/api/v1/warnings/${id}/submit`, author);
    expect((await post(`/api/v1/warnings/${id}/reject`, approver, {})).statusCode).toBe(400);
    const rejected = await post(`/api/v1/warnings/${id}/reject`, approver, {
      comment: '级别偏低，请改为橙色',
    });
    expect(rejected.json()).toMatchObject({ status: 'rejected', lastComment: '级别偏低，请改为橙色' });
    expect(
      (await t.request({ method: 'PUT', url: `/api/v1/warnings/${id}`, payload: draft(), as: author })).json()
        .level,
    ).toBe('orange');
    await post(`/api/v1/warnings/${id}/submit`, author);
    expect((await post(`/api/v1/warnings/${id}/approve`, approver, { comment: '同意' })).json().status).toBe(
      'approved',
    );
    const published = (await post(`/api/v1/warnings/${id}/publish`, approver)).json();
    expect(published.status).toBe('published');
    expect(published.steps.map((s: { action: string }) => s.action)).toEqual([
      'create',
      'submit',
      'reject',
      'edit',
      'submit',
      'approve',
      'publish',
    ]);
    expect(published.versions).toHaveLength(1);
    const v1 = published.versions[0];
    expect(v1).toMatchObject({ version: 1, msgType: 'Alert', identifier: '53040000000000_20261129100000_0' });

    // The archived CAP message: public, XSD-valid, hashed with SM3, immutable.
    const cap = await t.request({ method: 'GET', url: v1.capUrl });
    expect(cap.headers['content-type']).toContain('application/cap+xml');
    expect(await validateCap(cap.body)).toEqual({ valid: true, errors: [] });
    expect(sm3Hex(cap.body)).toBe(v1.sm3);
    expect(cap.body).toContain('<sent>2026-11-29T10:00:00+08:00</sent>');
    await expect(
      t.db.query(`UPDATE warning_versions SET cap_xml = 'x' WHERE identifier = $1`, [v1.identifier]),
    ).rejects.toThrow(/immutable/);

    // Public list and Atom feed, no sign-in.
    const list = (await t.request({ method: 'GET', url: '/api/v1/public/warnings' })).json();
    expect(list.items.map((w: { identifier: string }) => w.identifier)).toEqual([v1.identifier]);
    const atom = await t.request({ method: 'GET', url: '/api/v1/public/warnings/feed.atom' });
    expect(atom.headers['content-type']).toContain('application/atom+xml');
    expect(atom.body).toContain(
      `href="https://anjian.example.gov.cn/api/v1/public/warnings/cap/${v1.identifier}.xml"`,
    );

    // Every channel once: two workers at the same time, then a third pass finds nothing.
    const [a, b] = await Promise.all([t.app.warningOutbox.deliverDue(), t.app.warningOutbox.deliverDue()]);
    expect(a.failed + b.failed).toBe(0);
    expect((await t.app.warningOutbox.deliverDue()).delivered).toBe(0);
    await expect.poll(() => received.mqtt.length).toBe(1);
    expect(received.hooks).toHaveLength(1);
    expect(received.mails).toHaveLength(1);
    const hook = received.hooks[0]!;
    const expected = createHmac('sha256', SECRET)
      .update(`${hook.headers['x-anjian-timestamp']}.${hook.body}`)
      .digest('hex');
    expect(hook.headers['x-anjian-signature']).toBe(`sha256=${expected}`);
    expect(hook.body).toBe(cap.body);
    expect(received.mqtt[0]).toBe(cap.body);
    expect(received.mails[0]).toContain('duty@jiangchuan.example.gov.cn');
    const inbox = (await t.request({ method: 'GET', url: '/api/v1/notifications', as: manager })).json();
    expect(inbox.items.map((n: { title: string }) => n.title)).toEqual(['江川区危化品泄漏橙色预警']);
    const detail = (await t.request({ method: 'GET', url: `/api/v1/warnings/${id}`, as: author })).json();
    const byChannel = Object.fromEntries(
      detail.deliveries.map((d: { channel: string; delivered: number }) => [d.channel, d.delivered]),
    );
    expect(byChannel).toMatchObject({ email: 1, mqtt: 1, webhook: 1 });
    expect(byChannel.in_app).toBeGreaterThanOrEqual(3);

    // Update: a revised draft, approved again, released as a CAP Update referencing the Alert.
    t.clock.advance(600_000); // sessions idle out after 30 min
    await post(`/api/v1/warnings/${id}/revise`, author);
    await t.request({
      method: 'PUT',
      url: `/api/v1/warnings/${id}`,
      payload: draft({ level: 'red' }),
      as: author,
    });
    // Meanwhile the public still sees what was released.
    expect((await t.request({ method: 'GET', url: '/api/v1/public/warnings' })).json().items[0].level).toBe(
      'orange',
    );
    await post(`/api/v1/warnings/${id}/submit`, author);
    await post(`/api/v1/warnings/${id}/approve`, approver);
    const updated = (await post(`/api/v1/warnings/${id}/publish`, approver)).json();
    const v2 = updated.versions[1];
    expect(v2).toMatchObject({ version: 2, msgType: 'Update' });
    const capUpdate = (await t.request({ method: 'GET', url: v2.capUrl })).body;
    expect(await validateCap(capUpdate)).toEqual({ valid: true, errors: [] });
    expect(capUpdate).toContain(
      `<references>53040000000000,${v1.identifier},2026-11-29T10:00:00+08:00</references>`,
    );
    expect(capUpdate).toContain('<severity>Extreme</severity>');

    // A failing webhook is retried with back-off and delivered once the peer is back.
    failNextHooks = 1;
    const first = await t.app.warningOutbox.deliverDue();
    expect(first.failed).toBe(1);
    expect(received.hooks).toHaveLength(1);
    expect((await t.app.warningOutbox.deliverDue()).delivered).toBe(0);
    t.clock.advance(31_000);
    expect((await t.app.warningOutbox.deliverDue()).delivered).toBe(1);
    expect(received.hooks).toHaveLength(2);

    // Cancel: a CAP Cancel referencing both, and the warning leaves the public list.
    const cancelled = (await post(`/api/v1/warnings/${id}/cancel`, approver)).json();
    expect(cancelled.status).toBe('cancelled');
    const v3 = cancelled.versions[2];
    expect(v3.msgType).toBe('Cancel');
    const capCancel = (await t.request({ method: 'GET', url: v3.capUrl })).body;
    expect(await validateCap(capCancel)).toEqual({ valid: true, errors: [] });
    expect(capCancel).toContain(`${v1.identifier},2026-11-29T10:00:00+08:00 53040000000000,${v2.identifier}`);
    expect((await t.request({ method: 'GET', url: '/api/v1/public/warnings' })).json().items).toEqual([]);
  });

  it('ends a published warning at its expiry by itself', async () => {
    const onset = t.clock.now();
    const expires = new Date(onset.getTime() + 15 * 60_000);
    const id = (
      await post(
        '/api/v1/warnings',
        author,
        draft({ onset: onset.toISOString(), expires: expires.toISOString() }),
      )
    ).json().id;
    await post(`/api/v1/warnings/${id}/submit`, author);
    await post(`/api/v1/warnings/${id}/approve`, approver);
    await post(`/api/v1/warnings/${id}/publish`, approver);
    expect((await t.request({ method: 'GET', url: '/api/v1/public/warnings' })).json().items).toHaveLength(1);
    t.clock.set(expires);
    expect((await t.request({ method: 'GET', url: '/api/v1/public/warnings' })).json().items).toEqual([]);
    expect(
      (await t.request({ method: 'GET', url: `/api/v1/warnings/${id}`, as: approver })).json().status,
    ).toBe('expired');
  });
});
