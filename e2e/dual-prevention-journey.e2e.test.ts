import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { generateSyntheticCreditCode } from '@anjian/domain';
import { ApiClient, createUser } from './support/api.ts';
import { byTestId, launchBrowser, newPage, waitForPath, type TestPage } from './support/browser.ts';
import { startServer, stopServer, type RunningServer } from './support/server.ts';
import { changeInitialPassword, enrolTotp, signIn } from './support/sign-in.ts';

const bootstrapPassword = inject('bootstrapPassword');
const JIANGCHUAN = '530403';
const PHONE = { width: 390, height: 844 };
const MANAGER = { username: 'xyh_manager', displayName: '李安全', password: 'Xingyun-Chem#2026' };
const OFFICER = { username: 'jc_hazards', displayName: '赵督办', password: 'Jiangchuan-Duban#2026' };
const ENTERPRISE = {
  name: '江川区星云化工有限公司',
  creditCode: generateSyntheticCreditCode(990_001, { divisionCode: JIANGCHUAN }),
  county: JIANGCHUAN,
  location: { lon: 102.75, lat: 24.29 },
  sectors: ['hazchem_use'],
};
const HAZARD = {
  location: '二车间东侧液氯储罐区',
  description: '液氯储罐区未设置泄漏检测报警装置',
  criterion: 'hc-01',
};
// A valid 2×2 PNG (the server decodes and re-encodes every photo, so a broken one is refused).
const PHOTO = {
  name: 'hazard.png',
  mimeType: 'image/png',
  buffer: Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAEklEQVQImWM4EaBxIkCDAUIBACWOBQHvtZ07AAAAAElFTkSuQmCC',
    'base64',
  ),
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

/** First sign-in of a new account: own password, then TOTP enrolment where the role requires it. */
async function firstSignIn(
  target: TestPage,
  baseUrl: string,
  user: { username: string; password: string },
  initial: string,
) {
  await signIn(target.page, baseUrl, user.username, initial);
  await changeInitialPassword(target.page, initial, user.password);
  await target.page.waitForURL((url) => url.pathname !== '/password');
  if (new URL(target.page.url()).pathname === '/totp') await enrolTotp(target.page);
}

