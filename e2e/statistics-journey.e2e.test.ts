import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ApiClient, createUser } from './support/api.ts';
import { byTestId, launchBrowser, newPage, waitForPath, type TestPage } from './support/browser.ts';
import { startServer, stopServer, type RunningServer } from './support/server.ts';
import { changeInitialPassword, enrolTotp, signIn } from './support/sign-in.ts';

const bootstrapPassword = inject('bootstrapPassword');
const OFFICER = { username: 'yx_stats_officer', displayName: '统计科科员', password: 'Yuxi-Stats#2026' };
const LEADER = { username: 'yx_stats_leader', displayName: '分管副局长', password: 'Yuxi-Leader#2026s' };
const POLL = { timeout: 45_000, interval: 250 };
const artifacts = path.join(import.meta.dirname, 'artifacts');
const YEAR = Number(
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()),
);

/**
 * The bureau's history, as the statistics section would type it into the template: 2020 (the
 * base year of 专栏1) has 10 deaths, so the 2025 target is 8.5 and every later year's milestone
 * too; the years after have 1 death each and this year none so far — on track, whatever the day.
 * One row has a negative count: the whole file is refused until the valid rows are asked for.
 */
function historyRows(): (string | number)[][] {
  const row = (at: string, place: string, deaths: number) => [
    at,
    '红塔区',
    '研和街道',
    '玉溪某建材有限公司',
    `红塔区研和街道${place}`,
    '建筑业',
    '',
    '物体打击',
    deaths,
    0,
    0,
    30,
  ];
  return [
    ...[2016, 2017, 2018, 2019].map((year) => row(`${year}-05-12 14:30`, `${year}年工地`, 3)),
    row('2020-03-02 09:00', '2020年一号工地', 3),
    row('2020-06-18 10:00', '2020年二号工地', 3),
    row('2020-09-09 16:00', '2020年三号工地', 4),
    ...[2021, 2022, 2023, 2024, 2025].map((year) => row(`${year}-08-01 11:00`, `${year}年厂区`, 1)),
    row('2021-02-02 08:00', '负数行', -1),
  ];
}

async function fillTemplate(template: string, target: string, rows: (string | number)[][]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(template);
  const sheet = workbook.worksheets[0]!;
  for (const values of rows) sheet.addRow(values);
  await workbook.xlsx.writeFile(target);
}

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

/** The status tag of an indicator on the cockpit, and its gauge's status on the big screen. */
const cockpitStatus = (page: Page, code: string) =>
  byTestId(page, `cockpit-indicator-status-${code}`)
    .textContent()
    .then((t) => t?.trim());
const screenStatus = (page: Page, code: string) =>
  byTestId(page, `big-screen-gauge-${code}`)
    .locator('.status')
    .textContent()
    .then((t) => t?.trim());

/** Uploads a filled template on the imports page and waits for its per-row report. */
async function upload(page: Page, kind: string, file: string, committed: boolean): Promise<string> {
  const answered = page.waitForResponse(
    (r) => new URL(r.url()).pathname === `/api/v1/statistics/imports/${kind}`,
  );
  await byTestId(page, `import-${kind}`).locator('input[type="file"]').setInputFiles(file);
  expect((await answered).status()).toBe(200);
  const result = byTestId(page, `import-${kind}`).locator(
    `[data-testid="import-result"][data-committed="${committed}"]`,
  );
  await result.waitFor();
  return ((await result.textContent()) ?? '').trim();
}

async function downloadTemplate(page: Page, kind: string, dir: string): Promise<string> {
  const download = page.waitForEvent('download');
  await byTestId(page, `import-${kind}-template`).click();
  const file = path.join(dir, `${kind}-template.xlsx`);
  await (await download).saveAs(file);
  return file;
}

