import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ApiClient } from './support/api.ts';
import { createUser, signedInUser, signInAdmin } from './support/api.ts';
import { byTestId, launchBrowser, newPage, waitForPath, type TestPage } from './support/browser.ts';
import { restartServer, startServer, stopServer, type RunningServer } from './support/server.ts';
import { changeInitialPassword, enrolTotp, signIn } from './support/sign-in.ts';

const bootstrapPassword = inject('bootstrapPassword');
const LEADER = { username: 'yx_leader', displayName: '分管副局长', password: 'Yuxi-Leader#2026' };
const CITY = { username: 'yx_cockpit_city', password: 'Yuxi-Cockpit#2026' };
/** A combustible-gas detector whose level-2 alarm (40 %LEL) is red: one reading of 60 fires it. */
const POINT = {
  code: `E2E-CP${Date.now() % 1_000_000}`,
  name: '驾驶舱演练可燃气体探测器',
  type: 'combustible_gas',
  unit: '%LEL',
  range: { min: 0, max: 100 },
  expectedIntervalSeconds: 60,
  thresholds: { scheme: 'process', H: { value: 20 }, HH: { value: 40, colour: 'red' } },
};
/** Screenshots go here, outside git (.gitignore: e2e/artifacts/). */
const artifacts = path.join(import.meta.dirname, 'artifacts');
const POLL = { timeout: 30_000, interval: 250 };
const PANELS = [
  'big-screen-indicators',
  'big-screen-trend',
  'big-screen-figures',
  'big-screen-map',
  'big-screen-alarms',
  'big-screen-events',
];

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

/** Whether the page scrolls either way (it must not: the big screen fills the window exactly). */
function scrollbars(page: Page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const screen = document.querySelector('[data-testid="big-screen"]')!;
    return {
      page: root.scrollWidth > root.clientWidth || root.scrollHeight > root.clientHeight,
      screen: screen.scrollWidth > screen.clientWidth || screen.scrollHeight > screen.clientHeight,
    };
  });
}

/** Each key panel: inside the window, of some size, and with something in it. */
async function checkPanels(page: Page, width: number, height: number): Promise<void> {
  for (const id of PANELS) {
    const panel = byTestId(page, id);
    await panel.waitFor();
    const box = (await panel.boundingBox())!;
    expect(box.x, id).toBeGreaterThanOrEqual(0);
    expect(box.y, id).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, id).toBeLessThanOrEqual(width);
    expect(box.y + box.height, id).toBeLessThanOrEqual(height);
    expect(box.width * box.height, id).toBeGreaterThan(((width * height) / 100) * 0.5);
    if (id === 'big-screen-map') {
      // The one-map's county boundaries are drawn (the demo's schematic ones at least).
      await expect
        .poll(() => panel.locator('.leaflet-boundaries-pane path').count(), POLL)
        .toBeGreaterThan(0);
    } else {
      expect(((await panel.textContent()) ?? '').trim().length, id).toBeGreaterThan(4);
    }
  }
  // The trend panel draws its chart (a canvas of the panel's size).
  expect(await byTestId(page, 'big-screen-trend').locator('canvas').count()).toBeGreaterThan(0);
}

async function redCount(page: Page): Promise<number> {
  const text = await byTestId(page, 'big-screen-alarms').locator('.colour.red b').textContent();
  return Number(text);
}

