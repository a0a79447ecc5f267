import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ApiClient, createUser } from './support/api.ts';
import { byTestId, launchBrowser, newPage, pickOption, waitForPath } from './support/browser.ts';
import { withEvidence } from './support/evidence.ts';
import { startServer, stopServer, type RunningServer } from './support/server.ts';
import { changeInitialPassword, enrolTotp, signIn } from './support/sign-in.ts';

const bootstrapPassword = inject('bootstrapPassword');
const OFFICER = { username: 'yx_indicator_officer', displayName: '统计科科员', password: 'Yuxi-Indic#2026' };
const POLL = { timeout: 30_000, interval: 250 };

/** What the officer types: the plan's published 2020 figure, and a steeper cut than the seed's −15 %. */
const PUBLISHED = 15;
const NOTE = '《玉溪市“十四五”安全生产规划》专栏1';
const CHANGE_PERCENT = -20;
/** The 2025 target the screens must show: baseline × (1 + change), counts with no decimals. */
const target = (baseline: number) => Math.round(baseline * (1 + CHANGE_PERCENT / 100));
/** The next plan's expected indicator, added on the page. */
const NEXT = {
  nameZh: '“十五五”生产安全事故死亡人数（预期）',
  nameEn: 'Deaths in work-safety accidents, 15th Five-Year Plan (expected)',
};

const text = (page: Page, id: string) =>
  byTestId(page, id)
    .first()
    .textContent()
    .then((t) => (t ?? '').trim());

/** A figure (基期值, 规划目标值 …) on an indicator's card of the indicators page. */
const figure = (page: Page, code: string, key: string) =>
  byTestId(page, `indicator-${code}`)
    .locator(`[data-testid="indicator-figure-${key}"]`)
    .textContent()
    .then((t) => (t ?? '').trim());

/** Fills an Element Plus number input as a person does: select, type, leave the field. */
async function typeNumber(page: Page, id: string, value: string): Promise<void> {
  const input = byTestId(page, id).locator('input');
  await input.fill(value);
  await input.press('Tab');
}

/** Saves the open indicator dialog; returns the indicator's code from the route it was sent to. */
async function saveIndicator(page: Page): Promise<string> {
  const saved = page.waitForResponse(
    (r) =>
      new URL(r.url()).pathname.startsWith('/api/v1/statistics/indicator-settings/') &&
      r.request().method() === 'PUT',
  );
  await byTestId(page, 'indicator-setting-save').click();
  const response = await saved;
  expect(response.status()).toBe(200);
  await byTestId(page, 'indicator-setting-form').waitFor({ state: 'hidden' });
  return decodeURIComponent(new URL(response.url()).pathname.split('/').pop()!);
}

