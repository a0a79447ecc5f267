import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  httpTransport,
  Simulator,
  type SimulatedPoint,
} from '../packages/server/src/modules/monitoring/simulator.ts';
import type { ApiClient } from './support/api.ts';
import { createUser, signedInUser, signInAdmin } from './support/api.ts';
import { byTestId, launchBrowser, newPage, waitForPath, type TestPage } from './support/browser.ts';
import { startServer, stopServer, type RunningServer } from './support/server.ts';
import { changeInitialPassword, enrolTotp, signIn } from './support/sign-in.ts';

const bootstrapPassword = inject('bootstrapPassword');
const CITY = { username: 'yx_monitor_city', password: 'Yuxi-Monitor#2026' };
const OFFICER = { username: 'county_duty', displayName: '值班员李', password: 'Duty-Officer#2026' };
/** A combustible-gas detector (可燃气体探测器): level-1 alarm at 20 %LEL, level-2 at 40 %LEL shown red. */
const POINT = {
  code: `E2E-GT${Date.now() % 1_000_000}`,
  name: '演练罐区可燃气体探测器',
  type: 'combustible_gas',
  unit: '%LEL',
  range: { min: 0, max: 100 },
  expectedIntervalSeconds: 60,
  thresholds: { scheme: 'process', H: { value: 20 }, HH: { value: 40, colour: 'red' } },
} satisfies SimulatedPoint & { name: string; unit: string };

const artifacts = path.join(import.meta.dirname, 'artifacts');
const POLL = { timeout: 30_000, interval: 250 };

async function withEvidence(target: TestPage, name: string, steps: () => Promise<void>): Promise<void> {
  try {
    await steps();
  } catch (error) {
    mkdirSync(artifacts, { recursive: true });
    await target.page.screenshot({ path: path.join(artifacts, `${name}.png`) }).catch(() => undefined);
    writeFileSync(path.join(artifacts, `${name}.trace.txt`), `${target.trace.join('\n')}\n`);
    console.error(`[e2e] ${name}: page trace\n${target.trace.join('\n')}`);
    throw error;
  }
}

interface Site {
  id: string;
  kind: string;
  name: string;
  county: string;
  enterpriseId: string | null;
  location: { lon: number; lat: number } | null;
}

interface Alarm {
  id: string;
  point: string;
  colour: string | null;
  status: string;
  escalation: string;
  clearedBy?: string;
  timeline: { action: string; actorId: string }[];
}

