import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ApiClient, createUser } from './support/api.ts';
import { byTestId, launchBrowser, newPage, waitForPath, type TestPage } from './support/browser.ts';
import { startServer, stopServer, type RunningServer } from './support/server.ts';
import { changeInitialPassword, enrolTotp, signIn } from './support/sign-in.ts';

const bootstrapPassword = inject('bootstrapPassword');
const HONGTA = '530402';
const OFFICER = { username: 'ht_materials', displayName: '王物资', password: 'Hongta-Goods#2026' };
const EAST = '红塔区东片物资库';
const WEST = '红塔区西片物资库';
const SCENE = '红塔区大营街镇山体滑坡现场';

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

async function fillNumber(page: Page, testId: string, value: number): Promise<void> {
  const input = byTestId(page, testId).locator('input');
  await input.fill(String(value));
  await input.press('Tab');
}

async function pickOption(page: Page, text: string): Promise<void> {
  await page.locator('.el-select-dropdown__item:visible', { hasText: text }).first().click();
}

/** Takes a step from the open order's drawer: its button, the dialog, 保存, and the answer. */
async function step(page: Page, action: string, fill: () => Promise<void> = async () => undefined) {
  await byTestId(page, `allocation-action-${action}`).click();
  await byTestId(page, 'allocation-step-form').waitFor();
  await fill();
  const answered = page.waitForResponse(
    (r) => r.url().includes('/api/v1/emergency/allocations/') && r.url().endsWith('/steps'),
  );
  await byTestId(page, 'allocation-step-save').click();
  const response = await answered;
  expect(response.status(), `${action}: ${await response.text()}`).toBe(200);
  await byTestId(page, 'allocation-step-form').waitFor({ state: 'hidden' });
}

const text = (page: Page, testId: string) => byTestId(page, testId).first().innerText();