describe('the statistics section imports the history, an accident is reported and reclassified, and the leaders see the plan’s indicators move', () => {
  let server: RunningServer;
  let browser: Browser;
  let officerPassword = '';
  let leaderPassword = '';
  const workDir = mkdtempSync(path.join(tmpdir(), 'anjian-e2e-statistics-'));

  beforeAll(async () => {
    // A fresh server without demo data: every figure on the screens comes from this journey.
    [server, browser] = await Promise.all([startServer(bootstrapPassword), launchBrowser()]);
    const admin = new ApiClient(server.baseUrl);
    await admin.signIn('admin', bootstrapPassword);
    await admin.completeFirstLogin(bootstrapPassword, 'Yuxi-Sys#2026stats');
    const city = { roles: ['city_officer'], scope: { kind: 'city' as const } };
    const named = ({ username, displayName }: typeof OFFICER) => ({ ...city, username, displayName });
    officerPassword = await createUser(admin, named(OFFICER));
    leaderPassword = await createUser(admin, named(LEADER));
  });

  /** A new user's first sign-in: the one-time password becomes their own, TOTP is enrolled. */
  async function firstSignIn(page: Page, user: typeof OFFICER, oneTime: string): Promise<void> {
    await signIn(page, server.baseUrl, user.username, oneTime);
    await changeInitialPassword(page, oneTime, user.password);
    await enrolTotp(page);
    await waitForPath(page, '/workbench');
  }

  afterAll(async () => {
    await browser?.close();
    if (server) await stopServer(server, process.env.E2E_KEEP_DATA === '1');
    rmSync(workDir, { recursive: true, force: true });
  });

  it('moves the indicators: the rate from no data to on track, deaths off track on a reported accident and back when it is written off', async () => {
    // The leader opens the cockpit and the big screen first: nothing is imported yet.
    const leader = await newPage(browser, { width: 1920, height: 1080 });
    const officer = await newPage(browser);
    const screen = { ...leader, page: await leader.context.newPage(), trace: leader.trace };
    await withEvidence(leader, 'statistics-leader', async () => {
      const { page } = leader;
      await firstSignIn(page, LEADER, leaderPassword);
      await page.locator('[data-testid="menu-top"][data-key="cockpit"]').click();
      await waitForPath(page, '/cockpit');
      // Without GDP the rate per 亿元 has no data (a count without history reads as zero so far).
      await expect.poll(() => cockpitStatus(page, 'deaths_per_100m_gdp'), POLL).toBe('暂无数据');
      await byTestId(page, 'cockpit-live').filter({ hasText: '实时连接' }).waitFor();

      await screen.page.setViewportSize({ width: 1920, height: 1080 });
      await screen.page.goto(`${server.baseUrl}/big-screen`);
      await screen.page.locator('[data-testid="big-screen-live"]', { hasText: '实时连接' }).waitFor();
      await expect.poll(() => screenStatus(screen.page, 'deaths_per_100m_gdp'), POLL).toBe('暂无数据');
    });

    await withEvidence(officer, 'statistics-officer', async () => {
      const { page } = officer;
      await firstSignIn(page, OFFICER, officerPassword);

      // 统计分析 › 统计数据导入: the accidents template, filled in; one bad row refuses the file.
      await page.locator('[data-testid="menu-item"][data-key="statistics-imports"]').click();
      await waitForPath(page, '/statistics/imports');
      const accidents = path.join(workDir, '历史事故.xlsx');
      await fillTemplate(await downloadTemplate(page, 'accidents', workDir), accidents, historyRows());
      const refused = await upload(page, 'accidents', accidents, false);
      expect(refused).toContain('发现 1 行有错误，未导入任何数据');
      const errors = byTestId(page, 'import-accidents').locator('[data-testid="import-errors"] tbody tr');
      expect(await errors.count()).toBe(1);
      const cells = (await errors.first().locator('td').allTextContents()).map((c) => c.trim());
      // Row 15: header, the template's example, then 12 good rows.
      expect(cells.slice(0, 2)).toEqual(['15', '死亡人数']);
      // 仅导入正确的行, and the same file again (as a person picks it again: another copy of it).
      await byTestId(page, 'import-accidents-valid-only').click();
      const again = path.join(workDir, '历史事故（再次）.xlsx');
      copyFileSync(accidents, again);
      expect(await upload(page, 'accidents', again, true)).toContain('已导入 12 行');
    });
    // The import is published on the event bus: both screens re-read and show the status.
    await expect.poll(() => cockpitStatus(leader.page, 'deaths'), POLL).toBe('进度正常');
    await expect.poll(() => screenStatus(screen.page, 'deaths'), POLL).toBe('进度正常');
    expect(await cockpitStatus(leader.page, 'deaths_per_100m_gdp')).toBe('暂无数据');

    await withEvidence(officer, 'statistics-officer-denominators', async () => {
      const { page } = officer;
      // GDP and 工矿商贸 employment of the city (its published totals), then the control numbers.
      const denominators = path.join(workDir, '分母.xlsx');
      await fillTemplate(await downloadTemplate(page, 'denominators', workDir), denominators, [
        [2020, '玉溪市', 2060, 400000],
        [YEAR, '玉溪市', 2700, 420000],
      ]);
      expect(await upload(page, 'denominators', denominators, true)).toContain('已导入 2 行');
      const limits = path.join(workDir, '控制指标.xlsx');
      await fillTemplate(await downloadTemplate(page, 'control-numbers', workDir), limits, [
        [YEAR, '红塔区', 10],
      ]);
      expect(await upload(page, 'control-numbers', limits, true)).toContain('已导入 1 行');
    });
    // With GDP the rate has a value: no deaths this year so far keeps it on track.
    await expect.poll(() => cockpitStatus(leader.page, 'deaths_per_100m_gdp'), POLL).toBe('进度正常');
    await expect.poll(() => screenStatus(screen.page, 'deaths_per_100m_gdp'), POLL).toBe('进度正常');

    let incidentId = '';
    await withEvidence(officer, 'statistics-officer-incident', async () => {
      const { page } = officer;
      // 指挥调度 › 事故信息 › 事故报告: nine deaths on a site in 红塔区 (a 较大 accident).
      await page.locator('[data-testid="menu-item"][data-key="incidents"]').click();
      await waitForPath(page, '/emergency/incidents');
      await byTestId(page, 'incident-create').click();
      await byTestId(page, 'incident-report-drawer').waitFor();
      await byTestId(page, 'incident-form-type').click();
      await page.locator('.el-select-dropdown__item:visible', { hasText: '坍塌' }).first().click();
      await byTestId(page, 'incident-form-county').click();
      await page.locator('.el-select-dropdown__item:visible', { hasText: '红塔区' }).first().click();
      await byTestId(page, 'incident-form-location').fill('红塔区玉兴路某在建工地基坑');
      const deaths = byTestId(page, 'incident-form-deaths').locator('input');
      await deaths.fill('9');
      await deaths.press('Tab');
      await byTestId(page, 'incident-form-description').fill(
        '基坑边坡坍塌，九名作业人员被埋，经搜救均已遇难',
      );
      const reported = page.waitForResponse(
        (r) => r.url().endsWith('/api/v1/incidents') && r.request().method() === 'POST',
      );
      await byTestId(page, 'incident-form-submit').click();
      const incident = (await (await reported).json()) as { id: string; level: string };
      expect(incident.level).toBe('larger');
      incidentId = incident.id;
      await waitForPath(page, `/emergency/incidents/${incidentId}`);
      await page.locator('[data-testid="incident-command-page"][data-ready="true"]').waitFor();
    });
    // Reported: the leaders' screens turn without a reload (the stream, then one re-read).
    await withEvidence(leader, 'statistics-leader-off-track', async () => {
      await expect.poll(() => cockpitStatus(leader.page, 'deaths'), POLL).toBe('偏离目标');
      await expect.poll(() => screenStatus(screen.page, 'deaths'), POLL).toBe('偏离目标');
      await expect
        .poll(() => byTestId(leader.page, 'cockpit-figure-accidentsThisMonth').textContent(), POLL)
        .toContain('1');
    });

    await withEvidence(officer, 'statistics-officer-review', async () => {
      const { page } = officer;
      // The control numbers: 9 of 红塔区's 10 → past 80 %.
      await page.goto(`${server.baseUrl}/statistics/indicators`);
      await expect.poll(() => byTestId(page, 'control-numbers').textContent(), POLL).toContain('已达八成');
      await page.goBack();
      await waitForPath(page, `/emergency/incidents/${incidentId}`);
      await page.locator('[data-testid="incident-command-page"][data-ready="true"]').waitFor();

      // 统计审核 from the incident's header: the investigation found a natural disaster — written off.
      await byTestId(page, 'incident-statistics').click();
      const drawer = byTestId(page, 'incident-statistics-drawer');
      await drawer.locator('[data-testid="incident-statistics-review"]').waitFor();
      await byTestId(page, 'review-counts').click();
      await byTestId(page, 'review-reason').fill('经调查系强降雨引发山体滑坡，属自然灾害，统计核销');
      const saved = page.waitForResponse((r) =>
        r.url().endsWith(`/api/v1/incidents/${incidentId}/statistics`),
      );
      await byTestId(page, 'review-save').click();
      expect((await saved).status()).toBe(200);
      await expect.poll(() => byTestId(page, 'review-state').textContent(), POLL).toContain('不计入');
    });
    // Written off: the indicators go back, on the cockpit and on the big screen.
    await withEvidence(leader, 'statistics-leader-back', async () => {
      await expect.poll(() => cockpitStatus(leader.page, 'deaths'), POLL).toBe('进度正常');
      await expect.poll(() => screenStatus(screen.page, 'deaths'), POLL).toBe('进度正常');
      expect(await screen.page.evaluate(() => document.location.pathname)).toBe('/big-screen');
    });
    await leader.context.close();
    await officer.context.close();
  });
});
