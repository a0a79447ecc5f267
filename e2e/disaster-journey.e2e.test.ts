import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chinaDateTime } from '@anjian/domain';
import { disallowedLatinWords } from '../packages/web/src/i18n/latin-words.ts';
import { ApiClient, createUser, signedInUser } from './support/api.ts';
import { byTestId, launchBrowser, newPage, waitForPath } from './support/browser.ts';
import { withEvidence } from './support/evidence.ts';
import { startServer, stopServer, type RunningServer } from './support/server.ts';
import { changeInitialPassword, enrolTotp, signIn } from './support/sign-in.ts';

const bootstrapPassword = inject('bootstrapPassword');
const XINPING = '530427';
const OFFICER = { username: 'xp_disaster', displayName: '刀灾情', password: 'Xinping-Dis#2026' };
const POLL = { timeout: 30_000, interval: 250 };
const EVENT = '平甸乡山体滑坡（旅程）';

interface Detail {
  id: string;
  totals: { affected: number; relocated: number };
  townships: { code: string; nameZh: string; history: { stage: string; figures: { affected: number } }[] }[];
}

async function pickOption(page: Page, text: string): Promise<void> {
  await page.locator('.el-select-dropdown__item:visible', { hasText: text }).first().click();
}

/** An Element Plus number box: the testid sits on its wrapper. */
async function fillNumber(page: Page, testId: string, value: number): Promise<void> {
  const input = byTestId(page, testId).locator('input');
  await input.fill(String(value));
  await input.press('Tab');
}

async function englishOn(page: Page): Promise<string[]> {
  await page.waitForLoadState('networkidle');
  const text = await page.evaluate(() => document.body.innerText);
  return [...new Set(disallowedLatinWords(text))];
}

