import { createHash, createHmac, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import mqtt from 'mqtt';
import type { Browser, Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { httpTransport, Simulator } from '../packages/server/src/modules/monitoring/simulator.ts';
import { validateCap } from '../packages/server/src/modules/warnings/cap-schema.ts';
import { ApiClient, createUser } from './support/api.ts';
import { byTestId, launchBrowser, newPage, waitForPath } from './support/browser.ts';
import { withEvidence } from './support/evidence.ts';
import { freePort, startServer, stopServer, type RunningServer } from './support/server.ts';
import { changeInitialPassword, enrolTotp, signIn } from './support/sign-in.ts';

/**
 * The issue's "done when": a chlorine alarm at a demo site → the incident's consequence zone → a
 * warning draft → rejected → fixed → approved by a second person → published → on the public page,
 * in the Atom feed (CAP valid against the OASIS XSD), at a local SMTP server, a local HTTP receiver
 * and as an MQTT message on the machine's Mosquitto → updated → cancelled.
 */
const bootstrapPassword = inject('bootstrapPassword');
const AUTHOR = { username: 'wj_author', displayName: '赵值班', password: 'Warn-Author#2026' };
const APPROVER = { username: 'wj_approver', displayName: '钱科长', password: 'Warn-Approve#2026' };
const SECRET = 'e2e-warning-webhook-secret';
const MAIL_TO = 'duty@yuxi.example.gov.cn';
/** Our own topic and client id on the shared broker: other runs may use it at the same time. */
const RUN = randomUUID().slice(0, 8);
const TOPIC = `anjian-e2e-${RUN}/warnings`;
/** A chlorine detector (GB/T 50493: level 1 at 1 mg/m³, level 2 at 2 mg/m³, shown red). */
const POINT = {
  code: `E2E-CL${Date.now() % 1_000_000}`,
  name: '液氯库氯气检测报警器',
  type: 'toxic_gas',
  gas: 'cl2',
  unit: 'mg/m³',
  range: { min: 0, max: 10 },
  expectedIntervalSeconds: 60,
  thresholds: { scheme: 'process', H: { value: 1 }, HH: { value: 2, colour: 'red' } },
} as const;

const POLL = { timeout: 30_000, interval: 250 };
const DELIVERY = { timeout: 60_000, interval: 500 };

interface Site {
  id: string;
  name: string;
  county: string;
  enterpriseId: string | null;
  location: { lon: number; lat: number } | null;
}

/** The local peers the warning channels deliver to. */
const received = {
  hooks: [] as { body: string; headers: http.IncomingHttpHeaders }[],
  mails: [] as string[],
  mqtt: [] as { topic: string; body: string }[],
};
const hookServer = http.createServer((request, response) => {
  let body = '';
  request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
  request.on('end', () => {
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

const msgTypeOf = (xml: string) => /<msgType>(\w+)<\/msgType>/.exec(xml)?.[1];
const identifierOf = (xml: string) => /<identifier>([^<]+)<\/identifier>/.exec(xml)?.[1];

/** An Element Plus message box: confirm it, typing the text first when it asks for one. */
const GUIDE_PDF = Buffer.from('%PDF-1.4\n% evacuation guide\n%%EOF\n');
const SKETCH_PDF = Buffer.from('%PDF-1.4\n% leak site sketch\n%%EOF\n');

async function answerBox(page: Page, text?: string): Promise<void> {
  const box = page.locator('.el-message-box:visible');
  await box.waitFor();
  if (text !== undefined) await box.locator('input, textarea').first().fill(text);
  await box.locator('.el-message-box__btns .el-button--primary').click();
  await box.waitFor({ state: 'hidden' });
}

async function step(page: Page, action: string, status: string, text?: string): Promise<void> {
  await byTestId(page, `warning-${action}`).click();
  await answerBox(page, text);
  await page.locator(`[data-testid="warning-status"][data-status="${status}"]`).waitFor();
}

describe('a chlorine alarm becomes a public warning, reaches every channel, is updated and cancelled', () => {
  let server: RunningServer;
  let browser: Browser;
  /** A city officer's API session for the set-up and for reading back what the pages did. */
  let city: ApiClient;
  let site: Site;
  let simulator: Simulator | undefined;
  let simulatedNow = Date.now();
  let subscriber: mqtt.MqttClient | undefined;
  const passwords = { author: '', approver: '' };

  beforeAll(async () => {
    await new Promise<void>((resolve) => hookServer.listen(0, '127.0.0.1', resolve));
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    subscriber = await mqtt.connectAsync(process.env.MQTT_URL ?? 'mqtt://127.0.0.1:1883', {
      clientId: `wj-e2e-${RUN}`,
    });
    await subscriber.subscribeAsync(`${TOPIC}/#`, { qos: 1 });
    subscriber.on('message', (topic, payload) =>
      received.mqtt.push({ topic, body: payload.toString('utf8') }),
    );
    const port = await freePort();
    [server, browser] = await Promise.all([
      startServer(bootstrapPassword, {
        demoData: true,
        port,
        env: {
          PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
          MQTT_URL: process.env.MQTT_URL ?? 'mqtt://127.0.0.1:1883',
          MQTT_CLIENT_ID: `wj${RUN}`,
          WARNING_MQTT_TOPIC: TOPIC,
          WARNING_WEBHOOK_URLS: `http://127.0.0.1:${(hookServer.address() as AddressInfo).port}/cap`,
          WARNING_WEBHOOK_SECRET: SECRET,
          WARNING_SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
          WARNING_EMAIL_TO: MAIL_TO,
        },
      }),
      launchBrowser(),
    ]);
    const admin = new ApiClient(server.baseUrl);
    await admin.signIn('admin', bootstrapPassword);
    await admin.completeFirstLogin(bootstrapPassword, 'Yuxi-Sys#2026warnings');
    passwords.approver = await createUser(admin, {
      username: APPROVER.username,
      displayName: APPROVER.displayName,
      organisation: '玉溪市应急管理局',
      roles: ['city_officer'],
      scope: { kind: 'city' },
    });

    // The set-up is a city officer's (the administrator sees no business data).
    const setupPassword = await createUser(admin, {
      username: 'wj_setup',
      displayName: '市局监测管理员',
      roles: ['city_officer'],
      scope: { kind: 'city' },
    });
    city = new ApiClient(server.baseUrl);
    await city.signIn('wj_setup', setupPassword);
    await city.completeFirstLogin(setupPassword, 'Warn-Setup#2026ok');

    // A demo chlorine store (液氯库) of an enterprise, with its position.
    const sites = await city.call<{ items: Site[] }>(
      'GET',
      `/objects?kind=major_hazard_source&q=${encodeURIComponent('液氯库')}&pageSize=50`,
    );
    site = sites.items.find((o) => o.enterpriseId && o.location)!;
    expect(site, 'the demo registry has a located chlorine store').toBeDefined();
    passwords.author = await createUser(admin, {
      username: AUTHOR.username,
      displayName: AUTHOR.displayName,
      organisation: '县应急管理局值班室',
      roles: ['county_officer'],
      scope: { kind: 'county', counties: [site.county] },
    });

    // The site's gateway: a chlorine detector fed by the demo simulator, stepped by hand.
    const point = await city.call<{ id: string }>('POST', '/monitoring/points', {
      ...POINT,
      objectId: site.id,
    });
    expect(point.id).toBeTruthy();
    const { token } = await city.call<{ token: string }>('POST', '/monitoring/device-tokens', {
      name: '液氯库数采网关',
      enterpriseId: site.enterpriseId,
    });
    simulator = new Simulator({
      devices: [{ token, enterpriseId: site.enterpriseId!, points: [POINT] }],
      transport: httpTransport(server.baseUrl),
      intervalMs: 60_000,
      randomExcursionEveryMs: 0,
      excursionMs: 10 * 60_000,
      now: () => simulatedNow,
    });
  });

  afterAll(async () => {
    await simulator?.stop();
    await browser?.close();
    await subscriber?.endAsync();
    await new Promise<void>((resolve) => hookServer.close(() => resolve()));
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    if (server) await stopServer(server, process.env.E2E_KEEP_DATA === '1');
  });

  it('alarm → zone → draft → rejected → fixed → approved → published → public, Atom, SMTP, HTTP, MQTT → updated → cancelled', async () => {
    // The chlorine reading goes past level 2: a red alarm at the site.
    const gateway = simulator!;
    simulatedNow = Date.now() - 60_000;
    await gateway.step();
    gateway.excursion(POINT.code);
    simulatedNow = Date.now();
    await gateway.step();
    const redAlarm = async () =>
      (
        await city.call<{ items: { id: string; colour: string | null }[] }>(
          'GET',
          '/monitoring/alarms?open=true',
        )
      ).items.find((a) => a.colour === 'red');
    await expect.poll(redAlarm, POLL).toBeDefined();
    const alarm = (await redAlarm())!;

    // The duty officer takes it as an incident at the enterprise (the alarm named in the report).
    const incident = await city.call<{ id: string }>('POST', '/incidents', {
      occurredAt: new Date(Date.now() - 5 * 60_000).toISOString(),
      county: site.county,
      enterpriseId: site.enterpriseId,
      location: `${site.name}`,
      position: site.location,
      accidentType: 'WSA10023',
      deaths: 0,
      seriousInjuries: 0,
      description: `氯气检测报警器红色报警（报警编号 ${alarm.id.slice(0, 8)}），液氯储罐出料阀泄漏`,
      reporter: AUTHOR.displayName,
    });

    const writer = await newPage(browser);
    const approver = await newPage(browser);
    const visitor = await newPage(browser);
    let warningId = '';
    await withEvidence(writer, 'warnings-author-draft', async () => {
      const { page } = writer;
      await signIn(page, server.baseUrl, AUTHOR.username, passwords.author);
      await changeInitialPassword(page, passwords.author, AUTHOR.password);
      await enrolTotp(page);
      await waitForPath(page, '/workbench');
      await page.goto(`${server.baseUrl}/monitoring/alarms/${alarm.id}`);
      await page.locator('[data-testid="alarm-detail-page"]').waitFor();

      // 辅助决策 on the incident: 2 kg/s of chlorine, west wind 3 m/s.
      await page.goto(`${server.baseUrl}/emergency/incidents/${incident.id}`);
      await page.locator('[data-testid="incident-command-page"][data-ready="true"]').waitFor();
      await byTestId(page, 'incident-tab-decision').click();
      for (const [id, value] of [
        ['consequence-rate', 2],
        ['consequence-wind-speed', 3],
        ['consequence-wind-from', 270],
      ] as const) {
        const input = byTestId(page, id).locator('input');
        await input.fill(String(value));
        await input.press('Tab');
      }
      await byTestId(page, 'consequence-run').click();
      await byTestId(page, 'consequence-result').waitFor();

      // 起草预警: the zone becomes the draft's area.
      await byTestId(page, 'draft-warning-incident').click();
      await waitForPath(page, '/warnings');
      const prefilled = page.locator('[data-testid="warning-prefilled"][data-source="incident"]');
      await prefilled.waitFor();
      expect(await byTestId(page, 'warning-headline').inputValue()).toContain('氯');
      // The zone gives the area and the texts; the duty officer adds how to reach the bureau.
      await byTestId(page, 'warning-contact').fill('市应急管理局值班室 0877-2023110');
      // A site sketch chosen on the create form goes up with the draft.
      await byTestId(page, 'pending-description').fill('泄漏点位示意图');
      await byTestId(page, 'pending-attachments')
        .locator('input[type="file"]')
        .setInputFiles({ name: 'sketch.pdf', mimeType: 'application/pdf', buffer: SKETCH_PDF });
      await expect.poll(() => byTestId(page, 'pending-list').textContent(), POLL).toContain('sketch.pdf');
      const created = page.waitForResponse(
        (r) => r.url().endsWith('/api/v1/warnings') && r.request().method() === 'POST',
      );
      await byTestId(page, 'warning-save').click();
      const answer = await created;
      expect(answer.status(), await answer.text()).toBe(201);
      const draft = (await answer.json()) as {
        id: string;
        source: { kind: string; id: string };
        area: { polygon: unknown; circle: unknown };
      };
      expect(draft.source).toMatchObject({ kind: 'incident', id: incident.id });
      expect(draft.area.polygon).not.toBeNull();
      expect(draft.area.circle).not.toBeNull();
      warningId = draft.id;
      await waitForPath(page, `/warnings/${warningId}`);
      expect(await byTestId(page, 'warning-source').getAttribute('data-source')).toBe('incident');
      await expect
        .poll(() => byTestId(page, 'warning-attachments').textContent(), POLL)
        .toContain('泄漏点位示意图');
      await step(page, 'submit', 'submitted');
    });

    const rejection = '防范指引不完整，请补充下风向学校的疏散要求';
    await withEvidence(approver, 'warnings-approver-reject', async () => {
      const { page } = approver;
      await signIn(page, server.baseUrl, APPROVER.username, passwords.approver);
      await changeInitialPassword(page, passwords.approver, APPROVER.password);
      await enrolTotp(page);
      await waitForPath(page, '/workbench');
      await page.goto(`${server.baseUrl}/warnings/${warningId}`);
      await step(page, 'reject', 'rejected', rejection);
    });

    const instruction = '下风向学校立即停课，师生向上风向转移；周边居民关闭门窗，听从现场指挥。';
    await withEvidence(writer, 'warnings-author-fix', async () => {
      const { page } = writer;
      await page.reload();
      await page.locator('[data-testid="warning-status"][data-status="rejected"]').waitFor();
      expect(await byTestId(page, 'warning-detail').textContent()).toContain(rejection);
      await byTestId(page, 'warning-edit').click();
      await byTestId(page, 'warning-instruction').fill(instruction);
      await byTestId(page, 'warning-edit-save').click();
      await byTestId(page, 'warning-edit-save').waitFor({ state: 'hidden' });
      await expect.poll(() => byTestId(page, 'warning-detail').textContent(), POLL).toContain(instruction);
      // An evacuation guide attached while the warning is back with its author.
      await byTestId(page, 'attachment-description').fill('疏散路线图');
      await byTestId(page, 'warning-attachments')
        .locator('input[type="file"]')
        .setInputFiles({ name: 'guide.pdf', mimeType: 'application/pdf', buffer: GUIDE_PDF });
      await expect
        .poll(() => byTestId(page, 'warning-attachments').textContent(), POLL)
        .toContain('疏散路线图');
      expect(await byTestId(page, 'warning-attachments').textContent()).toContain('PDF 文件');
      // The author may not approve their own warning: no such button for them.
      expect(await byTestId(page, 'warning-approve').count()).toBe(0);
      await step(page, 'submit', 'submitted');
    });

    await withEvidence(approver, 'warnings-approver-publish', async () => {
      const { page } = approver;
      await page.reload();
      await step(page, 'approve', 'approved');
      await step(page, 'publish', 'published');
      await page.locator('[data-testid="warning-versions"] tbody tr').first().waitFor();
    });

    // Public page, no sign-in.
    const detail = await city.call<{ versions: { identifier: string; msgType: string }[] }>(
      'GET',
      `/warnings/${warningId}`,
    );
    const first = detail.versions[0]!.identifier;
    // The guide is released as a CAP <resource> whose public URL serves the PDF as attached.
    const firstCap = await (await fetch(`${server.baseUrl}/api/v1/public/warnings/cap/${first}.xml`)).text();
    const guideDigest = createHash('sha1').update(GUIDE_PDF).digest('hex');
    const resources = firstCap.split('<resource>').slice(1);
    // Both files are released in every <info> (zh and en): the sketch from the create form and the
    // guide added after the rejection.
    const infos = firstCap.split('<info>').slice(1);
    expect(infos.length).toBeGreaterThan(0);
    for (const info of infos) {
      expect(
        info
          .split('<resource>')
          .slice(1)
          .map((r) => /<resourceDesc>([^<]*)</.exec(r)?.[1])
          .sort(),
      ).toEqual(['泄漏点位示意图', '疏散路线图']);
    }
    const guide = resources.find((r) => r.includes(`<digest>${guideDigest}</digest>`))!;
    const uri = /<uri>([^<]*\/attachments\/[^<]*)<\/uri>/.exec(guide)![1]!;
    const served = await fetch(`${server.baseUrl}${new URL(uri).pathname}`);
    expect(Buffer.from(await served.arrayBuffer())).toEqual(GUIDE_PDF);
    await withEvidence(visitor, 'warnings-public', async () => {
      const { page } = visitor;
      await page.goto(`${server.baseUrl}/public/warnings`);
      const card = page.locator(`[data-testid="public-warning"][data-identifier="${first}"]`);
      await card.waitFor();
      expect(await card.textContent()).toContain('氯');
    });

    // The Atom feed links the CAP message, which the OASIS XSD accepts.
    const atom = await (await fetch(`${server.baseUrl}/api/v1/public/warnings/feed.atom`)).text();
    const capLink =
      /<link[^>]*type="application\/cap\+xml"[^>]*href="([^"]+)"/.exec(atom)?.[1] ??
      /<link[^>]*href="([^"]+)"[^>]*type="application\/cap\+xml"/.exec(atom)?.[1];
    expect(capLink, atom).toContain(first);
    const cap = await (await fetch(capLink!)).text();
    expect(await validateCap(cap)).toEqual({ valid: true, errors: [] });
    expect(msgTypeOf(cap)).toBe('Alert');
    expect(cap).toContain(instruction);

    // Every channel delivered the same CAP message: HTTP (signed), SMTP and MQTT.
    // Ours only: the demo data's own published warning goes out on the same channels.
    const byType = (type: string) => ({
      hooks: received.hooks.filter((h) => msgTypeOf(h.body) === type && h.body.includes(first)),
      mqtt: received.mqtt.filter((m) => msgTypeOf(m.body) === type && m.body.includes(first)),
    });
    await expect
      .poll(() => received.hooks.filter((h) => identifierOf(h.body) === first).length, DELIVERY)
      .toBe(1);
    const hook = received.hooks.find((h) => identifierOf(h.body) === first)!;
    expect(hook.body).toBe(cap);
    const stamp = String(hook.headers['x-anjian-timestamp']);
    expect(hook.headers['x-anjian-signature']).toBe(
      `sha256=${createHmac('sha256', SECRET).update(`${stamp}.${hook.body}`).digest('hex')}`,
    );
    await expect
      .poll(() => received.mqtt.filter((m) => identifierOf(m.body) === first).length, DELIVERY)
      .toBe(1);
    expect(received.mqtt.find((m) => identifierOf(m.body) === first)!.topic).toBe(`${TOPIC}/${site.county}`);
    await expect.poll(() => received.mails.filter((m) => m.includes(first)).length, DELIVERY).toBe(1);
    expect(received.mails.find((m) => m.includes(first))).toContain(MAIL_TO);
    expect(byType('Alert').hooks).toHaveLength(1);

    // Update: the author revises, the approver releases it as a CAP Update referencing the first.
    const extended = '影响范围扩大，请下风向 2 公里内人员立即撤离。';
    await withEvidence(writer, 'warnings-author-update', async () => {
      const { page } = writer;
      await page.reload();
      await step(page, 'revise', 'draft');
      await byTestId(page, 'warning-edit').click();
      await byTestId(page, 'warning-instruction').fill(`${instruction}${extended}`);
      await byTestId(page, 'warning-edit-save').click();
      await byTestId(page, 'warning-edit-save').waitFor({ state: 'hidden' });
      await expect.poll(() => byTestId(page, 'warning-detail').textContent(), POLL).toContain(extended);
      await step(page, 'submit', 'submitted');
    });
    await withEvidence(approver, 'warnings-approver-update', async () => {
      const { page } = approver;
      await page.reload();
      await step(page, 'approve', 'approved');
      await step(page, 'publish', 'published');
    });
    await expect.poll(() => byType('Update').hooks.length, DELIVERY).toBe(1);
    const update = byType('Update').hooks[0]!.body;
    expect(await validateCap(update)).toEqual({ valid: true, errors: [] });
    expect(update).toContain(`<references>`);
    expect(update).toContain(first);
    expect(update).toContain(extended);
    await expect.poll(() => byType('Update').mqtt.length, DELIVERY).toBe(1);

    // Cancel: a CAP Cancel on every channel; the public page no longer shows the warning.
    await withEvidence(approver, 'warnings-approver-cancel', async () => {
      await step(approver.page, 'cancel', 'cancelled');
    });
    await expect.poll(() => byType('Cancel').hooks.length, DELIVERY).toBe(1);
    const cancel = byType('Cancel').hooks[0]!.body;
    expect(await validateCap(cancel)).toEqual({ valid: true, errors: [] });
    expect(cancel).toContain(first);
    await expect.poll(() => byType('Cancel').mqtt.length, DELIVERY).toBe(1);
    // One mail for each of the three releases, told apart by the identifier (Message-ID, file name).
    for (const released of [first, identifierOf(update)!, identifierOf(cancel)!])
      await expect.poll(() => received.mails.filter((m) => m.includes(released)).length, DELIVERY).toBe(1);
    const publicList = await (await fetch(`${server.baseUrl}/api/v1/public/warnings`)).json();
    expect((publicList as { items: { identifier: string }[] }).items.map((w) => w.identifier)).not.toContain(
      first,
    );
    await withEvidence(visitor, 'warnings-public-after-cancel', async () => {
      await visitor.page.reload();
      await byTestId(visitor.page, 'public-warnings').waitFor();
      expect(
        await visitor.page.locator(`[data-testid="public-warning"][data-identifier="${first}"]`).count(),
      ).toBe(0);
    });

    // The steps are on record, by name.
    const finalDetail = await city.call<{ steps: { action: string; actorName: string }[]; status: string }>(
      'GET',
      `/warnings/${warningId}`,
    );
    expect(finalDetail.status).toBe('cancelled');
    expect(finalDetail.steps.map((s) => s.action)).toEqual(
      expect.arrayContaining(['submit', 'reject', 'approve', 'publish', 'revise', 'cancel']),
    );
    await writer.context.close();
    await approver.context.close();
    await visitor.context.close();
  });
});
