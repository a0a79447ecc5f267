import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { generateSyntheticCreditCode } from '@anjian/domain';
import { ApiClient, createUser } from './support/api.ts';
import { byTestId, launchBrowser, newPage, waitForPath, type TestPage } from './support/browser.ts';
import { startServer, stopServer, type RunningServer } from './support/server.ts';
import { changeInitialPassword, enrolTotp, signIn, topMenuTitles } from './support/sign-in.ts';

const bootstrapPassword = inject('bootstrapPassword');
const JIANGCHUAN = '530403';
const TONGHAI = '530423';
const HONGTA = '530402';
const OFFICER = { username: 'jc_registry', displayName: '王星云', password: 'Xingyun-Lake#2026' };
const CITY = { username: 'yx_city', password: 'Yuxi-City#2026ok' };

/** Two new 江川区 enterprises with valid synthetic codes, and one row whose check character is wrong. */
const NEW_ENTERPRISES = [
  {
    name: '江川区星云湖新材料有限公司',
    creditCode: generateSyntheticCreditCode(880_001, { divisionCode: JIANGCHUAN }),
    lon: 102.7512,
    lat: 24.2934,
    sector: '危险化学品使用',
  },
  {
    name: '江川区明湖机械制造有限公司',
    creditCode: generateSyntheticCreditCode(880_002, { divisionCode: JIANGCHUAN }),
    lon: 102.7638,
    lat: 24.3105,
    sector: '机械',
  },
];
const goodCode = generateSyntheticCreditCode(880_003, { divisionCode: JIANGCHUAN });
const BAD_ROW = {
  name: '江川区校验位错误测试有限公司',
  creditCode: goodCode.slice(0, 17) + (goodCode.endsWith('0') ? '1' : '0'),
};

const artifacts = path.join(import.meta.dirname, 'artifacts');
const POLL = { timeout: 30_000, interval: 250 };

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

interface Listed {
  id: string;
  name: string;
  county: string;
  location: { lon: number; lat: number } | null;
}

/** Every enterprise of a county, as a city officer sees them (all pages). */
async function enterprisesOf(city: ApiClient, county: string): Promise<Listed[]> {
  const all: Listed[] = [];
  for (let page = 1; ; page += 1) {
    const answer = await city.call<{ items: Listed[]; total: number }>(
      'GET',
      `/enterprises?county=${county}&pageSize=200&page=${page}`,
    );
    all.push(...answer.items);
    if (all.length >= answer.total || answer.items.length === 0) return all;
  }
}

/** Fills the downloaded template: headers in row 1 (required ones end in *), the example row left as is. */
async function fillTemplate(template: string, target: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(template);
  const sheet = workbook.worksheets[0]!;
  const columns = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => columns.set(String(cell.value).replace(/\*$/, ''), col));
  const put = (row: number, header: string, value: string | number) => {
    const col = columns.get(header);
    if (!col) throw new Error(`the template has no column ${header}`);
    sheet.getRow(row).getCell(col).value = value;
  };
  NEW_ENTERPRISES.forEach((e, i) => {
    put(3 + i, '企业名称', e.name);
    put(3 + i, '统一社会信用代码', e.creditCode);
    put(3 + i, '所属县（市、区）', '江川区');
    put(3 + i, '经度', e.lon);
    put(3 + i, '纬度', e.lat);
    put(3 + i, '监管行业', e.sector);
    put(3 + i, '经营状态', '在营');
  });
  put(5, '企业名称', BAD_ROW.name);
  put(5, '统一社会信用代码', BAD_ROW.creditCode);
  put(5, '所属县（市、区）', '江川区');
  await workbook.xlsx.writeFile(target);
}

