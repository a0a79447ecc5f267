import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { disallowedLatinWords } from '../packages/web/src/i18n/latin-words.ts';
import {
  byTestId,
  launchBrowser,
  newPage,
  waitForPath,
  type TestPage,
  pickOption,
} from './support/browser.ts';
import { startServer, stopServer, type RunningServer } from './support/server.ts';
import { changeInitialPassword, enrolTotp, signIn, signOut, topMenuTitles } from './support/sign-in.ts';

/**
 * Issue 11: the path a new installation takes on its first day. The bootstrap administrator makes
 * two accounts, the county officer works through the registry, a hidden hazard, the one-map, an
 * accident report and an Excel export, and every page is in Chinese.
 */
const bootstrapPassword = inject('bootstrapPassword');
const HONGTA = '530402';
const ADMIN_PASSWORD = 'Yuxi-Sys#2026firstday';
const OFFICER = { username: 'ht_officer', displayName: '王红塔', password: 'Hongta-Safe#2026' };
// A named enterprise of the demo registry in 红塔区 (demo-named-sites.ts).
const PLANT = '玉溪新兴钢铁有限公司';
const MANAGER = { username: 'xx_manager', displayName: '周安全' };
const HAZARD = {
  location: '炼钢车间转炉平台东侧',
  description: '首日巡查：转炉平台东侧防护栏杆缺失两段',
  category: '高处坠落',
};
const POLL = { timeout: 30_000, interval: 250 };
const artifacts = path.join(import.meta.dirname, 'artifacts');

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

/** Account logins are identifiers people type and see as such in the user list. */
const login = /^(?:admin|[a-z][a-z0-9]*_[a-z0-9_]+)$/;

/** Latin words a person sees on the page (text, tooltips, placeholders, labels) outside the allow-list. */
async function englishOn(page: Page): Promise<string[]> {
  await page.waitForLoadState('networkidle');
  const texts = await page.evaluate(() => {
    const all = [document.body.innerText];
    for (const el of Array.from(
      document.querySelectorAll<HTMLElement>('[title], [placeholder], [aria-label]'),
    )) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      for (const name of ['title', 'placeholder', 'aria-label']) {
        const value = el.getAttribute(name);
        if (value) all.push(value);
      }
    }
    return all;
  });
  return [...new Set(texts.flatMap((text) => disallowedLatinWords(text)).filter((w) => !login.test(w)))];
}

