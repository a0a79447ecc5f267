import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ApiClient, createUser } from './support/api.ts';
import {
  byTestId,
  launchBrowser,
  newPage,
  waitForPath,
  type TestPage,
  pickOption,
} from './support/browser.ts';
import { startServer, stopServer, type RunningServer } from './support/server.ts';
import { changeInitialPassword, enrolTotp, signIn } from './support/sign-in.ts';
import { freshTotpCode } from './support/totp.ts';

const bootstrapPassword = inject('bootstrapPassword');
const JIANGCHUAN = '530403';
const OFFICER = { username: 'jc_enforce', displayName: '赵明远', password: 'Mingyuan-Lake#2026' };
const INSPECTOR = { username: 'jc_inspector', displayName: '李执法', password: 'Inspector-Lake#2026' };
const CITY = { username: 'yx_enforce_city', password: 'Yuxi-Enforce#2026ok' };
const ENTERPRISE = { username: 'ent_safety', password: 'Enterprise-Safe#2026' };
const DRAW_TITLE = '2026年第四季度江川区双随机抽查（演练）';
const ROSTER = [
  { name: '李执法', certificateNo: 'JC2026E2E01' },
  { name: '周检查', certificateNo: 'JC2026E2E02' },
];
const CHECKLIST = [
  {
    code: 'E2E-01',
    text: '是否建立健全全员安全生产责任制',
    legalBasis: '《中华人民共和国安全生产法》第二十二条',
  },
  {
    code: 'E2E-02',
    text: '安全出口、疏散通道是否畅通',
    legalBasis: '《中华人民共和国安全生产法》第四十二条',
  },
  { code: 'E2E-03', text: '特种作业人员是否持证上岗', legalBasis: '《中华人民共和国安全生产法》第三十条' },
];
const FAILED_NOTE = '二楼疏散通道堆放杂物，安全出口被锁闭';
const POLL = { timeout: 45_000, interval: 250 };
const artifacts = path.join(import.meta.dirname, 'artifacts');

async function withEvidence(target: TestPage, name: string, steps: () => Promise<void>): Promise<void> {
  try {
    await steps();
  } catch (error) {
    mkdirSync(artifacts, { recursive: true });
    await target.page
      .screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true })
      .catch(() => undefined);
    writeFileSync(path.join(artifacts, `${name}.trace.txt`), `${target.trace.join('\n')}\n`);
    console.error(
      `[e2e] ${name}: page trace (also in e2e/artifacts/${name}.trace.txt)\n${target.trace.join('\n')}`,
    );
    throw error;
  }
}