describe('materials that really move: two warehouses to the scene and back', () => {
  let server: RunningServer;
  let browser: Browser;
  let officerPassword = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(bootstrapPassword), launchBrowser()]);
    const admin = new ApiClient(server.baseUrl);
    await admin.signIn('admin', bootstrapPassword);
    await admin.completeFirstLogin(bootstrapPassword, 'Yuxi-Sys#2026allocation');
    officerPassword = await createUser(admin, {
      username: OFFICER.username,
      displayName: OFFICER.displayName,
      organisation: '红塔区应急管理局',
      roles: ['county_officer'],
      scope: { kind: 'county', counties: [HONGTA] },
    });
    const cityPassword = await createUser(admin, {
      username: 'yx_materials',
      displayName: '市局物资科',
      roles: ['city_officer'],
      scope: { kind: 'city' },
    });
    const city = new ApiClient(server.baseUrl);
    await city.signIn('yx_materials', cityPassword);
    await city.completeFirstLogin(cityPassword, 'Yuxi-Goods#2026ok');
    const warehouse = async (name: string, lon: number, items: object[]) => {
      const { id } = await city.call<{ id: string }>('POST', '/emergency/resources', {
        kind: 'warehouse',
        name,
        county: HONGTA,
        location: { lon, lat: 24.35 },
      });
      await city.call('PUT', `/emergency/resources/${id}/materials`, { items });
    };
    // 东片: two batches, the earlier expiry goes first; 西片: one undated batch.
    await warehouse(EAST, 102.58, [
      { name: '沙袋', unit: '个', quantity: 60, minimumStock: 20, expiresOn: '2027-08-31' },
      { name: '沙袋', unit: '个', quantity: 40, minimumStock: 20, expiresOn: '2027-03-31' },
    ]);
    await warehouse(WEST, 102.52, [{ name: '沙袋', unit: '个', quantity: 80, minimumStock: 30 }]);
    await city.call('POST', '/incidents', {
      occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
      county: HONGTA,
      location: SCENE,
      accidentType: 'WSA10010',
      deaths: 0,
      seriousInjuries: 0,
      description: '强降雨引发山体滑坡，道路阻断',
      reporter: '大营街镇',
    });
  });

  afterAll(async () => {
    await browser?.close();
    if (server) await stopServer(server, process.env.E2E_KEEP_DATA === '1');
  });

  it('requests, approves, issues 120 from two warehouses, receives, returns 30, writes off 90; the stock follows', async () => {
    const officer = await newPage(browser);
    await withEvidence(officer, 'allocation-officer', async () => {
      const { page } = officer;
      await signIn(page, server.baseUrl, OFFICER.username, officerPassword);
      await changeInitialPassword(page, officerPassword, OFFICER.password);
      await enrolTotp(page);
      await waitForPath(page, '/workbench');

      await page.goto(`${server.baseUrl}/emergency/allocations`);
      await byTestId(page, 'allocations-page').waitFor();
      await byTestId(page, 'allocation-create').click();
      await byTestId(page, 'allocation-form').waitFor();
      await byTestId(page, 'allocation-incident').click();
      await pickOption(page, SCENE);
      await byTestId(page, 'allocation-material').fill('沙袋');
      await byTestId(page, 'allocation-unit').fill('个');
      await fillNumber(page, 'allocation-quantity', 120);
      await byTestId(page, 'allocation-destination').fill('滑坡体下方临时堆放点');
      const created = page.waitForResponse(
        (r) => r.url().endsWith('/api/v1/emergency/allocations') && r.request().method() === 'POST',
      );
      await byTestId(page, 'allocation-save').click();
      expect((await created).status()).toBe(201);
      await byTestId(page, 'allocation-actions').waitFor();

      await step(page, 'approve');
      // The issue dialog shows each warehouse's unexpired stock.
      await byTestId(page, 'allocation-action-issue').click();
      await byTestId(page, `allocation-available-${EAST}`).waitFor();
      expect(await text(page, `allocation-available-${EAST}`)).toBe('100');
      expect(await text(page, `allocation-available-${WEST}`)).toBe('80');
      await fillNumber(page, `allocation-take-${EAST}`, 70);
      await fillNumber(page, `allocation-take-${WEST}`, 50);
      const issued = page.waitForResponse((r) => r.url().endsWith('/steps'));
      await byTestId(page, 'allocation-step-save').click();
      expect((await issued).status()).toBe(200);
      await expect.poll(() => text(page, 'allocation-issued'), POLL).toBe('120');
      // First-expiring first: 40 from the March batch, then 30 from August; 50 from 西片.
      const movements = await byTestId(page, 'allocation-movements').locator('tbody tr').allInnerTexts();
      expect(movements.map((row) => row.replace(/\s+/g, ' ').trim())).toEqual([
        expect.stringMatching(/^出库 红塔区东片物资库 2027-03-31 40 60 /),
        expect.stringMatching(/^出库 红塔区东片物资库 2027-08-31 30 30 /),
        expect.stringMatching(/^出库 红塔区西片物资库 50 30 /),
      ]);

      await step(page, 'transport', async () => {
        await byTestId(page, 'allocation-vehicle').fill('云F·D2468');
        await byTestId(page, 'allocation-driver').fill('赵师傅');
      });
      await step(page, 'receive');
      await step(page, 'use');
      await step(page, 'return', async () => {
        await byTestId(page, 'allocation-return-warehouse').click();
        await pickOption(page, WEST);
        await fillNumber(page, 'allocation-step-quantity', 30);
      });
      await expect.poll(() => text(page, 'allocation-returned'), POLL).toBe('30');
      expect(await text(page, 'allocation-on-hand')).toBe('90');
      await step(page, 'write_off', async () => {
        await fillNumber(page, 'allocation-step-quantity', 90);
        await byTestId(page, 'allocation-note').fill('筑坝消耗');
      });
      await expect.poll(() => text(page, 'allocation-consumed'), POLL).toBe('90');
      expect(await text(page, 'allocation-on-hand')).toBe('0');
      expect(await byTestId(page, 'allocation-actions').innerText()).toContain('已办结');

      // The ledger: 东片 100 − 70 = 30, 西片 80 − 50 + 30 = 60, and the books balance.
      await page.goto(`${server.baseUrl}/emergency/allocation-ledger`);
      await byTestId(page, 'ledger-summary').waitFor();
      await expect.poll(() => text(page, `ledger-stock-${EAST}`), POLL).toBe('30');
      expect(await text(page, `ledger-stock-${WEST}`)).toBe('60');
      expect(await text(page, 'ledger-balanced')).toBe('账实相符');
      expect(await text(page, 'ledger-equation')).toContain('接收 120 ＝ 归还 30 ＋ 消耗 90 ＋ 在用 0');
    });
  });
});
