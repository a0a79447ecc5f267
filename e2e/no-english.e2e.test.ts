import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { allowedLatinWordsIn, disallowedLatinWords } from '../packages/web/src/i18n/latin-words.ts';
import { ApiClient, createUser } from './support/api.ts';
import { byTestId, launchBrowser, newPage, waitForPath, type TestPage } from './support/browser.ts';
import { startServer, stopServer, type RunningServer } from './support/server.ts';
import { changeInitialPassword, enrolTotp, signIn } from './support/sign-in.ts';
import { freshTotpCode } from './support/totp.ts';

const bootstrapPassword = inject('bootstrapPassword');
const ADMIN_PASSWORD = 'Yuxi-Sys#2026noenglish';
const CITY = { username: 'yx_zh_city', password: 'Yuxi-City#2026zhonly' };
const artifacts = path.join(import.meta.dirname, 'artifacts');

/** What a person sees on the page: visible text, tooltips (title), placeholders and labels. */
async function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts = [document.body.innerText];
    for (const el of Array.from(
      document.querySelectorAll<HTMLElement>('[title], [placeholder], [aria-label]'),
    )) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      for (const name of ['title', 'placeholder', 'aria-label']) {
        const value = el.getAttribute(name);
        if (value) texts.push(value);
      }
    }
    return texts;
  });
}

/**
 * Account logins (admin, yx_city …) are identifiers people type, shown as such in user lists; the
 * boundary page explains the GeoJSON keys a file must carry.
 */
const login = /^(?:admin|[a-z][a-z0-9]*_[a-z0-9_]+)$/;
const pageWords: Record<string, readonly string[]> = {
  '/registry/boundaries': allowedLatinWordsIn['boundaries.fileHint']!,
};

/** Opens each page, waits for its data, and lists every Latin word outside the allow-list. */
async function scan(target: TestPage, baseUrl: string, pages: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const pathname of pages) {
    await target.page.goto(`${baseUrl}${pathname}`);
    await target.page.waitForLoadState('networkidle');
    await target.page.waitForTimeout(300);
    const words = new Set(
      (await visibleTexts(target.page))
        .flatMap((text) => disallowedLatinWords(text, pageWords[pathname] ?? []))
        .filter((word) => !login.test(word)),
    );
    if (words.size > 0) {
      found.push(`${pathname}: ${[...words].join(', ')}`);
      mkdirSync(artifacts, { recursive: true });
      const name = pathname.replace(/[^\w]+/g, '_');
      await target.page
        .screenshot({ path: path.join(artifacts, `no-english${name}.png`) })
        .catch(() => undefined);
    }
  }
  return found;
}