async function openIndicators(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/statistics/indicators`);
  await page.locator('[data-testid="statistics-indicators-page"][data-ready="true"]').waitFor();
}

describe('a city statistics officer edits the plan’s indicators as data and the screens follow', () => {
  let server: RunningServer;
  let browser: Browser;
  let officerPassword = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startServer(bootstrapPassword, { demoData: true }),
      launchBrowser(),
    ]);
    const admin = new ApiClient(server.baseUrl);
    await admin.signIn('admin', bootstrapPassword);
    await admin.completeFirstLogin(bootstrapPassword, 'Yuxi-Sys#2026indic');
    officerPassword = await createUser(admin, {
      username: OFFICER.username,
      displayName: OFFICER.displayName,
      roles: ['city_officer'],
      scope: { kind: 'city' },
    });
  });

  afterAll(async () => {
    await browser?.close();
    if (server) await stopServer(server, process.env.E2E_KEEP_DATA === '1');
  });

  it('sets a published baseline and a new target change, adds an expected indicator, and clears the baseline again', async () => {
    const officer = await newPage(browser, { width: 1600, height: 900 });
    const { page } = officer;
    const expected = target(PUBLISHED);

    await withEvidence(officer, 'indicator-settings-edit', async () => {
      await signIn(page, server.baseUrl, OFFICER.username, officerPassword);
      await changeInitialPassword(page, officerPassword, OFFICER.password);
      await enrolTotp(page);
      await waitForPath(page, '/workbench');

      // 统计分析 › 指标与目标设置: the seed's deaths indicator, computed from 2020, −15 %.
      await page.locator('[data-testid="menu-item"][data-key="statistics-settings"]').click();
      await waitForPath(page, '/statistics/settings');
      await page.locator('[data-testid="indicator-settings-page"][data-ready="true"]').waitFor();
      expect(await text(page, 'indicator-setting-baseline-deaths')).toBe('按 2020 年数据计算');
      const change = page.locator('[data-testid="indicator-setting-change"][data-code="deaths"]');
      expect((await change.textContent())?.trim()).toBe('-15%');

      // 修改: the plan's published figure with its source, and −20 %.
      await byTestId(page, 'indicator-setting-edit-deaths').click();
      const form = byTestId(page, 'indicator-setting-form');
      await form.waitFor();
      expect(await form.locator('[data-testid="setting-name-zh"]').inputValue()).toBe('生产安全事故死亡人数');
      await typeNumber(page, 'indicator-setting-published-baseline', String(PUBLISHED));
      await byTestId(page, 'indicator-setting-published-baseline-note').fill(NOTE);
      await typeNumber(page, 'indicator-setting-change-input', String(CHANGE_PERCENT));
      expect(await saveIndicator(page)).toBe('deaths');

      // The table reads the published figure, its note on hover, and the new change.
      const baseline = byTestId(page, 'indicator-setting-baseline-deaths');
      await expect
        .poll(() => baseline.textContent().then((t) => t?.trim()), POLL)
        .toBe(`${PUBLISHED}（规划公布）`);
      expect(await baseline.getAttribute('title')).toBe(NOTE);
      expect((await change.textContent())?.trim()).toBe(`${CHANGE_PERCENT}%`);
    });

    await withEvidence(officer, 'indicator-settings-screens', async () => {
      // 规划指标: the baseline is the published one, and the 2025 target moved with it.
      await openIndicators(page, server.baseUrl);
      expect(await figure(page, 'deaths', 'baseline')).toBe(`${PUBLISHED} 人`);
      const source = byTestId(page, 'indicator-deaths').locator('[data-testid="indicator-baseline-source"]');
      expect((await source.textContent())?.trim()).toBe('规划公布');
      expect(await source.getAttribute('title')).toBe(NOTE);
      expect(await figure(page, 'deaths', 'target')).toBe(`${expected} 人`);
      // The plan ended with 2025: every later year is held to the plan's target.
      expect(await figure(page, 'deaths', 'milestone')).toBe(`${expected} 人`);

      // 领导驾驶舱: the same baseline, source and target on the deaths card.
      await page.goto(`${server.baseUrl}/cockpit`);
      const facts = byTestId(page, 'cockpit-indicator-facts-deaths');
      await expect
        .poll(() => facts.textContent().then((t) => t ?? ''), POLL)
        .toContain(`基期 ${PUBLISHED}（规划公布），目标 ${expected}，`);
      expect(await facts.getAttribute('title')).toBe(NOTE);
    });

    let newCode = '';
    await withEvidence(officer, 'indicator-settings-add', async () => {
      // 新增指标: the next plan's deaths, expected (预期性), from 2025 to 2030 as the form starts.
      await page.goto(`${server.baseUrl}/statistics/settings`);
      await page.locator('[data-testid="indicator-settings-page"][data-ready="true"]').waitFor();
      await byTestId(page, 'indicator-setting-add').click();
      const form = byTestId(page, 'indicator-setting-form');
      await form.waitFor();
      await form.locator('[data-testid="setting-name-zh"]').fill(NEXT.nameZh);
      await form.locator('[data-testid="setting-name-en"]').fill(NEXT.nameEn);
      await byTestId(page, 'indicator-setting-kind').click();
      await pickOption(page, '预期性');
      newCode = await saveIndicator(page);
      expect(newCode).not.toBe('deaths');
      await expect.poll(() => byTestId(page, `indicator-setting-baseline-${newCode}`).count(), POLL).toBe(1);
      expect(await text(page, `indicator-setting-baseline-${newCode}`)).toBe('按 2025 年数据计算');

      // Listed on the indicators page with its name and kind, computed from 2025's figures.
      await openIndicators(page, server.baseUrl);
      const card = byTestId(page, `indicator-${newCode}`);
      await card.waitFor();
      expect((await card.locator('h3').textContent())?.trim()).toBe(NEXT.nameZh);
      expect(await card.locator('.el-tag').first().textContent()).toContain('预期性');
      expect((await card.locator('[data-testid="indicator-baseline-source"]').textContent())?.trim()).toBe(
        '按 2025 年数据计算',
      );
    });

    await withEvidence(officer, 'indicator-settings-clear', async () => {
      // The published figure emptied: the baseline is computed from 2020's imported figures again.
      await page.goto(`${server.baseUrl}/statistics/settings`);
      await page.locator('[data-testid="indicator-settings-page"][data-ready="true"]').waitFor();
      await byTestId(page, 'indicator-setting-edit-deaths').click();
      await byTestId(page, 'indicator-setting-form').waitFor();
      const published = byTestId(page, 'indicator-setting-published-baseline').locator('input');
      expect(await published.inputValue()).toBe(String(PUBLISHED));
      await typeNumber(page, 'indicator-setting-published-baseline', '');
      await expect
        .poll(() => byTestId(page, 'indicator-setting-published-baseline-note').isDisabled())
        .toBe(true);
      await saveIndicator(page);
      const baseline = byTestId(page, 'indicator-setting-baseline-deaths');
      await expect.poll(() => baseline.textContent().then((t) => t?.trim()), POLL).toBe('按 2020 年数据计算');
      expect(await baseline.getAttribute('title')).toBeNull();

      await openIndicators(page, server.baseUrl);
      const source = byTestId(page, 'indicator-deaths').locator('[data-testid="indicator-baseline-source"]');
      expect((await source.textContent())?.trim()).toBe('按 2020 年数据计算');
      expect(await source.getAttribute('title')).toBeNull();
      // The demo's 2020 deaths are the baseline now; the target is still that × (1 − 20 %).
      const computed = Number((await figure(page, 'deaths', 'baseline')).replace(/ 人$/, ''));
      expect(computed).not.toBe(PUBLISHED);
      expect(await figure(page, 'deaths', 'target')).toBe(`${target(computed)} 人`);
    });
    await officer.context.close();
  });
});
