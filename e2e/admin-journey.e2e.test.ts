import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { byTestId, launchBrowser, newPage, waitForPath, type TestPage } from './support/browser.ts';
import { changeInitialPassword, enrolTotp, signIn, signOut, topMenuTitles } from './support/sign-in.ts';
import { freshTotpCode } from './support/totp.ts';

// A county officer's top menu: the shell's pages and every business area's groups, in menu order.
const COUNTY_MENU_ZH = [
  '工作台',
  '领导驾驶舱',
  '一张图',
  '企业档案',
  '隐患排查治理',
  '风险分级管控',
  '监测预警',
  '执法检查',
  '企业主体责任',
  '统计分析',
  '指挥调度',
  '应急管理',
  '预警信息',
  '举报受理',
];
const COUNTY_MENU_EN = [
  'Workbench',
  'Leaders’ cockpit',
  'One-map',
  'Registry',
  'Hidden hazards',
  'Risk grading',
  'Monitoring',
  'Enforcement',
  'Enterprise obligations',
  'Statistics',
  'Command',
  'Emergency',
  'Warnings',
  'Public reports',
];

const baseUrl = inject('baseUrl');
const bootstrapPassword = inject('bootstrapPassword');
const ADMIN_PASSWORD = 'Yuxi-Sys#2026ok';
const OFFICER = { username: 'jc_officer', displayName: '李江川', password: 'Jiangchuan-Safe#88' };

const artifacts = path.join(import.meta.dirname, 'artifacts');
/** Sign-in answers take a second or more (scrypt) on a busy two-core machine. */
const POLL = { timeout: 30_000, interval: 250 };

/** On failure, a screenshot and the page's request trace for the person reading the report. */
async function withEvidence(target: TestPage, name: string, steps: () => Promise<void>): Promise<void> {
  try {
    await steps();
  } catch (error) {
    mkdirSync(artifacts, { recursive: true });
    await target.page.screenshot({ path: path.join(artifacts, `${name}.png`) }).catch(() => undefined);
    writeFileSync(path.join(artifacts, `${name}.trace.txt`), `${target.trace.join('\n')}\n`);
    console.error(
      `[e2e] ${name}: page trace (also in e2e/artifacts/${name}.trace.txt)\n${target.trace.join('\n')}`,
    );
    throw error;
  }
}