describe('a county officer records a landslide, reports township figures twice and downloads the bulletin', () => {
  let server: RunningServer;
  let browser: Browser;
  let password = '';
  let workDir = '';
  /** A second 新平 officer through the API: issues the county gateway's token. */
  let gatewayOfficer: ApiClient;

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      // No simulator: the hazard site's crack meter reads only what this journey sends.
      startServer(bootstrapPassword, { demoData: true, env: { SIMULATOR: 'false' } }),
      launchBrowser(),
    ]);
    workDir = await mkdtemp(path.join(tmpdir(), 'anjian-disaster-'));
    const admin = new ApiClient(server.baseUrl);
    await admin.signIn('admin', bootstrapPassword);
    await admin.completeFirstLogin(bootstrapPassword, 'Yuxi-Sys#2026disaster');
    password = await createUser(admin, {
      username: OFFICER.username,
      displayName: OFFICER.displayName,
      organisation: '新平县应急管理局',
      roles: ['county_officer'],
      scope: { kind: 'county', counties: [XINPING] },
    });
    gatewayOfficer = await signedInUser(admin, server.baseUrl, {
      username: 'xp_geo_gateway',
      displayName: '普地灾',
      organisation: '新平县应急管理局',
      roles: ['county_officer'],
      scope: { kind: 'county', counties: [XINPING] },
      password: 'Xinping-Geo#2026',
    });
  });

  afterAll(async () => {
    await browser?.close();
    if (server) await stopServer(server, process.env.E2E_KEEP_DATA === '1');
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it('keeps every report, shows the latest per township on the table and the map, and writes the bulletin', async () => {
    const officer = await newPage(browser);
    await withEvidence(officer, 'disaster-officer', async () => {
      const { page } = officer;
      await signIn(page, server.baseUrl, OFFICER.username, password);
      await changeInitialPassword(page, password, OFFICER.password);
      await enrolTotp(page);
      await waitForPath(page, '/workbench');

      // 指挥调度 › 自然灾害: the demo landslide of 新平 is there already.
      await page.locator('[data-testid="menu-item"][data-key="disasters"]').click();
      await waitForPath(page, '/emergency/disasters');
      await expect
        .poll(() => byTestId(page, 'disaster-name').filter({ hasText: '戛洒江' }).count(), POLL)
        .toBe(1);
      expect(await englishOn(page)).toEqual([]);

      // A new landslide, two hours ago (China time), in three townships of 新平县.
      await byTestId(page, 'disaster-create').click();
      await byTestId(page, 'disaster-form').waitFor();
      await byTestId(page, 'disaster-form-name').fill(EVENT);
      const twoHoursAgo = chinaDateTime(new Date(Date.now() - 2 * 3_600_000)).slice(0, 16);
      const occurred = page.locator('.el-dialog:visible .el-date-editor input').first();
      await occurred.fill(twoHoursAgo);
      await occurred.press('Enter');
      await byTestId(page, 'disaster-form-name').click();
      await byTestId(page, 'disaster-form-townships').click();
      for (const name of ['平甸乡', '新化乡', '建兴乡']) await pickOption(page, name);
      await page.keyboard.press('Escape');
      const created = page.waitForResponse(
        (r) => r.url().endsWith('/api/v1/emergency/disasters') && r.request().method() === 'POST',
      );
      await byTestId(page, 'disaster-save').click();
      const event = (await (await created).json()) as Detail;
      expect(event.townships.map((t) => t.nameZh)).toEqual(['平甸乡', '新化乡', '建兴乡']);
      await waitForPath(page, `/emergency/disasters/${event.id}`);
      await expect.poll(() => byTestId(page, 'disaster-township-name').count(), POLL).toBe(3);

      // 初报 from each township, then a 续报 from 平甸乡 with more people affected.
      const report = async (row: number, affected: number, relocated: number, stage: string) => {
        await byTestId(page, 'disaster-row-report').nth(row).click();
        await byTestId(page, 'disaster-report-form').waitFor();
        await expect
          .poll(() => page.locator('[data-testid="disaster-report-stage"] .is-active').innerText(), POLL)
          .toBe(stage);
        await byTestId(page, 'disaster-report-reporter').fill('乡镇灾害信息员');
        await fillNumber(page, 'disaster-report-affected', affected);
        await fillNumber(page, 'disaster-report-relocated', relocated);
        await byTestId(page, 'disaster-report-directLossWan').fill('12.5');
        const saved = page.waitForResponse(
          (r) => r.url().endsWith('/reports') && r.request().method() === 'POST',
        );
        await byTestId(page, 'disaster-report-save').click();
        const answer = await saved;
        expect(answer.status()).toBe(201);
        await byTestId(page, 'disaster-report-form').waitFor({ state: 'hidden' });
        return (await answer.json()) as Detail;
      };
      await report(0, 120, 30, '初报');
      await report(1, 60, 10, '初报');
      await report(2, 20, 0, '初报');
      const after = await report(0, 180, 45, '续报');

      const pingdian = after.townships.find((t) => t.nameZh === '平甸乡')!;
      expect(pingdian.history.map((r) => [r.stage, r.figures.affected])).toEqual([
        ['initial', 120],
        ['follow_up', 180],
      ]);
      expect(after.totals.affected).toBe(260);
      await expect.poll(() => byTestId(page, 'disaster-sum-affected').innerText(), POLL).toBe('260');
      // The table's first row shows the latest figure; its history keeps both reports.
      expect(await byTestId(page, 'disaster-cell-affected').first().innerText()).toBe('180');
      await page.locator('[data-testid="disaster-townships"] .el-table__expand-icon').first().click();
      await expect.poll(() => byTestId(page, 'disaster-history').locator('tbody tr').count(), POLL).toBe(2);
      expect(await englishOn(page)).toEqual([]);

      // The map colours the three townships by people affected.
      await page.locator('.el-tabs__item', { hasText: '地图' }).click();
      await expect.poll(() => page.locator('path.disaster-township').count(), POLL).toBe(3);

      // The 灾情快报 from the figures.
      await page.locator('.el-tabs__item', { hasText: '表格' }).click();
      const download = page.waitForEvent('download');
      await byTestId(page, 'disaster-bulletin').click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/^灾情快报_.*\.docx$/);
      const saved = path.join(workDir, 'bulletin.docx');
      await file.saveAs(saved);
      const zip = await JSZip.loadAsync(await readFile(saved));
      const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
      expect(text).toContain('灾 情 快 报');
      expect(text).toContain(EVENT);
      expect(text).toContain('受灾人口260人次');
      expect(text).toContain('平甸乡');

      // 一张图: the demo debris-flow site of 新平 on its own layer, calm, with the people at risk.
      await page.goto(`${server.baseUrl}/map`);
      const site = page.locator('[data-testid="hazard-site-marker"]');
      await expect.poll(() => site.count(), POLL).toBe(1);
      expect(await site.getAttribute('data-level')).toBe('');
      expect(await page.locator('.aj-hazard-site .people').innerText()).toBe('214');
      await byTestId(page, 'layer-natural_hazards').waitFor();
      expect(await englishOn(page)).toEqual([]);

      // The county's gateway sends a crack opening over its red threshold (100 mm): the site turns red.
      const { token } = await gatewayOfficer.call<{ token: string }>('POST', '/monitoring/device-tokens', {
        county: XINPING,
        name: '新平地灾网关（旅程）',
      });
      const sent = await fetch(`${server.baseUrl}/api/v1/telemetry`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ readings: [{ point: 'DEMO-GEO-XP-01-WY01', ts: Date.now(), value: 150 }] }),
      });
      expect(await sent.json()).toMatchObject({ accepted: 1, rejected: [] });
      await page.reload();
      await expect.poll(() => site.getAttribute('data-level'), POLL).toBe('red');
      // The layers may still be redrawn once after the reload: click until the popup stays open.
      await page.waitForLoadState('networkidle');
      const popup = byTestId(page, 'hazard-site-popup');
      await expect
        .poll(async () => {
          if ((await popup.count()) === 0) await site.click();
          return (await popup.count()) > 0 ? popup.innerText() : '';
        }, POLL)
        .toContain('红色预警');
      expect(await popup.innerText()).toContain('新平县戛洒镇人民政府');
    });
  });
});