describe('the Chinese UI shows no English', () => {
  let server: RunningServer;
  let browser: Browser;
  let adminSecret = '';
  let adminStep = 0;

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startServer(bootstrapPassword, { demoData: true }),
      launchBrowser(),
    ]);
    const admin = new ApiClient(server.baseUrl);
    await admin.signIn('admin', bootstrapPassword);
    adminSecret = await admin.completeFirstLogin(bootstrapPassword, ADMIN_PASSWORD);
    adminStep = Math.floor(Date.now() / 30_000);
  });

  afterAll(async () => {
    await browser?.close();
    if (server) await stopServer(server, process.env.E2E_KEEP_DATA === '1');
  });

  it('has none on the main pages a city officer works with', async () => {
    const admin = new ApiClient(server.baseUrl);
    await admin.signIn('admin', ADMIN_PASSWORD, (await freshTotpCode(adminSecret, adminStep)).code);
    adminStep = Math.floor(Date.now() / 30_000);
    const initial = await createUser(admin, {
      username: CITY.username,
      displayName: '市局值班员',
      roles: ['city_officer'],
      scope: { kind: 'city' },
    });
    const officer = await newPage(browser);
    const { page } = officer;
    await signIn(page, server.baseUrl, CITY.username, initial);
    await changeInitialPassword(page, initial, CITY.password);
    const totp = await enrolTotp(page);
    await waitForPath(page, '/workbench');

    // A fire at a petrol station, so the incident command map has a site, boundaries and zones.
    const city = new ApiClient(server.baseUrl);
    await city.signIn(CITY.username, CITY.password, (await freshTotpCode(totp.secret, totp.step)).code);
    const incident = await city.call<{ id: string }>('POST', '/incidents', {
      occurredAt: new Date(Date.now() - 10 * 60_000).toISOString(),
      county: '530402',
      location: '红塔区玉兴路演示加油站',
      position: { lon: 102.545, lat: 24.352 },
      accidentType: 'WSA10009', // 火灾: an accident of today is classified by GB 6441-2025
      deaths: 0,
      seriousInjuries: 0,
      description: '演示：加油站储罐区起火',
      reporter: '红塔区应急管理局值班室',
    });

    const found = await scan(officer, server.baseUrl, [
      '/workbench',
      '/map',
      '/registry/enterprises',
      '/registry/objects',
      '/registry/boundaries',
      '/hazards',
      '/hazards/supervision',
      '/hazards/statistics',
      '/risk/register',
      '/monitoring/live',
      '/monitoring/alarms',
      '/monitoring/points',
      '/monitoring/major-hazards',
      '/enforcement/draws',
      '/enforcement/inspectors',
      '/enforcement/checklist',
      '/enforcement/cases',
      '/enforcement/categories',
      '/emergency/incidents',
      `/emergency/incidents/${incident.id}`,
      '/emergency/plans',
      '/emergency/teams',
      '/emergency/duty',
      '/emergency/allocations',
      '/emergency/allocation-ledger',
      '/emergency/disasters',
      '/emergency/drills',
      '/video/cameras',
      '/enforcement/inspections',
      '/enforcement/documents',
      '/enforcement/plans',
      '/enforcement/credit',
      '/statistics/mappings',
      '/plan/assignments',
      '/plan/campaigns',
      '/whistleblowing',
      '/obligations/people',
      '/obligations/coverage',
      '/obligations/licences',
      '/obligations/projects',
      '/obligations/claims',
      '/obligations/services',
      '/obligations/agencies',
      '/obligations/spot-checks',
      '/statistics/monthly',
      '/statistics/indicators',
      '/statistics/imports',
      '/warnings',
      '/warnings/templates',
      '/cockpit',
      // The public report page (no sign-in). The staff list 举报受理 shows random query codes.
      '/public/whistleblowing',
    ]);
    expect(found).toEqual([]);

    // 辅助决策 for the petrol-station fire: gasoline opens on a pool fire with its heat-flux levels,
    // and a plume of gasoline asks for a concentration instead of answering 该物质没有所选阈值.
    await page.goto(`${server.baseUrl}/emergency/incidents/${incident.id}`);
    await page.locator('[data-testid="incident-command-page"][data-ready="true"]').waitFor();
    await byTestId(page, 'incident-tab-decision').click();
    await byTestId(page, 'consequence-chemical').click();
    await page.locator('.el-select-dropdown__item:visible', { hasText: '汽油' }).first().click();
    await expect
      .poll(() => byTestId(page, 'consequence-model-reason').getAttribute('data-scenario'))
      .toBe('pool_fire');
    expect(await byTestId(page, 'consequence-flux-row').count()).toBe(3);
    const poolFire = page.waitForResponse((r) => r.url().includes('/api/v1/calc/consequence/pool-fire'));
    await byTestId(page, 'consequence-run').click();
    expect((await poolFire).status()).toBe(200);
    await byTestId(page, 'consequence-result').waitFor();
    expect(
      await byTestId(page, 'consequence-zone').evaluateAll((els) =>
        els.map((el) => el.getAttribute('data-drawn')),
      ),
    ).toEqual(['true', 'true', 'true']);

    await byTestId(page, 'consequence-scenario').click();
    await page.locator('[data-testid="consequence-scenario-continuous"]:visible').click();
    const value = byTestId(page, 'consequence-threshold-value').locator('input');
    await value.fill('40000');
    await value.press('Tab');
    const plume = page.waitForResponse((r) => r.url().includes('/api/v1/calc/consequence/footprint'));
    await byTestId(page, 'consequence-run').click();
    const answer = await plume;
    expect(answer.status()).toBe(200);
    expect(
      ((await answer.json()) as { zones: { threshold: { mgPerM3: number } }[] }).zones[0]!.threshold.mgPerM3,
    ).toBe(40000);
    expect(
      await visibleTexts(page).then((texts) =>
        texts.flatMap((text) => disallowedLatinWords(text)).filter((word) => !login.test(word)),
      ),
    ).toEqual([]);
  });

  it('has none on the administrator pages', async () => {
    const target = await newPage(browser);
    const { page } = target;
    await signIn(page, server.baseUrl, 'admin', ADMIN_PASSWORD);
    await byTestId(page, 'login-totp').fill((await freshTotpCode(adminSecret, adminStep)).code);
    await byTestId(page, 'login-totp-submit').click();
    await page.waitForURL((url) => url.pathname !== '/login');
    expect(await scan(target, server.baseUrl, ['/admin/users', '/admin/roles'])).toEqual([]);
  });
});