/** A 4×4 PNG (a site photo stand-in): the upload route accepts only real JPEG or PNG images. */
function tinyPng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(4, 0);
  header.writeUInt32BE(4, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows = Buffer.concat(Array.from({ length: 4 }, () => Buffer.from([0, ...Array(12).fill(200)])));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** YYYY-MM-DD, `days` after today in China Standard Time. */
function beijingDatePlus(days: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** Clicks the option with this text in the open Element Plus select dropdown. */

/** The text box of an Element Plus field, whether its data-testid sits on the input or around it. */
function inputOf(page: Page, id: string) {
  return page.locator(`input[data-testid="${id}"], [data-testid="${id}"] input`).first();
}

async function confirmBox(page: Page): Promise<void> {
  await page.locator('.el-message-box__btns .el-button--primary').click();
}

interface InspectionAnswer {
  id: string;
  status: string;
  enterpriseId: string;
  enterpriseName: string;
  hazardIds: string[];
  items: { result: string | null; note: string | null; photoIds: string[]; deadline: string | null }[];
}

describe('a double-random inspection from the draw to the public page', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: ApiClient;
  let city: ApiClient;
  let citySecret = '';
  /** The enterprise the first journey drew and inspected. */
  let inspectedEnterprise = '';
  let cityEnrolledAt = 0;
  let officerPassword = '';
  let inspectorPassword = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startServer(bootstrapPassword, { demoData: true }),
      launchBrowser(),
    ]);
    admin = new ApiClient(server.baseUrl);
    await admin.signIn('admin', bootstrapPassword);
    await admin.completeFirstLogin(bootstrapPassword, 'Yuxi-Sys#2026enforce');
    const county = { kind: 'county' as const, counties: [JIANGCHUAN] };
    officerPassword = await createUser(admin, {
      username: OFFICER.username,
      displayName: OFFICER.displayName,
      organisation: '江川区应急管理局',
      roles: ['county_officer'],
      scope: county,
    });
    inspectorPassword = await createUser(admin, {
      username: INSPECTOR.username,
      displayName: INSPECTOR.displayName,
      organisation: '江川区应急管理综合行政执法大队',
      roles: ['inspector'],
      scope: county,
    });
    const cityPassword = await createUser(admin, {
      username: CITY.username,
      displayName: '市局执法科',
      roles: ['city_officer'],
      scope: { kind: 'city' },
    });
    city = new ApiClient(server.baseUrl);
    await city.signIn(CITY.username, cityPassword);
    citySecret = await city.completeFirstLogin(cityPassword, CITY.password);
    cityEnrolledAt = Math.floor(Date.now() / 30_000);

    // The roster (the first inspector signs in with the account above) and a general checklist.
    const users = await admin.call<{ items: { id: string; username: string }[] }>(
      'GET',
      `/users?q=${INSPECTOR.username}`,
    );
    const inspectorUserId = users.items.find((u) => u.username === INSPECTOR.username)!.id;
    for (const [index, entry] of ROSTER.entries()) {
      await city.call('POST', '/enforcement/inspectors', {
        ...entry,
        certificateExpiry: '2029-12-31',
        county: JIANGCHUAN,
        specialties: [],
        userId: index === 0 ? inspectorUserId : null,
      });
    }
    for (const [index, item] of CHECKLIST.entries()) {
      await city.call('POST', '/enforcement/checklist-items', {
        ...item,
        sector: 'general',
        hazardCategory: '20',
        sortOrder: index,
      });
    }
  });

  afterAll(async () => {
    await browser?.close();
    if (server) await stopServer(server, process.env.E2E_KEEP_DATA === '1');
  });

  it('draws, inspects offline on a phone, syncs once, opens a hazard and discloses the verifiable draw', async () => {
    const baseUrl = server.baseUrl;

    // 1. The county officer runs a draw: one enterprise of 江川区, both roster inspectors.
    const officer = await newPage(browser);
    let drawId = '';
    await withEvidence(officer, 'enforcement-officer', async () => {
      const { page } = officer;
      await signIn(page, baseUrl, OFFICER.username, officerPassword);
      await changeInitialPassword(page, officerPassword, OFFICER.password);
      await enrolTotp(page);
      await waitForPath(page, '/workbench');
      const drawsEntry = page.locator('[data-testid="menu-item"][data-key="enforcement-draws"]');
      if (!(await drawsEntry.isVisible()))
        await page.locator('[data-testid="menu-top"][data-key="enforcement"]').click();
      await drawsEntry.click();
      await waitForPath(page, '/enforcement/draws');
      await byTestId(page, 'draw-create').click();
      await byTestId(page, 'draw-create-dialog').waitFor();
      await byTestId(page, 'draw-title').fill(DRAW_TITLE);
      await inputOf(page, 'draw-n').fill('1');
      await byTestId(page, 'draw-inspectors').click();
      for (const entry of ROSTER) await pickOption(page, entry.certificateNo);
      await byTestId(page, 'draw-title').click();
      await byTestId(page, 'draw-create-submit').click();
      await page.waitForURL((url) => /^\/enforcement\/draws\/[0-9a-f-]{36}$/.test(url.pathname));
      drawId = new URL(page.url()).pathname.split('/').pop()!;

      await byTestId(page, 'draw-publish').click();
      await confirmBox(page);
      await page.locator('[data-testid="draw-status"][data-status="published"]').waitFor();
      expect((await byTestId(page, 'draw-commitment').textContent())?.trim()).toMatch(/^[0-9a-f]{64}$/);

      await byTestId(page, 'draw-execute').click();
      await confirmBox(page);
      await page.locator('[data-testid="draw-status"][data-status="executed"]').waitFor();
      const pairs = byTestId(page, 'draw-selections').locator('tbody tr');
      await expect.poll(() => pairs.count(), POLL).toBe(1);
      const inspectors = (await pairs.first().locator('td').nth(2).textContent()) ?? '';
      for (const entry of ROSTER) expect(inspectors).toContain(entry.name);
      // Before the visits the seed stays secret, and the officer can already check the record.
      await byTestId(page, 'draw-verify-here').click();
      await page.locator('[data-testid="draw-verify-outcome"][data-ok="true"]').waitFor();
    });
    await officer.context.close();

    const inspections = await city.call<{ items: InspectionAnswer[] }>(
      'GET',
      `/enforcement/inspections?drawId=${drawId}`,
    );
    expect(inspections.items).toHaveLength(1);
    const inspection = inspections.items[0]!;
    expect(inspection.status).toBe('planned');
    const deadline = beijingDatePlus(14);
    inspectedEnterprise = inspection.enterpriseName;

    // 2. The inspector, on a phone, fills in the checklist and loses the connection half-way.
    const phone = await newPage(browser, { width: 390, height: 844 });
    await withEvidence(phone, 'enforcement-inspector', async () => {
      const { page, context } = phone;
      await signIn(page, baseUrl, INSPECTOR.username, inspectorPassword);
      await changeInitialPassword(page, inspectorPassword, INSPECTOR.password);
      await enrolTotp(page);
      await waitForPath(page, '/workbench');
      await page.goto(`${baseUrl}/enforcement/m/inspections`);
      const task = page.locator(`[data-testid="my-inspection"][data-id="${inspection.id}"]`);
      await task.waitFor();
      expect(await task.textContent()).toContain(inspection.enterpriseName);
      await task.click();
      await waitForPath(page, `/enforcement/m/inspections/${inspection.id}`);
      const items = byTestId(page, 'checklist-item');
      await expect.poll(() => items.count(), POLL).toBeGreaterThanOrEqual(CHECKLIST.length);
      const itemCount = await items.count();

      // The first item fails: a deadline, a note and a photo.
      await byTestId(page, 'item-0-fail').click();
      await byTestId(page, 'item-0-deadline').fill(deadline);
      await byTestId(page, 'item-0-note').locator('textarea').fill(FAILED_NOTE);
      await byTestId(page, 'item-0-photo').setInputFiles({
        name: 'site.png',
        mimeType: 'image/png',
        buffer: tinyPng(),
      });
      await items.first().locator('img.local-photo').waitFor();

      await context.setOffline(true);
      await byTestId(page, 'offline-banner').waitFor();
      for (let index = 1; index < itemCount; index += 1) await byTestId(page, `item-${index}-pass`).click();

      // The enterprise's representative signs on the screen.
      const pad = byTestId(page, 'signature-canvas');
      await pad.scrollIntoViewIfNeeded();
      const box = (await pad.boundingBox())!;
      await page.mouse.move(box.x + 30, box.y + 100);
      await page.mouse.down();
      for (const [dx, dy] of [
        [60, -40],
        [120, 30],
        [180, -20],
        [240, 40],
      ] as const) {
        await page.mouse.move(box.x + dx + 30, box.y + 100 + dy, { steps: 5 });
      }
      await page.mouse.up();
      await byTestId(page, 'signature-save').click();
      await byTestId(page, 'signature-preview').waitFor();

      await byTestId(page, 'inspection-finish').click();
      // Offline: finished, kept on the phone, waiting to sync.
      await page.locator('[data-testid="form-queue-state"][data-state="pending"]').waitFor();
      await byTestId(page, 'queued-panel').waitFor();
      const stillPlanned = await city.call<InspectionAnswer>(
        'GET',
        `/enforcement/inspections/${inspection.id}`,
      );
      expect(stillPlanned.status).not.toBe('completed');

      // The connection returns, but the server's answer to the submission is lost on the way back:
      // the server has stored it, the phone does not know and keeps it queued.
      const submitUrl = `**/api/v1/enforcement/inspections/${inspection.id}/submit`;
      let lostAnswers = 0;
      await page.route(submitUrl, async (route) => {
        await route.fetch();
        lostAnswers += 1;
        await route.abort('connectionreset');
      });
      await context.setOffline(false);
      await expect.poll(() => lostAnswers, POLL).toBeGreaterThanOrEqual(1);
      await byTestId(page, 'queued-error').waitFor();
      expect(await byTestId(page, 'form-queue-state').getAttribute('data-state')).not.toBe('synced');
      const stored = await city.call<InspectionAnswer>('GET', `/enforcement/inspections/${inspection.id}`);
      expect(stored.status).toBe('completed');

      // The page is reloaded: the queue is still on the phone (IndexedDB) and is sent again with
      // the same clientSubmissionId; the server answers as the first time and stores nothing new.
      await page.unroute(submitUrl);
      await page.reload();
      await page
        .locator('[data-testid="form-queue-state"][data-state="synced"]')
        .waitFor({ timeout: 60_000 });
      await byTestId(page, 'synced-notice').waitFor();
      await page.goto(`${baseUrl}/enforcement/m/inspections`);
      await byTestId(page, 'my-inspections').waitFor();
      await page.getByRole('tab', { name: '已完成' }).click();
      await page.locator(`[data-testid="my-inspection"][data-id="${inspection.id}"]`).waitFor();
    });
    await phone.context.close();

    const done = await city.call<InspectionAnswer>('GET', `/enforcement/inspections/${inspection.id}`);
    expect(done.status).toBe('completed');
    expect(done.hazardIds).toHaveLength(1);
    expect(done.items[0]).toMatchObject({ result: 'fail', note: FAILED_NOTE, deadline });
    expect(done.items[0]!.photoIds).toHaveLength(1);
    expect(done.items.slice(1).every((item) => item.result === 'pass')).toBe(true);

    // 3. The hazard is there for the enterprise, with the inspector's deadline.
    const created = await admin.call<{ initialPassword: string }>('POST', '/users', {
      username: ENTERPRISE.username,
      displayName: '企业安全员',
      roles: ['enterprise_manager'],
      scope: { kind: 'enterprise', enterpriseId: inspection.enterpriseId, county: JIANGCHUAN },
    });
    const enterprise = new ApiClient(baseUrl);
    await enterprise.signIn(ENTERPRISE.username, created.initialPassword);
    await enterprise.call('POST', '/auth/password', {
      current: created.initialPassword,
      next: ENTERPRISE.password,
    });
    await enterprise.refresh();
    const hazards = await enterprise.call<{
      items: {
        id: string;
        enterpriseId: string;
        source: string;
        deadline: string | null;
        description: string;
      }[];
    }>('GET', '/hazards');
    const fromInspection = hazards.items.filter((h) => h.source === 'inspection');
    expect(fromInspection.map((h) => h.id)).toEqual(done.hazardIds);
    expect(fromInspection[0]).toMatchObject({ enterpriseId: inspection.enterpriseId, deadline });

    // 4. Anyone, without signing in, sees the result and re-runs the disclosed draw.
    const visitor = await newPage(browser);
    await withEvidence(visitor, 'enforcement-public', async () => {
      const { page } = visitor;
      await page.goto(`${baseUrl}/public/disclosure`);
      const row = byTestId(page, 'disclosure-inspections').locator('tbody tr').filter({
        hasText: inspection.enterpriseName,
      });
      await expect.poll(() => row.count(), POLL).toBe(1);
      expect(await row.locator('[data-testid="disclosure-result"]').getAttribute('data-result')).toBe(
        'problems_found',
      );
      const drawRow = byTestId(page, 'disclosure-draws').locator('tbody tr').filter({ hasText: DRAW_TITLE });
      expect(await drawRow.locator('[data-testid="disclosure-draw-state"]').getAttribute('data-state')).toBe(
        'disclosed',
      );
      await drawRow.locator(`[data-testid="disclosure-verify"][data-draw="${drawId}"]`).click();
      await waitForPath(page, '/public/draws/verify');
      await page.locator('[data-testid="verify-outcome"][data-ok="true"]').waitFor();
      expect(await byTestId(page, 'verify-selections').locator('tbody tr').count()).toBe(1);
    });
    await visitor.context.close();
  });
  it("opens the bureau's desktop pages with their data and issues the inspection record", async () => {
    const baseUrl = server.baseUrl;
    const desk = await newPage(browser);
    const failures: string[] = [];
    desk.page.on('pageerror', (error) => failures.push(`pageerror ${error.message}`));
    desk.page.on('response', (response) => {
      if (response.url().includes('/api/v1/enforcement') && response.status() >= 400)
        failures.push(`${response.status()} ${response.url()}`);
    });
    await withEvidence(desk, 'enforcement-desktop', async () => {
      const { page } = desk;
      await signIn(page, baseUrl, CITY.username, CITY.password);
      const { code } = await freshTotpCode(citySecret, cityEnrolledAt);
      await byTestId(page, 'login-totp').fill(code);
      await byTestId(page, 'login-totp-submit').click();
      await waitForPath(page, '/workbench');

      await page.goto(`${baseUrl}/enforcement/inspectors`);
      const roster = byTestId(page, 'inspectors-table');
      for (const entry of ROSTER) await roster.getByText(entry.certificateNo).waitFor();

      await page.goto(`${baseUrl}/enforcement/checklist`);
      await byTestId(page, 'checklist-table').getByText('E2E-01').waitFor();

      for (const path of ['plans', 'cases', 'credit', 'categories', 'draws']) {
        await page.goto(`${baseUrl}/enforcement/${path}`);
        await byTestId(page, `${path}-page`).waitFor();
        await page.waitForLoadState('networkidle');
      }
      await byTestId(page, 'draws-table').getByText(DRAW_TITLE).waitFor();

      // 文书: the completed inspection's 现场检查记录, numbered, downloaded as DOCX.
      await page.goto(`${baseUrl}/enforcement/documents`);
      const completedRow = byTestId(page, 'documents-inspections')
        .locator('tbody tr')
        .filter({ hasText: inspectedEnterprise })
        .filter({ hasText: '已完成' });
      await completedRow.click();
      await byTestId(page, 'documents-panel').waitFor();
      await byTestId(page, 'document-issue-inspection_record').click();
      const issued = byTestId(page, 'documents-panel').locator('tbody tr');
      await expect.poll(() => issued.count(), POLL).toBe(1);
      expect(await issued.first().textContent()).toMatch(/应急检记〔\d{4}〕\d+号/);
      const download = page.waitForEvent('download');
      await issued.first().getByRole('button', { name: 'DOCX' }).click();
      expect((await download).suggestedFilename()).toMatch(/\.docx$/);

      // 立案 from the inspection's failed item: the case runs with its statutory decision period.
      await byTestId(page, 'inspection-file-case').click();
      await waitForPath(page, '/enforcement/cases');
      await byTestId(page, 'case-file-submit').click();
      const caseRow = byTestId(page, 'cases-table')
        .locator('tbody tr')
        .filter({ hasText: inspectedEnterprise });
      await expect.poll(() => caseRow.count(), POLL).toBe(1);
      expect(await caseRow.textContent()).toContain('已立案');
      await caseRow.click();
      const limits = byTestId(page, 'statutory-deadlines').locator('tbody tr');
      await expect.poll(() => limits.count(), POLL).toBe(1);
      expect(await limits.first().textContent()).toContain('作出处罚决定期限');
    });
    await desk.context.close();
    expect(failures).toEqual([]);
  });
});
