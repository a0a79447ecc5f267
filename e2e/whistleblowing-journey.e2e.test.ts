import { mkdirSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
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
  chinaDay,
} from './support/browser.ts';
import { startServer, stopServer, type RunningServer } from './support/server.ts';
import { changeInitialPassword, enrolTotp, signIn } from './support/sign-in.ts';

const bootstrapPassword = inject('bootstrapPassword');
const JIANGCHUAN = '530403';
const PHONE = { width: 390, height: 844 };
const OFFICER = { username: 'jc_whistle', displayName: '孙受理', password: 'Whistle-Lake#2026ok' };
const DESCRIPTION = '仓库安全出口被锁闭，夜班无人值守，消防通道堆满货物';
const REPLY = '经核查，您反映的问题属实，已责令整改并依法处罚。';
const NAMED = { name: '王实名', idNumber: '11010519491231002X', phone: '13800138000' };
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
    console.error(`[e2e] ${name}: page trace\n${target.trace.join('\n')}`);
    throw error;
  }
}

/** A 4×4 PNG (a photo from the phone): the photo route accepts only real images. */
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
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.concat(Array.from({ length: 4 }, () => Buffer.from([0, ...Array(12).fill(90)])));
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

/** The text box of a Vant field, whether the data-testid sits on the input or around it. */
function fieldOf(page: Page, id: string) {
  return page
    .locator(
      `input[data-testid="${id}"], textarea[data-testid="${id}"], [data-testid="${id}"] input, [data-testid="${id}"] textarea`,
    )
    .first();
}

async function cityUser(
  admin: ApiClient,
  baseUrl: string,
  username: string,
  password: string,
): Promise<ApiClient> {
  const initial = await createUser(admin, {
    username,
    displayName: username,
    roles: ['city_officer'],
    scope: { kind: 'city' },
  });
  const client = new ApiClient(baseUrl);
  await client.signIn(username, initial);
  await client.completeFirstLogin(initial, password);
  return client;
}

interface Detail {
  id: string;
  status: string;
  hazardIds: string[];
  fineYuan: string | null;
  reporterLabel: string;
  reward: { status: string; amountYuan: string } | null;
}