describe('a county officer registers enterprises and finds them on the one-map', () => {
  let server: RunningServer;
  let browser: Browser;
  let city: ApiClient;
  let officerPassword = '';
  let workDir = '';

  // A server of its own, with demo data in every county: the admin journey needs a fresh administrator.
  beforeAll(async () => {
    [server, browser, workDir] = await Promise.all([
      startServer(bootstrapPassword, { demoData: true }),
      launchBrowser(),
      mkdtemp(path.join(tmpdir(), 'anjian-registry-')),
    ]);
    const admin = new ApiClient(server.baseUrl);
    await admin.signIn('admin', bootstrapPassword);
    await admin.completeFirstLogin(bootstrapPassword, 'Yuxi-Sys#2026registry');
    officerPassword = await createUser(admin, {
      username: OFFICER.username,
      displayName: OFFICER.displayName,
      organisation: '江川区应急管理局',
      roles: ['county_officer'],
      scope: { kind: 'county', counties: [JIANGCHUAN] },
    });
    const cityPassword = await createUser(admin, {
      username: CITY.username,
      displayName: '市局核对员',
      roles: ['city_officer'],
      scope: { kind: 'city' },
    });
    city = new ApiClient(server.baseUrl);
    await city.signIn(CITY.username, cityPassword);
    await city.completeFirstLogin(cityPassword, CITY.password);
  });

  afterAll(async () => {
    await browser?.close();
    if (server) await stopServer(server, process.env.E2E_KEEP_DATA === '1');
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it('imports the Excel file, finds a new enterprise on the map, opens it, and sees only 江川区', async () => {
    const tonghai = (await enterprisesOf(city, TONGHAI)).find((e) => e.location);
    const hongta = (await enterprisesOf(city, HONGTA)).find((e) => e.location);
    expect(tonghai, 'demo data has located enterprises in 通海县').toBeDefined();
    expect(hongta, 'demo data has located enterprises in 红塔区').toBeDefined();

    const officer = await newPage(browser);
    await withEvidence(officer, 'registry-officer', async () => {
      const { page } = officer;
      const baseUrl = server.baseUrl;
      await signIn(page, baseUrl, OFFICER.username, officerPassword);
      await changeInitialPassword(page, officerPassword, OFFICER.password);
      await enrolTotp(page);
      await waitForPath(page, '/workbench');
      expect(await topMenuTitles(page)).toEqual([
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
      ]);

      // 企业档案 › 企业信息: download the template through the page, fill it in, upload it.
      await page.locator('[data-testid="menu-item"][data-key="enterprises"]').click();
      await waitForPath(page, '/registry/enterprises');
      await byTestId(page, 'enterprise-import').click();
      await byTestId(page, 'import-dialog').waitFor();
      const download = page.waitForEvent('download');
      await byTestId(page, 'import-template').click();
      const template = path.join(workDir, 'template.xlsx');
      await (await download).saveAs(template);
      const filled = path.join(workDir, '江川区企业.xlsx');
      await fillTemplate(template, filled);

      await byTestId(page, 'import-file').locator('input[type="file"]').setInputFiles(filled);
      await byTestId(page, 'import-file-name').waitFor();
      await byTestId(page, 'import-submit').click();

      // One bad row stops the whole file: nothing stored, the row and its reason listed.
      await page.locator('[data-testid="import-result"][data-committed="false"]').waitFor();
      expect(await byTestId(page, 'import-summary').textContent()).toContain('成功 0 条，失败 1 条');
      const errorRows = byTestId(page, 'import-errors').locator('tbody tr');
      expect(await errorRows.count()).toBe(1);
      const cells = await errorRows.first().locator('td').allTextContents();
      // Row 5 of the sheet: header, the template's example row, then the two good rows.
      expect(cells.map((c) => c.trim()).slice(0, 2)).toEqual(['5', '统一社会信用代码']);
      expect(cells[2]?.trim()).not.toBe('');

      // 仅导入有效行: the two good rows go in.
      await byTestId(page, 'import-valid-only').click();
      await page.locator('[data-testid="import-result"][data-committed="true"]').waitFor();
      expect(await byTestId(page, 'import-summary').textContent()).toContain('成功 2 条，失败 1 条');
      await byTestId(page, 'import-close').click();

      await byTestId(page, 'enterprise-filter-q').fill('江川区星云湖');
      await byTestId(page, 'search-submit').click();
      const listed = byTestId(page, 'enterprises-table').locator('tbody tr');
      await expect.poll(() => listed.count(), POLL).toBe(1);
      expect(await listed.first().textContent()).toContain(NEW_ENTERPRISES[0]!.creditCode);

      // The one-map: the layers the server sends for this officer are 江川区's only.
      const pointsAnswer = page.waitForResponse((r) => r.url().includes('/api/v1/map/enterprises'));
      const objectsAnswer = page.waitForResponse((r) => r.url().includes('/api/v1/map/objects'));
      await page.locator('[data-testid="menu-top"][data-key="one-map"]').click();
      await waitForPath(page, '/map');
      const points = ((await (await pointsAnswer).json()) as { columns: string[]; points: unknown[][] })
        .points;
      const objects = ((await (await objectsAnswer).json()) as { items: { county: string }[] }).items;
      await page.locator('[data-testid="onemap-page"][data-ready="true"]').waitFor();
      // The county boundaries are the real ones now: no 示意边界 label, and 江川区's outline is drawn.
      expect(await byTestId(page, 'map-schematic').count()).toBe(0);
      expect(await page.locator('.aj-county-label').allTextContents()).toContain('江川区');
      expect(await byTestId(page, 'map-county').textContent()).toContain('江川区');

      const jiangchuanIds = new Set((await enterprisesOf(city, JIANGCHUAN)).map((e) => e.id));
      const markerIds = points.map((point) => String(point[0]));
      expect(markerIds.length).toBeGreaterThan(2);
      expect(markerIds.filter((id) => !jiangchuanIds.has(id))).toEqual([]);
      expect(objects.filter((o) => o.county !== JIANGCHUAN)).toEqual([]);
      expect(await byTestId(page, 'onemap-page').getAttribute('data-enterprise-count')).toBe(
        String(markerIds.length),
      );

      // Other counties' enterprises cannot be found by the map's search.
      const search = byTestId(page, 'map-search-input');
      for (const other of [tonghai!, hongta!]) {
        await search.fill(other.name);
        const shown = page.locator(`[data-testid="map-search-results"][data-query="${other.name}"]`);
        await shown.waitFor();
        expect(await shown.locator('[data-testid="map-search-empty"]').count()).toBe(1);
        expect(await shown.locator('[data-testid="map-search-result"]').count()).toBe(0);
      }

      // Find the new enterprise by name, open its card, then its detail page.
      const wanted = NEW_ENTERPRISES[1]!;
      await search.fill('明湖机械');
      const hit = byTestId(page, 'map-search-result').filter({ hasText: wanted.name });
      await expect.poll(() => hit.count(), POLL).toBe(1);
      const id = (await hit.getAttribute('data-id')) ?? '';
      expect(jiangchuanIds.has(id)).toBe(true);
      await hit.click();
      const card = byTestId(page, 'map-card');
      await card.waitFor();
      expect(await byTestId(page, 'map-card-name').textContent()).toBe(wanted.name);
      await expect
        .poll(() => byTestId(page, 'map-card-county').getAttribute('data-county'), POLL)
        .toBe(JIANGCHUAN);
      expect(await byTestId(page, 'map-card-county').textContent()).toContain('江川区');
      await byTestId(page, 'map-card-detail').click();
      await waitForPath(page, `/registry/enterprises/${id}`);
      await expect.poll(() => byTestId(page, 'enterprise-detail-name').textContent(), POLL).toBe(wanted.name);
      expect(await byTestId(page, 'enterprise-detail-credit-code').textContent()).toBe(wanted.creditCode);
      expect(await byTestId(page, 'enterprise-detail-county').textContent()).toBe('江川区');
    });
    await officer.context.close();
  });
});