describe('a county duty officer sees a red gas alarm arrive live, acknowledges it, and sees it clear', () => {
  let server: RunningServer;
  let browser: Browser;
  let city: ApiClient;
  let site: Site;
  let pointId = '';
  let officerPassword = '';
  /** The demo simulator (modules/monitoring/simulator.ts) as the site's gateway, stepped by hand. */
  let simulator: Simulator | undefined;
  let simulatedNow = Date.now();

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startServer(bootstrapPassword, { demoData: true }),
      launchBrowser(),
    ]);
    const admin = await signInAdmin(server.baseUrl, bootstrapPassword, 'Yuxi-Sys#2026monitor');
    city = await signedInUser(admin, server.baseUrl, {
      username: CITY.username,
      displayName: '市局监测管理员',
      roles: ['city_officer'],
      scope: { kind: 'city' },
      password: CITY.password,
    });

    // A demo major hazard source of an enterprise (a tailings pond if there is none) gets a gas
    // detector; one without demo points if there is one, so the demo simulator leaves it alone.
    const monitored = await city.call<{ items: { objectId: string }[] }>('GET', '/monitoring/sites');
    const busy = new Set(monitored.items.map((s) => s.objectId));
    const candidates: Site[] = [];
    for (const kind of ['major_hazard_source', 'tailings_pond']) {
      const page = await city.call<{ items: Site[] }>('GET', `/objects?kind=${kind}&pageSize=100`);
      candidates.push(...page.items.filter((o) => o.enterpriseId && o.location));
    }
    expect(candidates.length, 'demo data has monitorable sites with an enterprise').toBeGreaterThan(0);
    site = candidates.find((o) => !busy.has(o.id)) ?? candidates[0]!;
    const point = await city.call<{ id: string }>('POST', '/monitoring/points', {
      ...POINT,
      objectId: site.id,
    });
    pointId = point.id;
    const { token } = await city.call<{ token: string }>('POST', '/monitoring/device-tokens', {
      name: '演练罐区数采网关',
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
    officerPassword = await createUser(admin, {
      username: OFFICER.username,
      displayName: OFFICER.displayName,
      organisation: '县应急管理局值班室',
      roles: ['county_officer'],
      scope: { kind: 'county', counties: [site.county] },
    });
  });

  afterAll(async () => {
    await simulator?.stop();
    await browser?.close();
    if (server) await stopServer(server, process.env.E2E_KEEP_DATA === '1');
  });

  it('shows the excursion as a red alarm within seconds, takes the acknowledgement, and clears it when normal', async () => {
    // Five normal minutes before anyone looks: one reading a minute from the gateway.
    const gateway = simulator!;
    for (let minutesAgo = 5; minutesAgo >= 1; minutesAgo -= 1) {
      simulatedNow = Date.now() - minutesAgo * 60_000;
      await gateway.step();
    }
    expect(gateway.sent).toBe(5);

    const officer = await newPage(browser);
    await withEvidence(officer, 'monitoring-officer', async () => {
      const { page } = officer;
      await signIn(page, server.baseUrl, OFFICER.username, officerPassword);
      await changeInitialPassword(page, officerPassword, OFFICER.password);
      await enrolTotp(page);
      await waitForPath(page, '/workbench');

      // 监测预警 › 实时监测: the map, the queue and the live stream.
      await page.locator('[data-testid="menu-item"][data-key="monitoring-live"]').click();
      await waitForPath(page, '/monitoring/live');
      await page.locator('[data-testid="monitoring-page"][data-ready="true"][data-stream="open"]').waitFor();
      const marker = page.locator(`[data-testid="monitoring-site-marker"][data-object-id="${site.id}"]`);
      await marker.waitFor();

      // The simulator's excursion: past the level-2 set point (40 %LEL + 5 % of the span).
      gateway.excursion(POINT.code);
      const sentAt = (simulatedNow = Date.now());
      await gateway.step();
      const queue = byTestId(page, 'alarm-queue');
      const redRow = queue
        .locator('tbody tr')
        .filter({ has: page.locator('[data-testid="alarm-colour"][data-colour="red"]') })
        .filter({ hasText: POINT.name });
      await redRow.waitFor({ timeout: 10_000 });
      const shownAfterMs = Date.now() - sentAt;
      console.log(`[e2e] red alarm shown ${shownAfterMs} ms after the reading was sent`);
      expect(shownAfterMs).toBeLessThan(10_000);
      expect(await redRow.locator('[data-testid="alarm-status"]').getAttribute('data-status')).toBe('firing');
      expect(await redRow.locator('[data-testid="alarm-countdown"]').getAttribute('data-overdue')).toBe(
        'false',
      );
      await expect.poll(() => marker.getAttribute('data-level'), POLL).toBe('red');

      // The site panel names the point behind the red warning.
      await marker.click();
      await page.locator(`[data-testid="site-panel"][data-object-id="${site.id}"]`).waitFor();
      expect(await byTestId(page, 'site-level').getAttribute('data-level')).toBe('red');
      expect(await byTestId(page, 'site-reasons').textContent()).toContain(POINT.name);

      // 确认: the officer acknowledges the red alarm from the queue.
      await redRow.locator('[data-testid="alarm-action-acknowledge"]').click();
      const dialog = page.locator('[data-testid="alarm-action-dialog"][data-action="acknowledge"]');
      await dialog.waitFor();
      await byTestId(page, 'alarm-note').fill('已电话通知企业现场核查');
      await byTestId(page, 'alarm-action-submit').click();
      await expect
        .poll(() => redRow.locator('[data-testid="alarm-status"]').getAttribute('data-status'), POLL)
        .toBe('acknowledged');

      const open = await city.call<{ items: Alarm[] }>(
        'GET',
        `/monitoring/alarms?open=true&pointId=${pointId}`,
      );
      const red = open.items.find((a) => a.colour === 'red');
      expect(red?.status).toBe('acknowledged');
      expect(red?.escalation).toBe('responded');
      expect(red?.timeline.map((entry) => [entry.action, entry.actorId])).toContainEqual([
        'acknowledge',
        OFFICER.username,
      ]);

      // Back to normal: the alarm clears by itself and leaves the queue; the site is no longer red.
      gateway.calm(POINT.code);
      simulatedNow = Date.now();
      await gateway.step();
      await expect.poll(() => redRow.count(), POLL).toBe(0);
      await expect.poll(() => marker.getAttribute('data-level'), POLL).not.toBe('red');
      const cleared = await city.call<Alarm>('GET', `/monitoring/alarms/${red!.id}`);
      expect(cleared.status).toBe('cleared');
      expect(cleared.clearedBy).toBe('auto');

      // The alarm's page tells the whole story, oldest last.
      await page.goto(`${server.baseUrl}/monitoring/alarms/${red!.id}`);
      await page.locator('[data-testid="alarm-detail-page"][data-status="cleared"]').waitFor();
      const actions = await byTestId(page, 'alarm-timeline-entry').evaluateAll((nodes) =>
        nodes.map((node) => node.getAttribute('data-action')),
      );
      expect(actions).toEqual(['return_to_normal', 'acknowledge', 'raise']);

      // The point's trend on the same page says which series it draws: raw readings for the last
      // hour, the per-minute aggregates for 24 hours, the per-hour ones for 90 days (issue 19).
      const trend = page.locator(`[data-testid="point-trend"][data-point-id="${pointId}"]`);
      await expect.poll(() => trend.getAttribute('data-resolution'), POLL).toBe('raw');
      await expect.poll(async () => Number(await trend.getAttribute('data-count')), POLL).toBeGreaterThan(0);
      expect(await byTestId(page, 'point-trend-resolution').textContent()).toContain('原始读数');
      await trend.getByText('近24小时').click();
      await expect.poll(() => trend.getAttribute('data-resolution'), POLL).toBe('minute');
      await expect
        .poll(() => byTestId(page, 'point-trend-resolution').textContent(), POLL)
        .toContain('按分钟汇总');
      await trend.getByText('近90天').click();
      await expect.poll(() => trend.getAttribute('data-resolution'), POLL).toBe('hour');
      await expect
        .poll(() => byTestId(page, 'point-trend-resolution').textContent(), POLL)
        .toContain('按小时汇总');
    });
    await officer.context.close();
  });
});
