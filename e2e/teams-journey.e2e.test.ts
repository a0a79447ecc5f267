import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ApiClient, createUser } from './support/api.ts';
import { byTestId, launchBrowser, newPage, waitForPath, type TestPage } from './support/browser.ts';
import { startServer, stopServer, type RunningServer } from './support/server.ts';
import { changeInitialPassword, enrolTotp, signIn } from './support/sign-in.ts';

const bootstrapPassword = inject('bootstrapPassword');
const HONGTA = '530402';
const OFFICER = { username: 'ht_command', displayName: '王指挥', password: 'Hongta-Cmd#2026ok' };
// The demo team leader (docs/emergency.md, README): linked to the city's hazmat team (演示).
const LEADER = { username: 'demo_team_leader', password: 'Yuxi#Team2026' };
const TEAM = '玉溪市危险化学品应急救援队（演示）';
const SITE = { lon: 102.53, lat: 24.3 };
const POLL = { timeout: 30_000, interval: 250 };
const LEADER_MAIL = 'leader@team.example.cn';

/** A local SMTP server: the dispatch push by e-mail (envelope recipients of each message). */
const mails: string[][] = [];
const smtp = new SMTPServer({
  disabledCommands: ['STARTTLS', 'AUTH'],
  authOptional: true,
  logger: false,
  onData(stream, session, callback) {
    stream.on('data', () => undefined);
    stream.on('end', () => {
      mails.push(session.envelope.rcptTo.map((r) => r.address));
      callback();
    });
  },
});

const artifacts = path.join(import.meta.dirname, 'artifacts');
// A 1×1 PNG: the on-scene photo.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

async function withEvidence(targets: TestPage[], name: string, steps: () => Promise<void>): Promise<void> {
  try {
    await steps();
  } catch (error) {
    mkdirSync(artifacts, { recursive: true });
    for (const [i, target] of targets.entries()) {
      await target.page
        .screenshot({ path: path.join(artifacts, `${name}-${i}.png`), timeout: 10_000 })
        .catch(() => undefined);
      writeFileSync(path.join(artifacts, `${name}-${i}.trace.txt`), `${target.trace.join('\n')}\n`);
      console.error(`[e2e] ${name} (${i}): page trace\n${target.trace.join('\n')}`);
    }
    throw error;
  }
}

/** The team's row on the command page. */
const teamRow = (page: Page, taskId: string) =>
  page.locator(`[data-testid="incident-team"][data-task="${taskId}"]`);