describe('first day: from the bootstrap administrator to an exported hazard list', () => {
  let server: RunningServer;
  let browser: Browser;
  let workDir = '';

  beforeAll(async () => {
    [server, browser, workDir] = await Promise.all([
      startServer(bootstrapPassword, { demoData: true }),
      launchBrowser(),
      mkdtemp(path.join(tmpdir(), 'anjian-first-day-')),
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    if (server) await stopServer(server, process.env.E2E_KEEP_DATA === '1');
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it('sets up two accounts, then works the registry, a hazard, the map, an accident and an export', async () => {
    const baseUrl = server.baseUrl;
    let officerInitial = '';

    // 1. The bootstrap administrator: one-time password, made to choose their own, TOTP, users page.
    const admin = await newPage(browser);
    await withEvidence(admin, 'first-day-admin', async () => {
      const { page } = admin;
      await page.goto(`${baseUrl}/`);
      await waitForPath(page, '/login');
      await signIn(page, baseUrl, 'admin', bootstrapPassword);
      await changeInitialPassword(page, bootstrapPassword, ADMIN_PASSWORD);
      await enrolTotp(page);
      await waitForPath(page, '/admin/users');
      expect(await topMenuTitles(page)).toEqual(['系统管理']);

      const dialog = byTestId(page, 'user-dialog');
      const readInitialPassword = async () => {
        const shown = byTestId(page, 'initial-password');
        await shown.waitFor();
        const value = ((await shown.textContent()) ?? '').trim();
        expect(value).toMatch(/^\S{14}$/);
        await byTestId(page, 'initial-password-close').click();
        await dialog.waitFor({ state: 'hidden' });
        return value;
      };

      // The county officer of 红塔区.
      await byTestId(page, 'user-create').click();
      await dialog.waitFor();
      await byTestId(page, 'user-form-username').fill(OFFICER.username);
      await byTestId(page, 'user-form-display-name').fill(OFFICER.displayName);
      await byTestId(page, 'user-form-organisation').fill('红塔区应急管理局');
      await byTestId(page, 'user-form-roles').click();
      await byTestId(page, 'role-option-county_officer').click();
      await dialog.locator('.el-dialog__title').click();
      await byTestId(page, 'scope-kind-county').click();
      await byTestId(page, 'scope-counties').click();
      await byTestId(page, `county-option-${HONGTA}`).click();
      await dialog.locator('.el-dialog__title').click();
      await byTestId(page, 'user-form-submit').click();
      officerInitial = await readInitialPassword();

      // The enterprise account: the enterprise is found by part of its name and picked from the list.
      await byTestId(page, 'user-create').click();
      await dialog.waitFor();
      await byTestId(page, 'user-form-username').fill(MANAGER.username);
      await byTestId(page, 'user-form-display-name').fill(MANAGER.displayName);
      await byTestId(page, 'user-form-roles').click();
      await byTestId(page, 'role-option-enterprise_manager').click();
      await dialog.locator('.el-dialog__title').click();
      await byTestId(page, 'scope-kind-enterprise').click();
      await byTestId(page, 'user-enterprise-picker').click();
      await byTestId(page, 'user-enterprise-picker').locator('input').fill('新兴钢铁');
      await pickOption(page, PLANT);
      await expect
        .poll(() => byTestId(page, 'user-enterprise-chosen').textContent(), POLL)
        .toContain('红塔区');
      await byTestId(page, 'user-form-submit').click();
      await readInitialPassword();

      const rows = byTestId(page, 'users-table').locator('tbody tr');
      const officerRow = rows.filter({ hasText: OFFICER.username });
      const managerRow = rows.filter({ hasText: MANAGER.username });
      await expect.poll(() => managerRow.count(), POLL).toBe(1);
      expect(await officerRow.textContent()).toContain('红塔区');
      expect(await officerRow.textContent()).toContain('县（区）局工作人员');
      // The user list names the enterprise, never its id.
      expect(await managerRow.textContent()).toContain(PLANT);
      expect(await managerRow.textContent()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
      expect(await englishOn(page)).toEqual([]);
      await signOut(page);
    });
    await admin.context.close();

    const officer = await newPage(browser);
    await withEvidence(officer, 'first-day-officer', async () => {
      const { page } = officer;

      // 2. The county officer's first sign-in lands on the workbench: to-dos and figures of demo data.
      await signIn(page, baseUrl, OFFICER.username, officerInitial);
      await changeInitialPassword(page, officerInitial, OFFICER.password);
      await enrolTotp(page);
      await waitForPath(page, '/workbench');
      expect(await byTestId(page, 'workbench-greeting').textContent()).toContain(OFFICER.displayName);
      expect(await byTestId(page, 'workbench-scope').textContent()).toBe('红塔区');
      await byTestId(page, 'workbench-todo').waitFor();
      const todos = await byTestId(page, 'workbench-todo').locator('a').allTextContents();
      expect(todos.map((text) => text.replace(/\s+/g, ''))).toContainEqual(
        expect.stringMatching(/^\d+待我处理的隐患$/),
      );
      await byTestId(page, 'workbench-figures').waitFor();
      const figure = async (key: string) =>
        Number(await byTestId(page, `workbench-figure-${key}`).locator('.figure-total').textContent());
      // The demo registry puts dozens of enterprises and open hazards in 红塔区.
      expect(await figure('enterprises')).toBeGreaterThan(10);
      expect(await figure('openHazards')).toBeGreaterThan(0);
      expect(await englishOn(page)).toEqual([]);
      await page.waitForTimeout(600); // tags fade in
      await page.screenshot({ path: '/tmp/first-day-workbench.png', fullPage: true });

      // 3. 企业档案: the list (demo enterprises labelled 演示), then the 一企一档 with counted tabs.
      await page.goto(`${baseUrl}/registry/enterprises`);
      await byTestId(page, 'enterprise-filter-q').fill('新兴钢铁');
      await byTestId(page, 'search-submit').click();
      const enterpriseRows = byTestId(page, 'enterprises-table').locator('tbody tr');
      await expect.poll(() => enterpriseRows.count(), POLL).toBe(1);
      expect(await enterpriseRows.first().textContent()).toContain('演示');
      expect(await englishOn(page)).toEqual([]);
      await enterpriseRows.first().locator('[data-testid="enterprise-name"]').click();
      await byTestId(page, 'enterprise-detail-page').waitFor();
      expect(await byTestId(page, 'enterprise-detail-name').textContent()).toBe(PLANT);
      expect(await byTestId(page, 'enterprise-detail-county').textContent()).toBe('红塔区');
      await byTestId(page, 'enterprise-file-summary').waitFor();
      const tabs = byTestId(page, 'enterprise-tabs').locator('.el-tabs__item');
      await expect
        .poll(
          async () => (await tabs.allTextContents()).filter((label) => /\(\d+\)$/.test(label.trim())).length,
          POLL,
        )
        .toBeGreaterThanOrEqual(4);
      const hazardTab = (await tabs.allTextContents()).find((label) => label.includes('隐患'));
      expect(hazardTab, 'the 一企一档 counts the enterprise hidden hazards').toMatch(/隐患.*\((\d+)\)$/);
      expect(await englishOn(page)).toEqual([]);
      await page.waitForTimeout(600); // tags fade in
      await page.screenshot({ path: '/tmp/first-day-enterprise-file.png', fullPage: true });

      // 4. 隐患排查治理: 登记隐患 from the desktop ledger, the enterprise picked by name.
      await page.goto(`${baseUrl}/hazards`);
      await byTestId(page, 'hazard-report').click();
      const drawer = byTestId(page, 'hazard-report-drawer');
      await drawer.waitFor();
      await drawer.locator('[data-testid="enterprise-picker"]').click();
      await drawer.locator('[data-testid="enterprise-picker"] input').fill('新兴钢铁');
      await pickOption(page, PLANT);
      await byTestId(page, 'hazard-report-location').fill(HAZARD.location);
      await byTestId(page, 'hazard-report-description').fill(HAZARD.description);
      await byTestId(page, 'hazard-report-category').click();
      await pickOption(page, HAZARD.category);
      expect(await byTestId(page, 'hazard-report-level').getAttribute('data-level')).toBe('general');
      const reported = page.waitForResponse(
        (r) => r.url().endsWith('/api/v1/hazards') && r.request().method() === 'POST',
      );
      await byTestId(page, 'hazard-report-submit').click();
      const answer = await reported;
      expect(answer.status()).toBe(201);
      // The new hazard opens on its own page; the ledger lists it too (checked by the export below).
      const hazard = (await answer.json()) as { id: string };
      await waitForPath(page, `/hazards/${hazard.id}`);
      await expect.poll(() => page.locator('body').innerText(), POLL).toContain(HAZARD.description);
      expect(await page.locator('body').innerText()).toContain(PLANT);
      expect(await englishOn(page)).toEqual([]);

      // 5. 一张图: real county boundaries, so no 示意边界 label.
      await page.goto(`${baseUrl}/map`);
      await page.locator('[data-testid="onemap-page"][data-ready="true"]').waitFor();
      expect(await byTestId(page, 'map-schematic').count()).toBe(0);
      // The demo registry is labelled as such on the map too.
      expect(await byTestId(page, 'map-demo').textContent()).toContain('演示');
      await expect.poll(() => page.locator('.leaflet-boundaries-pane path').count(), POLL).toBeGreaterThan(0);
      expect(await page.locator('.aj-county-label').allTextContents()).toContain('红塔区');
      expect(
        Number(await byTestId(page, 'onemap-page').getAttribute('data-enterprise-count')),
      ).toBeGreaterThan(10);
      expect(await englishOn(page)).toEqual([]);
      await page.waitForTimeout(1500); // tiles and labels settle before the picture
      await page.screenshot({ path: '/tmp/first-day-map.png' });

      // 6. 事故报告: the accident at the plant, and the clock of its next report.
      await page.goto(`${baseUrl}/emergency/incidents`);
      await byTestId(page, 'incident-create').click();
      await byTestId(page, 'incident-report-drawer').waitFor();
      await byTestId(page, 'incident-form-type').click();
      await pickOption(page, '物体打击');
      await byTestId(page, 'incident-form-enterprise').locator('input').fill('新兴钢铁');
      await pickOption(page, PLANT);
      await expect
        .poll(() => byTestId(page, 'incident-form-lon').locator('input').inputValue(), POLL)
        .not.toBe('');
      await byTestId(page, 'incident-form-location').fill(`${PLANT}原料场`);
      const injuries = byTestId(page, 'incident-form-injuries').locator('input');
      await injuries.fill('1');
      await injuries.press('Tab');
      await byTestId(page, 'incident-form-description').fill('原料场行车吊运钢坯坠落，1 名工人受伤送医');
      const created = page.waitForResponse(
        (r) => r.url().endsWith('/api/v1/incidents') && r.request().method() === 'POST',
      );
      await byTestId(page, 'incident-form-submit').click();
      const incident = (await (await created).json()) as { id: string };
      await waitForPath(page, `/emergency/incidents/${incident.id}`);
      await page.locator('[data-testid="incident-command-page"][data-ready="true"]').waitFor();
      const cityStep = page.locator('[data-testid="incident-timer"][data-step="county_to_city"]');
      expect(await cityStep.getAttribute('data-state')).toBe('running');
      // The countdown the officer reads: the county received the report when it recorded it, so the
      // city's 2 hours (国务院令第493号 Art. 11) run from now, not 3 hours from the accident.
      expect(await cityStep.locator('.clock').textContent()).toMatch(/^(?:2:00:00|1:5\d:\d\d)$/);
      expect(await cityStep.textContent()).toContain('市');
      expect(await englishOn(page)).toEqual([]);

      // 7. The hazard list, filtered to the new hazard, exported to Excel.
      await page.goto(`${baseUrl}/hazards`);
      await byTestId(page, 'hazard-filter-q').fill('首日巡查');
      await byTestId(page, 'search-submit').click();
      await expect.poll(() => byTestId(page, 'hazard-row').count(), POLL).toBe(1);
      expect(await englishOn(page)).toEqual([]);
      const download = page.waitForEvent('download');
      await byTestId(page, 'table-export').click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
      const saved = path.join(workDir, file.suggestedFilename());
      await file.saveAs(saved);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(saved);
      const sheet = book.worksheets[0]!;
      const cells = (row: number) =>
        (sheet.getRow(row).values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)));
      const header = cells(1);
      expect(header.length).toBeGreaterThan(3);
      for (const title of header) expect(title).toMatch(/[\u4e00-\u9fff]/);
      expect(sheet.actualRowCount).toBe(2);
      expect(cells(2)).toContain(HAZARD.description);
      expect(cells(2).join(' ')).toContain(PLANT);
    });
    await officer.context.close();
  });
});