describe('a whistleblower reports from a phone and follows the case to the reward', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: ApiClient;
  let handler: ApiClient;
  let approverA: ApiClient;
  let approverB: ApiClient;
  let officerPassword = '';
  let enterprise = { id: '', name: '' };

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startServer(bootstrapPassword, { demoData: true }),
      launchBrowser(),
    ]);
    admin = new ApiClient(server.baseUrl);
    await admin.signIn('admin', bootstrapPassword);
    await admin.completeFirstLogin(bootstrapPassword, 'Yuxi-Sys#2026whistle');
    officerPassword = await createUser(admin, {
      username: OFFICER.username,
      displayName: OFFICER.displayName,
      organisation: '江川区应急管理局',
      roles: ['county_officer'],
      scope: { kind: 'county', counties: [JIANGCHUAN] },
    });
    handler = await cityUser(admin, server.baseUrl, 'yx_whistle_handler', 'Lake-Handler#2026ok');
    approverA = await cityUser(admin, server.baseUrl, 'yx_whistle_a', 'Lake-Approver#2026a');
    approverB = await cityUser(admin, server.baseUrl, 'yx_whistle_b', 'Lake-Approver#2026b');
    // An operating one, by name: the public page suggests operating enterprises only, and the
    // default order (last changed) ties among demo enterprises, so the first could be a closed one.
    const found = await handler.call<{ items: { id: string; name: string }[] }>(
      'GET',
      `/enterprises?county=${JIANGCHUAN}&status=operating&sort=name&pageSize=5`,
    );
    enterprise = found.items[0]!;
  });

  afterAll(async () => {
    await browser?.close();
    if (server) await stopServer(server, process.env.E2E_KEEP_DATA === '1');
  });

  it('runs from an anonymous phone report with a photo to the outcome and reward seen with the code', async () => {
    const baseUrl = server.baseUrl;

    // 1. The public finds the page from the login page and reports anonymously, with a photo.
    const phone = await newPage(browser, PHONE);
    let queryCode = '';
    let secret = '';
    await withEvidence(phone, 'whistle-phone-report', async () => {
      const { page } = phone;
      await page.goto(`${baseUrl}/login`);
      await byTestId(page, 'login-whistle-link').click();
      await waitForPath(page, '/public/whistleblowing');
      await fieldOf(page, 'wb-description').fill(DESCRIPTION);
      await fieldOf(page, 'wb-enterprise').fill(enterprise.name);
      await byTestId(page, 'wb-enterprise-option').first().click();
      await fieldOf(page, 'wb-address').fill('江川区工业园区三号仓库');
      await byTestId(page, 'wb-photos-file').setInputFiles({
        name: 'site.png',
        mimeType: 'image/png',
        buffer: tinyPng(),
      });
      await expect.poll(() => byTestId(page, 'wb-photo-thumb').count(), { timeout: 30_000 }).toBe(1);
      await byTestId(page, 'wb-submit').click();
      await byTestId(page, 'wb-receipt').waitFor();
      queryCode = ((await byTestId(page, 'wb-receipt-code').textContent()) ?? '').trim();
      secret = ((await byTestId(page, 'wb-receipt-secret').textContent()) ?? '').trim();
      expect(queryCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      expect(secret).toMatch(/^[0-9A-Z]{20}$/);
      const body = (await page.locator('body').textContent()) ?? '';
      expect(body).toContain('密码只显示这一次');
      expect(body).not.toMatch(/[A-Za-z]{4,}_[a-z]+/);
    });

    // A real-name report sent the same way (its identity must never reach the staff pages).
    await fetch(`${baseUrl}/api/v1/public/whistleblowing/reports`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        category: 'illegal_operation',
        description: '无证人员从事电焊作业，未办理动火审批',
        county: JIANGCHUAN,
        anonymous: false,
        identity: NAMED,
        deviceId: 'journey-named-0123456789',
      }),
    }).then((r) => expect(r.status).toBe(201));

    // 2. Staff accept and assign; an inspection opens a hidden hazard and a case proposes a fine.
    const list = await handler.call<{ items: { id: string; queryCode: string; reporterLabel: string }[] }>(
      'GET',
      `/whistleblowing/reports?q=${encodeURIComponent(queryCode)}`,
    );
    const item = list.items.find((r) => r.queryCode === queryCode)!;
    expect(item.reporterLabel).toBe('匿名举报人');
    const report = `/whistleblowing/reports/${item.id}`;
    await handler.call('POST', `${report}/decision`, { decision: 'accept' });
    await handler.call('POST', `${report}/assignment`, { county: JIANGCHUAN, deadline: beijingDatePlus(20) });

    const rosterIds: string[] = [];
    for (const [index, name] of ['钱核查', '吴核查'].entries()) {
      const created = await handler.call<{ id: string }>('POST', '/enforcement/inspectors', {
        name,
        certificateNo: `WB2026E2E0${index}`,
        certificateExpiry: '2029-12-31',
        county: JIANGCHUAN,
        specialties: [],
        userId: null,
      });
      rosterIds.push(created.id);
    }
    await handler.call('POST', '/enforcement/checklist-items', {
      code: 'WB-01',
      text: '安全出口、疏散通道是否畅通',
      legalBasis: '《中华人民共和国安全生产法》第四十二条',
      sector: 'general',
      hazardCategory: '20',
      sortOrder: 0,
    });
    const inspection = await handler.call<{ id: string; items: { id: string }[] }>(
      'POST',
      '/enforcement/inspections',
      { enterpriseId: enterprise.id, inspectorIds: rosterIds, sectors: ['general'] },
    );
    await handler.call('POST', `/enforcement/inspections/${inspection.id}/start`);
    const started = await handler.call<{ items: { id: string }[] }>(
      'GET',
      `/enforcement/inspections/${inspection.id}`,
    );
    await handler.call('POST', `/enforcement/inspections/${inspection.id}/submit`, {
      clientSubmissionId: randomUUID(),
      results: started.items.map((i) => ({
        itemId: i.id,
        result: 'fail',
        note: '安全出口被锁闭',
        deadline: beijingDatePlus(10),
      })),
      finishedAt: new Date().toISOString(),
      final: true,
    });
    const inspected = await handler.call<{ hazardIds: string[] }>(
      'GET',
      `/enforcement/inspections/${inspection.id}`,
    );
    expect(inspected.hazardIds.length).toBeGreaterThan(0);
    const penalty = await handler.call<{ id: string }>('POST', '/enforcement/cases', {
      enterpriseId: enterprise.id,
      partyKind: 'organisation',
      partyName: enterprise.name,
      summary: '锁闭、封堵生产经营场所的安全出口',
      inspectionId: inspection.id,
    });
    await handler.call('POST', `/enforcement/cases/${penalty.id}/actions`, {
      action: 'start_investigation',
      investigatorIds: rosterIds,
    });
    await handler.call('POST', `/enforcement/cases/${penalty.id}/actions`, {
      action: 'issue_notice',
      proposal: { kinds: ['fine'], fineYuan: '40000' },
      servedOn: beijingDatePlus(0),
    });

    const verified = await handler.call<Detail>('POST', `${report}/verification`, {
      outcome: 'true',
      note: '现场检查属实，已立案并告知罚款',
      inspectionId: inspection.id,
      penaltyCaseId: penalty.id,
    });
    expect(verified).toMatchObject({
      status: 'verified',
      hazardIds: inspected.hazardIds,
      fineYuan: '40000.00',
    });
    await handler.call('POST', `${report}/reply`, { body: REPLY });

    // 3. The reward: 15 % of ¥40,000 proposed, approved by two people other than the proposer.
    const proposed = await handler.call<Detail>('POST', `${report}/reward`, {});
    expect(proposed.reward).toMatchObject({ status: 'proposed', amountYuan: '6000.00' });
    await approverA.call('POST', `${report}/reward/approval`, {});
    const approved = await approverB.call<Detail>('POST', `${report}/reward/approval`, {});
    expect(approved.reward?.status).toBe('approved');

    // 4. The reporter looks the case up on the phone with the code and the secret.
    await withEvidence(phone, 'whistle-phone-lookup', async () => {
      const { page } = phone;
      await page.goto(`${baseUrl}/public/whistleblowing`);
      await page.locator('.van-tab').nth(1).click();
      await fieldOf(page, 'wb-lookup-code').fill(queryCode);
      await fieldOf(page, 'wb-lookup-secret').fill(secret);
      await byTestId(page, 'wb-lookup-submit').click();
      await byTestId(page, 'wb-view').waitFor();
      await page.locator('[data-testid="wb-view-status"][data-status="replied"]').waitFor();
      await expect.poll(() => byTestId(page, 'wb-view-outcome').textContent()).toContain('属实');
      const reward = (await byTestId(page, 'wb-view-reward').textContent()) ?? '';
      expect(reward).toContain('6000.00元');
      expect(reward).toContain('已审批');
      expect(await byTestId(page, 'wb-view').textContent()).toContain('已答复');
      expect(await page.locator('[data-testid="wb-view-message"]').allTextContents()).toEqual(
        expect.arrayContaining([expect.stringContaining(REPLY)]),
      );
      await fieldOf(page, 'wb-more').fill('锁闭的还有二号仓库的后门');
      await byTestId(page, 'wb-more-submit').click();
      await expect
        .poll(() => page.locator('[data-testid="wb-view-message"][data-from="reporter"]').count())
        .toBe(1);
    });

    // 5. The county officer's staff page lists both reports and never shows an identity.
    const officer = await newPage(browser);
    await withEvidence(officer, 'whistle-staff', async () => {
      const { page } = officer;
      await signIn(page, baseUrl, OFFICER.username, officerPassword);
      await changeInitialPassword(page, officerPassword, OFFICER.password);
      await enrolTotp(page);
      await waitForPath(page, '/workbench');
      await page.goto(`${baseUrl}/whistleblowing`);
      const rows = page.locator('.el-table__body tr');
      await expect.poll(() => rows.filter({ hasText: queryCode }).count()).toBe(1);
      // The journey's real-name report and the demo's: a pseudonym each, never the identity.
      await expect.poll(() => rows.filter({ hasText: '实名举报人' }).count()).toBeGreaterThanOrEqual(1);
      for (const label of await rows.filter({ hasText: '实名举报人' }).allTextContents())
        expect(label).toMatch(/实名举报人 [0-9A-Z]{4}/);
      const text = (await page.locator('body').textContent()) ?? '';
      for (const part of Object.values(NAMED)) expect(text).not.toContain(part);
      expect(await byTestId(page, 'whistle-identity').count()).toBe(0);

      // A report still 待受理: 受理, then 交办区县 through the step form (a county, a deadline).
      const waiting = rows.filter({ hasText: '待受理' }).first();
      const code = (await waiting.locator('td').nth(1).textContent())!.trim();
      const row = rows.filter({ hasText: code });
      await row.click();
      await byTestId(page, 'whistle-accept').click();
      await expect
        .poll(() => page.locator('.el-dialog:visible .confirm').textContent())
        .toBe('确认办理这一步吗？');
      await byTestId(page, 'whistle-step-save').click();
      await expect.poll(() => row.textContent()).toContain('已受理');
      await byTestId(page, 'whistle-assign').click();
      await byTestId(page, 'whistle-step-county').click();
      await pickOption(page, '江川区');
      const deadline = page.locator('.el-dialog:visible .el-date-editor input');
      await deadline.fill(chinaDay(15));
      await deadline.press('Enter');
      await byTestId(page, 'whistle-step-save').click();
      await expect
        .poll(() => page.locator('.el-drawer').textContent())
        .toContain(`江川区 · 办理期限 ${chinaDay(15)}`);
    });
    await phone.context.close();
    await officer.context.close();
  });
});