describe('a bureau leader reads the cockpit and the command centre watches the big screen live', () => {
  let server: RunningServer;
  let browser: Browser;
  let city: ApiClient;
  let leaderPassword = '';
  let deviceToken = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startServer(bootstrapPassword, { demoData: true }),
      launchBrowser(),
    ]);
    const admin = await signInAdmin(server.baseUrl, bootstrapPassword, 'Yuxi-Sys#2026cockpit');
    city = await signedInUser(admin, server.baseUrl, {
      username: CITY.username,
      displayName: '市局监测管理员',
      roles: ['city_officer'],
      scope: { kind: 'city' },
      password: CITY.password,
    });
    leaderPassword = await createUser(admin, {
      username: LEADER.username,
      displayName: LEADER.displayName,
      roles: ['city_officer'],
      scope: { kind: 'city' },
    });

    // A gas detector on a demo major hazard source, and its gateway's token, for a live alarm.
    const page = await city.call<{ items: { id: string; enterpriseId: string | null }[] }>(
      'GET',
      '/objects?kind=major_hazard_source&pageSize=100',
    );
    const site = page.items.find((o) => o.enterpriseId)!;
    await city.call('POST', '/monitoring/points', { ...POINT, objectId: site.id });
    const { token } = await city.call<{ token: string }>('POST', '/monitoring/device-tokens', {
      name: '驾驶舱演练数采网关',
      enterpriseId: site.enterpriseId,
    });
    deviceToken = token;
  });

  afterAll(async () => {
    await browser?.close();
    if (server) await stopServer(server, process.env.E2E_KEEP_DATA === '1');
  });

  it('opens each cockpit number on the list behind it, and fills the big screen at 1920×1080 and 3840×2160 with live figures that survive a server restart', async () => {
    const leader = await newPage(browser, { width: 1920, height: 1080 });
    await withEvidence(leader, 'cockpit-leader', async () => {
      const { page } = leader;
      await signIn(page, server.baseUrl, LEADER.username, leaderPassword);
      await changeInitialPassword(page, leaderPassword, LEADER.password);
      await enrolTotp(page);
      await waitForPath(page, '/workbench');

      // 领导驾驶舱 from the menu: the month's and live figures of the whole city, labelled 演示.
      await page.locator('[data-testid="menu-top"][data-key="cockpit"]').click();
      await waitForPath(page, '/cockpit');
      await byTestId(page, 'cockpit-figures').waitFor();
      await byTestId(page, 'cockpit').locator('[data-testid="demo-tag"]').waitFor();
      const cockpit = await city.call<{
        figures: { openMajorHazards: number; liveAlarms: { total: number } };
      }>('GET', '/cockpit');
      expect(
        await byTestId(page, 'cockpit-figure-openMajorHazards').locator('.figure-total').textContent(),
      ).toBe(String(cockpit.figures.openMajorHazards));

      // A number opens its list with the same filter: open major hidden hazards.
      await byTestId(page, 'cockpit-figure-openMajorHazards').click();
      await page.waitForURL(
        (url) =>
          url.pathname === '/hazards' &&
          url.searchParams.get('level') === 'major' &&
          url.searchParams.get('open') === '1',
      );
      await page.goBack();
      await waitForPath(page, '/cockpit');

      // Inspections this month open the inspection records completed in the month: as many as the number.
      const inspections = await city.call<{
        figures: { inspectionsThisMonth: number | null };
        month: string;
      }>('GET', '/cockpit');
      if (inspections.figures.inspectionsThisMonth !== null) {
        await byTestId(page, 'cockpit-figure-inspectionsThisMonth').click();
        await page.waitForURL(
          (url) =>
            url.pathname === '/enforcement/inspections' &&
            url.searchParams.get('month') === inspections.month,
        );
        await expect
          .poll(() => byTestId(page, 'pagination').locator('.el-pagination__total').textContent())
          .toContain(String(inspections.figures.inspectionsThisMonth));
        await page.goBack();
        await waitForPath(page, '/cockpit');
      }

      // The big screen: its own route, no app chrome, dark, no scrollbars.
      await byTestId(page, 'cockpit-open-big-screen').click();
      await waitForPath(page, '/big-screen');
      await page.locator('[data-testid="big-screen-live"]', { hasText: '实时连接' }).waitFor();
      expect(await byTestId(page, 'side-menu').count()).toBe(0);
      await checkPanels(page, 1920, 1080);
      expect(await scrollbars(page)).toEqual({ page: false, screen: false });
      mkdirSync(artifacts, { recursive: true });
      await page.screenshot({ path: path.join(artifacts, 'big-screen-1920x1080.png') });

      // A red alarm fires at the site: the screen shows it without a reload (the stream, then one re-read).
      await page.evaluate(() => ((window as unknown as { aj: string }).aj = 'same page'));
      const before = await redCount(page);
      const response = await fetch(`${server.baseUrl}/api/v1/telemetry`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${deviceToken}` },
        body: JSON.stringify({ readings: [{ point: POINT.code, ts: Date.now(), value: 60 }] }),
      });
      expect(response.status).toBe(200);
      await expect.poll(() => redCount(page), POLL).toBe(before + 1);
      expect(await page.evaluate(() => (window as unknown as { aj?: string }).aj)).toBe('same page');

      // The server restarts (streams end, the address is gone for a while, then back): the screen
      // says it lost the stream, reconnects with backoff by itself and re-reads the figures.
      // (Chromium's offline emulation leaves an open stream be, so a blip is shown this way: the
      // page sees the same lost connection either way.)
      const live = byTestId(page, 'big-screen-live');
      await stopServer(server, true);
      await expect.poll(() => live.textContent(), POLL).toBe('连接中断，正在重连');
      const reread = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/cockpit', {
        timeout: 240_000,
      });
      server = await restartServer(server, bootstrapPassword, { demoData: true });
      expect((await reread).status()).toBe(200);
      await expect.poll(() => live.textContent(), POLL).toBe('实时连接');
      const afterRestart = await city.call<{ figures: { liveAlarms: { red: number } } }>('GET', '/cockpit');
      expect(await redCount(page)).toBe(afterRestart.figures.liveAlarms.red);
      expect(await page.evaluate(() => (window as unknown as { aj?: string }).aj)).toBe('same page');

      // 4K: the same panels, scaled, still no scrollbars.
      await page.setViewportSize({ width: 3840, height: 2160 });
      await expect.poll(() => scrollbars(page), POLL).toEqual({ page: false, screen: false });
      await checkPanels(page, 3840, 2160);
      const fontSize = await byTestId(page, 'big-screen').evaluate((el) => getComputedStyle(el).fontSize);
      expect(Number.parseFloat(fontSize)).toBeCloseTo(34.56, 1);
      await page.screenshot({ path: path.join(artifacts, 'big-screen-3840x2160.png') });
    });
    await leader.context.close();
  });
});