describe('a rescue team leader’s phone receives a dispatch and walks it while the command page watches', () => {
  let server: RunningServer;
  let browser: Browser;
  let city: ApiClient;
  let officerPassword = '';
  let incidentId = '';
  let teamId = '';

  beforeAll(async () => {
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    [server, browser] = await Promise.all([
      startServer(bootstrapPassword, {
        demoData: true,
        env: { WARNING_SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}` },
      }),
      launchBrowser(),
    ]);
    const admin = new ApiClient(server.baseUrl);
    await admin.signIn('admin', bootstrapPassword);
    await admin.completeFirstLogin(bootstrapPassword, 'Yuxi-Sys#2026teams');
    officerPassword = await createUser(admin, {
      username: OFFICER.username,
      displayName: OFFICER.displayName,
      organisation: '玉溪市应急管理局',
      roles: ['city_officer'],
      scope: { kind: 'city' },
    });
    const cityPassword = await createUser(admin, {
      username: 'yx_teams_setup',
      displayName: '市局值班',
      roles: ['city_officer'],
      scope: { kind: 'city' },
    });
    city = new ApiClient(server.baseUrl);
    await city.signIn('yx_teams_setup', cityPassword);
    await city.completeFirstLogin(cityPassword, 'Yuxi-Setup#2026ok');
    const teams = await city.call<{ items: { id: string; name: string }[] }>(
      'GET',
      `/emergency/resources?kind=team&q=${encodeURIComponent('危险化学品应急救援队')}`,
    );
    teamId = teams.items.find((t) => t.name === TEAM)!.id;
    // The leader's e-mail for the dispatch push (the demo account has no mobile).
    const members = await city.call<{ members: { userId: string; leader: boolean }[] }>(
      'GET',
      `/emergency/resources/${teamId}/members`,
    );
    await city.call('PUT', `/emergency/resources/${teamId}/members`, {
      members: members.members.map((m) => ({
        userId: m.userId,
        leader: m.leader,
        ...(m.leader ? { email: LEADER_MAIL } : {}),
      })),
    });
    const incident = await city.call<{ id: string }>('POST', '/incidents', {
      occurredAt: new Date(Date.now() - 10 * 60_000).toISOString(),
      county: HONGTA,
      location: '红塔区北城街道某仓储企业氨气泄漏',
      position: SITE,
      accidentType: 'WSA10023',
      deaths: 0,
      seriousInjuries: 1,
      directLossWan: '5',
      description: '液氨管道法兰泄漏，一人吸入送医',
      reporter: '企业值班员 赵某',
    });
    incidentId = incident.id;
  });

  afterAll(async () => {
    smtp.close();
    await browser?.close();
    if (server) await stopServer(server, process.env.E2E_KEEP_DATA === '1');
  });

  it('dispatch → accept → set off → arrive → work → done with positions, a report with a photo, live on the command map', async () => {
    const command = await newPage(browser);
    const phone = await newPage(browser, { width: 390, height: 844 });
    await phone.context.grantPermissions(['geolocation'], { origin: server.baseUrl });
    await phone.context.setGeolocation({ longitude: 102.566, latitude: 24.33, accuracy: 10 });

    await withEvidence([command, phone], 'teams', async () => {
      // The command page, on the incident, before the dispatch.
      await signIn(command.page, server.baseUrl, OFFICER.username, officerPassword);
      await changeInitialPassword(command.page, officerPassword, OFFICER.password);
      await enrolTotp(command.page);
      await waitForPath(command.page, '/workbench');
      await command.page.goto(`${server.baseUrl}/emergency/incidents/${incidentId}`);
      await command.page.locator('[data-testid="incident-command-page"][data-ready="true"]').waitFor();
      await command.page.locator('[data-testid="incident-teams"][data-live="true"]').waitFor();

      // The duty desk dispatches the team; the command page learns of it through its stream.
      const incident = await city.call<{ tasks: { id: string; resourceId: string }[] }>(
        'POST',
        `/incidents/${incidentId}/dispatch`,
        { resourceId: teamId, note: '携带氨气检测仪和堵漏器材' },
      );
      const taskId = incident.tasks.find((t) => t.resourceId === teamId)!.id;
      // The stream tells the command page of the new task.
      await command.page
        .locator(`[data-testid="incident-team"][data-task="${taskId}"][data-status="dispatched"]`)
        .waitFor({ timeout: 30_000 });

      // The leader's phone: the dispatch is in the app's notifications and on the task list.
      await signIn(phone.page, server.baseUrl, LEADER.username, LEADER.password);
      await waitForPath(phone.page, '/m/teams');
      const leaderApi = new ApiClient(server.baseUrl);
      await leaderApi.signIn(LEADER.username, LEADER.password);
      const notes = await leaderApi.call<{ items: { kind: string; link: string }[] }>(
        'GET',
        '/notifications',
      );
      expect(notes.items[0]).toMatchObject({ kind: 'team.dispatched', link: `/m/teams/${taskId}` });
      await phone.page.locator(`[data-testid="m-team-task-row"][data-id="${taskId}"]`).click();
      await waitForPath(phone.page, `/m/teams/${taskId}`);
      await phone.page.locator('[data-testid="m-team-task"][data-ready="true"]').waitFor();
      await expect
        .poll(() => byTestId(phone.page, 'm-team-position').getAttribute('data-lon'), POLL)
        .toBe('102.566');

      const step = async (next: string, where: { longitude: number; latitude: number }) => {
        await phone.context.setGeolocation({ ...where, accuracy: 10 });
        await expect
          .poll(() => byTestId(phone.page, 'm-team-position').getAttribute('data-lon'), POLL)
          .toBe(String(where.longitude));
        await phone.page.locator(`[data-testid="m-team-next"][data-next="${next}"]`).click();
        if (next === 'done') await phone.page.locator('.el-message-box__btns .el-button--primary').click();
        await phone.page.locator(`[data-testid="m-team-task"][data-status="${next}"]`).waitFor();
        // Live on the command map: the status and the position of the step.
        const row = teamRow(command.page, taskId);
        await expect.poll(() => row.getAttribute('data-status'), POLL).toBe(next);
        await expect.poll(() => row.getAttribute('data-lon'), POLL).toBe(String(where.longitude));
      };

      await step('accepted', { longitude: 102.566, latitude: 24.33 });
      await step('en_route', { longitude: 102.56, latitude: 24.32 });
      // Moving: the phone keeps a track (a fix every 5 s) which the command map follows.
      await byTestId(phone.page, 'm-team-tracking').waitFor();
      await phone.context.setGeolocation({ longitude: 102.548, latitude: 24.31, accuracy: 10 });
      await expect.poll(() => teamRow(command.page, taskId).getAttribute('data-lon'), POLL).toBe('102.548');
      await step('on_scene', { longitude: 102.531, latitude: 24.301 });

      // An on-scene report with a photo and a note.
      await byTestId(phone.page, 'm-team-report-note')
        .locator('textarea')
        .fill('泄漏点为二号管廊法兰，已设置警戒并关阀');
      await byTestId(phone.page, 'm-team-report-photos').setInputFiles({
        name: 'scene.png',
        mimeType: 'image/png',
        buffer: PNG,
      });
      await byTestId(phone.page, 'm-team-report-send').click();
      await expect.poll(() => byTestId(phone.page, 'm-team-report').count(), POLL).toBe(1);

      await step('working', { longitude: 102.5305, latitude: 24.3005 });
      await step('done', { longitude: 102.5305, latitude: 24.3005 });
      await expect
        .poll(() => byTestId(phone.page, 'm-team-queue').getAttribute('data-count'), POLL)
        .toBe('0');

      // What the server stored: each step once, the report with its photo, the timeline for the command.
      const detail = await leaderApi.call<{
        steps: { status: string }[];
        reports: { note: string; photoIds: string[] }[];
        track: unknown[];
      }>('GET', `/teams/tasks/${taskId}`);
      expect(detail.steps.map((s) => s.status)).toEqual([
        'accepted',
        'en_route',
        'on_scene',
        'working',
        'done',
      ]);
      expect(detail.reports).toEqual([
        expect.objectContaining({
          note: '泄漏点为二号管廊法兰，已设置警戒并关阀',
          photoIds: [expect.any(String)],
        }),
      ]);
      expect(detail.track.length).toBeGreaterThanOrEqual(6);
      await expect
        .poll(() => command.page.locator('[data-testid="incident-team"]', { hasText: '完成' }).count(), POLL)
        .toBeGreaterThan(0);

      // The dispatch push went out once by e-mail, and the command page's dispatch record says so.
      await expect.poll(() => mails.length, POLL).toBe(1);
      expect(mails).toEqual([[LEADER_MAIL]]);
      await command.page.reload();
      await command.page.locator('[data-testid="incident-command-page"][data-ready="true"]').waitFor();
      await byTestId(command.page, 'incident-tab-tasks').click();
      const push = command.page.locator(
        `[data-testid="incident-task"][data-resource="${teamId}"] [data-testid="incident-task-push"]`,
      );
      await expect.poll(() => push.getAttribute('data-status'), POLL).toBe('delivered');
      expect(await push.getAttribute('data-channel')).toBe('email');
      expect((await push.textContent())?.replace(/\s+/g, ' ').trim()).toBe('张队长（演示） · 邮件 已推送');
    });
  });
});