describe('first administrator sets up a county officer', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('walks login → password change → TOTP → users page, creates the officer, who sees only their menu', async () => {
    let oneTimePassword = '';

    // The bootstrap administrator: forced password change, TOTP enrolment, then their own menu.
    const admin = await newPage(browser);
    await withEvidence(admin, 'admin', async () => {
      const page = admin.page;
      await page.goto(`${baseUrl}/`);
      await waitForPath(page, '/login');
      await signIn(page, baseUrl, 'admin', bootstrapPassword);
      await changeInitialPassword(page, bootstrapPassword, ADMIN_PASSWORD);
      await enrolTotp(page);
      // The system administrator has no workbench: they land on the first page of their menu.
      await waitForPath(page, '/admin/users');
      expect(await topMenuTitles(page)).toEqual(['系统管理']);

      await byTestId(page, 'user-create').click();
      const dialog = byTestId(page, 'user-dialog');
      await dialog.waitFor();
      await byTestId(page, 'user-form-username').fill(OFFICER.username);
      await byTestId(page, 'user-form-display-name').fill(OFFICER.displayName);
      await byTestId(page, 'user-form-organisation').fill('江川区应急管理局');
      await byTestId(page, 'user-form-roles').click();
      await byTestId(page, 'role-option-county_officer').click();
      await dialog.locator('.el-dialog__title').click();
      await byTestId(page, 'scope-kind-county').click();
      await byTestId(page, 'scope-counties').click();
      await byTestId(page, 'county-option-530403').click();
      await dialog.locator('.el-dialog__title').click();
      await byTestId(page, 'user-form-submit').click();

      const shown = byTestId(page, 'initial-password');
      await shown.waitFor();
      oneTimePassword = ((await shown.textContent()) ?? '').trim();
      expect(oneTimePassword).toMatch(/^\S{14}$/);
      await byTestId(page, 'initial-password-close').click();

      const row = byTestId(page, 'users-table').locator('tr', { hasText: OFFICER.username });
      await expect.poll(() => row.count(), POLL).toBe(1);
      expect(await row.textContent()).toContain('江川区');
      expect(await row.textContent()).toContain('县（区）局工作人员');
      await signOut(page);
    });
    await admin.context.close();

    // The officer, in a browser of their own: same first-login walk, then exactly their role's menu.
    const officer = await newPage(browser);
    await withEvidence(officer, 'officer', async () => {
      const page = officer.page;
      await signIn(page, baseUrl, OFFICER.username, oneTimePassword);
      await changeInitialPassword(page, oneTimePassword, OFFICER.password);
      const totp = await enrolTotp(page);
      await waitForPath(page, '/workbench');
      expect(await topMenuTitles(page)).toEqual(COUNTY_MENU_ZH);
      expect(await byTestId(page, 'workbench-greeting').textContent()).toContain(OFFICER.displayName);
      expect(await byTestId(page, 'workbench-scope').textContent()).toBe('江川区');
      expect(await byTestId(page, 'workbench-roles').textContent()).toContain('县（区）局工作人员');

      // Typing an administration address shows the forbidden page and never asks for the data.
      const userListCalls: string[] = [];
      page.on('request', (request) => {
        if (new URL(request.url()).pathname.startsWith('/api/v1/users')) userListCalls.push(request.url());
      });
      await page.goto(`${baseUrl}/admin/users`);
      await byTestId(page, 'forbidden').waitFor();
      expect(page.url()).toBe(`${baseUrl}/admin/users`);
      expect(await byTestId(page, 'users-table').count()).toBe(0);
      expect(await topMenuTitles(page)).toEqual(COUNTY_MENU_ZH);
      expect(userListCalls).toEqual([]);

      // The session ends behind the page's back (idle limit, signed out elsewhere): the next call
      // answers 401 and the app goes to the login page saying why, then signs in with the TOTP step.
      const me = (await (await page.request.get(`${baseUrl}/api/v1/auth/me`)).json()) as {
        csrfToken: string;
      };
      const ended = await page.request.post(`${baseUrl}/api/v1/auth/logout`, {
        headers: { 'X-CSRF-Token': me.csrfToken },
      });
      expect(ended.status()).toBe(200);
      await byTestId(page, 'user-menu').click();
      await byTestId(page, 'user-menu-sessions').click();
      await waitForPath(page, '/login');
      expect(await byTestId(page, 'login-notice').textContent()).toContain('会话已过期');
      expect(new URL(page.url()).searchParams.get('redirect')).toBe('/profile/sessions');

      await byTestId(page, 'login-username').fill(OFFICER.username);
      await byTestId(page, 'login-password').fill(OFFICER.password);
      await byTestId(page, 'login-submit').click();
      const { code } = await freshTotpCode(totp.secret, totp.step);
      await byTestId(page, 'login-totp').fill(code);
      await byTestId(page, 'login-totp-submit').click();
      await waitForPath(page, '/profile/sessions');
      await expect.poll(() => byTestId(page, 'sessions-table').locator('tbody tr').count(), POLL).toBe(1);

      // Every string follows the language switch, the menu included.
      await byTestId(page, 'language-switch').click();
      await byTestId(page, 'language-en').click();
      await expect.poll(() => topMenuTitles(page), POLL).toEqual(COUNTY_MENU_EN);
      expect(await byTestId(page, 'breadcrumb').textContent()).toContain('My sessions');
    });
    await officer.context.close();
  });
});