describe('dual prevention: a major hazard from a phone report to its closure', () => {
  let server: RunningServer;
  let browser: Browser;
  let managerPassword = '';
  let officerPassword = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(bootstrapPassword), launchBrowser()]);
    const admin = new ApiClient(server.baseUrl);
    await admin.signIn('admin', bootstrapPassword);
    await admin.completeFirstLogin(bootstrapPassword, 'Yuxi-Sys#2026hazards');
    const cityPassword = await createUser(admin, {
      username: 'yx_registry',
      displayName: '市局登记员',
      roles: ['city_officer'],
      scope: { kind: 'city' },
    });
    const city = new ApiClient(server.baseUrl);
    await city.signIn('yx_registry', cityPassword);
    await city.completeFirstLogin(cityPassword, 'Yuxi-Registry#2026');
    const enterprise = await city.call<{ id: string }>('POST', '/enterprises', ENTERPRISE);
    // An enterprise account: createUser's type offers city and county scopes only.
    managerPassword = (
      await admin.call<{ initialPassword: string }>('POST', '/users', {
        username: MANAGER.username,
        displayName: MANAGER.displayName,
        organisation: ENTERPRISE.name,
        roles: ['enterprise_manager'],
        scope: { kind: 'enterprise', enterpriseId: enterprise.id, county: JIANGCHUAN },
      })
    ).initialPassword;
    officerPassword = await createUser(admin, {
      username: OFFICER.username,
      displayName: OFFICER.displayName,
      organisation: '江川区应急管理局',
      roles: ['county_officer'],
      scope: { kind: 'county', counties: [JIANGCHUAN] },
    });
  });

  afterAll(async () => {
    await browser?.close();
    if (server) await stopServer(server, process.env.E2E_KEEP_DATA === '1');
  });

  it('reports by phone with a photo and a criterion, lists, rectifies, accepts and counts it closed', async () => {
    const baseUrl = server.baseUrl;
    const manager = await newPage(browser, PHONE);
    const officer = await newPage(browser);
    let hazardId = '';

    // 1. The enterprise manager, on a phone, lands on the hazard start page and reports a hazard.
    await withEvidence(manager, 'dp-manager-report', async () => {
      const { page } = manager;
      await firstSignIn(manager, baseUrl, MANAGER, managerPassword);
      await waitForPath(page, '/m');
      await byTestId(page, 'm-entry-report').click();
      await waitForPath(page, '/m/report');

      await byTestId(page, 'm-report-photos-file').setInputFiles(PHOTO);
      await expect.poll(() => byTestId(page, 'photo-thumb').count(), POLL).toBe(1);
      await byTestId(page, 'm-report-location').locator('textarea, input').fill(HAZARD.location);
      await byTestId(page, 'm-report-description').locator('textarea').fill(HAZARD.description);
      await byTestId(page, 'm-report-category').click();
      await page.locator('[data-testid="m-category-option"][data-code="19"]').click();
      await expect
        .poll(() => byTestId(page, 'm-report-level').getAttribute('data-level'), POLL)
        .toBe('general');

      // The chemical enterprise is offered the 化工和危险化学品 list; ticking an item makes it 重大.
      await page
        .locator('[data-testid="m-criteria-list"][data-list^="hazchem"] .van-collapse-item__title')
        .click();
      await page.locator(`[data-testid="m-criterion"][data-code="${HAZARD.criterion}"]`).click();
      await expect
        .poll(() => byTestId(page, 'm-report-level').getAttribute('data-level'), POLL)
        .toBe('major');

      const created = page.waitForResponse(
        (r) => r.url().endsWith('/api/v1/hazards') && r.request().method() === 'POST',
      );
      await byTestId(page, 'm-report-submit').click();
      const answer = await created;
      expect(answer.status()).toBe(201);
      const hazard = (await answer.json()) as {
        id: string;
        level: string;
        photos: string[];
        criteria: { code: string }[];
      };
      hazardId = hazard.id;
      expect(hazard.level).toBe('major');
      expect(hazard.photos).toHaveLength(1);
      expect(hazard.criteria.map((c) => c.code)).toEqual([HAZARD.criterion]);

      await waitForPath(page, `/m/hazards/${hazardId}`);
      await page.locator('[data-testid="m-hazard"][data-level="major"][data-status="reported"]').waitFor();
      expect(
        await page.locator(`[data-testid="m-hazard-criterion"][data-code="${HAZARD.criterion}"]`).count(),
      ).toBe(1);
    });

    // 2. The county officer finds it among the 重大 hazards reported to the bureau and lists it (挂牌督办).
    await withEvidence(officer, 'dp-officer-list', async () => {
      const { page } = officer;
      await firstSignIn(officer, baseUrl, OFFICER, officerPassword);
      await waitForPath(page, '/workbench');
      await page.locator('[data-testid="menu-item"][data-key="dp-supervision"]').click();
      await waitForPath(page, '/hazards/supervision');
      const row = page.locator(`[data-testid="hazard-row"][data-id="${hazardId}"]`);
      await row.waitFor();
      expect(await row.textContent()).toContain(HAZARD.description);
      await row.click();
      await waitForPath(page, `/hazards/${hazardId}`);

      await byTestId(page, 'hazard-action-list_supervision').click();
      await byTestId(page, 'action-supervising-unit').fill('江川区应急管理局');
      await byTestId(page, 'action-document-no').fill('江应急督〔2026〕7号');
      await byTestId(page, 'action-notice').fill('请于期限内完成治理并申请销号');
      await byTestId(page, 'action-submit').click();
      await byTestId(page, 'hazard-detail-supervised').waitFor();
      expect(await byTestId(page, 'hazard-detail-supervision').textContent()).toContain(
        '江应急督〔2026〕7号',
      );
      expect(await byTestId(page, 'hazard-action-list_supervision').count()).toBe(0);
    });

    // 3. The enterprise submits the six-part plan, then the rectification with photos and the evaluation.
    await withEvidence(manager, 'dp-manager-rectify', async () => {
      const { page } = manager;
      await page.goto(`${baseUrl}/m/hazards/${hazardId}`);
      await byTestId(page, 'm-plan').waitFor();
      const fill = (id: string, text: string) =>
        byTestId(page, id).locator('textarea, input').first().fill(text);
      await fill('m-plan-objectives', '泄漏可在 30 秒内报警并联锁处置');
      await fill('m-plan-measures', '加装氯气泄漏检测报警仪并联锁吸收装置');
      await fill('m-plan-funds', '120000');
      await fill('m-plan-organisation', '设备部');
      await fill('m-plan-person', '王安全');
      await fill('m-plan-contingency', '整改期间每两小时人工巡检，备妥正压式空气呼吸器');
      await byTestId(page, 'm-plan-deadline').click();
      await page.locator('.van-picker__confirm').click();
      await expect
        .poll(() => byTestId(page, 'm-plan-deadline').locator('input').inputValue(), POLL)
        .toMatch(/^\d{4}-\d{2}-\d{2}$/);
      await byTestId(page, 'm-plan-submit').click();
      await page.locator('[data-testid="m-hazard"][data-status="rectifying"]').waitFor();

      await byTestId(page, 'm-rectify-description')
        .locator('textarea')
        .fill('已安装氯气泄漏检测报警仪并与吸收装置联锁，调试合格');
      await byTestId(page, 'm-rectify-photos-file').setInputFiles(PHOTO);
      await byTestId(page, 'm-rectify-report-file').setInputFiles({ ...PHOTO, name: 'evaluation.png' });
      await expect
        .poll(() => byTestId(page, 'm-rectify').locator('[data-testid="photo-thumb"]').count(), POLL)
        .toBe(2);
      await byTestId(page, 'm-rectify-submit').click();
      await page.locator('[data-testid="m-hazard"][data-status="pending_acceptance"]').waitFor();
    });

    // 4. The officer accepts it, closes the listing (核销), and the statistics count it closed.
    await withEvidence(officer, 'dp-officer-accept', async () => {
      const { page } = officer;
      await page.reload();
      await page.locator('[data-testid="hazard-detail-page"][data-status="pending_acceptance"]').waitFor();
      await byTestId(page, 'hazard-action-accept').click();
      await byTestId(page, 'action-opinion').fill('现场验收合格');
      await byTestId(page, 'action-submit').click();
      await page.locator('[data-testid="hazard-detail-page"][data-status="closed"]').waitFor();
      const steps = await byTestId(page, 'timeline-entry').evaluateAll((entries) =>
        entries.map((entry) => entry.getAttribute('data-action')),
      );
      expect(steps).toEqual(['accept', 'submit_rectification', 'submit_plan', 'list_supervision', 'report']);

      if ((await byTestId(page, 'hazard-action-close_supervision').count()) > 0) {
        await byTestId(page, 'hazard-action-close_supervision').click();
        await byTestId(page, 'action-opinion').fill('治理完成，同意摘牌');
        await byTestId(page, 'action-submit').click();
        await byTestId(page, 'hazard-detail-supervision-closed').waitFor();
      }

      await page.locator('[data-testid="menu-item"][data-key="dp-statistics"]').click();
      await waitForPath(page, '/hazards/statistics');
      await page.locator('[data-testid="hazard-statistics-page"][data-ready="true"]').waitFor();
      expect(await byTestId(page, 'stats-closed').getAttribute('data-value')).toBe('1');
      expect(await byTestId(page, 'stats-open').getAttribute('data-value')).toBe('0');
      expect(await byTestId(page, 'stats-total').getAttribute('data-value')).toBe('1');
      expect(await byTestId(page, 'stats-rectification-rate').textContent()).toContain('100.0%');
    });

    await manager.context.close();
    await officer.context.close();
  });
});
