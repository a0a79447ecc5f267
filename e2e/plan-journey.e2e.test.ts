import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ApiClient, createUser } from './support/api.ts';
import { byTestId, launchBrowser, newPage, waitForPath, pickOption, chinaDay } from './support/browser.ts';
import { PNG_PHOTO, withEvidence } from './support/evidence.ts';
import { startServer, stopServer, type RunningServer } from './support/server.ts';
import { changeInitialPassword, enrolTotp, signIn } from './support/sign-in.ts';

const bootstrapPassword = inject('bootstrapPassword');
const OFFICE = { username: 'yx_awb', displayName: '市安委办工作人员', password: 'Yuxi-Awb#2026plan' };
const UNIT = { username: 'yx_wenlv', displayName: '市文旅局安全员', password: 'Yuxi-Wenlv#2026plan' };
const UNIT_NAME = '市文化和旅游局';
const TASK = '3.4.10 强化文化和旅游业安全监管';
const CAMPAIGN = '文旅场所安全专项整治';
const ASSESSMENT = '安全生产目标责任考核（旅程）';
/** 20 days overdue: the ladder has reached 通报 (15 days) but not 约谈 (30). */
const OVERDUE = { title: '排查A级景区游乐设施', due: chinaDay(-20), deliverable: '排查台账' };
const LATER = { title: '年度工作总结', due: chinaDay(60), deliverable: '总结报告' };
const POLL = { timeout: 30_000, interval: 250 };

/**
 * First sign-in in the browser: one-time password, own password, TOTP, then the app (the plan
 * roles hold no workbench: they land on 规划任务).
 */
async function firstSignIn(page: Page, baseUrl: string, user: typeof OFFICE, initial: string) {
  await signIn(page, baseUrl, user.username, initial);
  await changeInitialPassword(page, initial, user.password);
  await enrolTotp(page);
  await waitForPath(page, '/plan/assignments');
}

/** 专项整治: picks the journey's campaign; its enterprise's row. */
async function campaignRow(page: Page, baseUrl: string, enterprise: string) {
  await page.goto(`${baseUrl}/plan/campaigns`);
  await byTestId(page, 'plan-campaign-select').click();
  await pickOption(page, CAMPAIGN);
  return byTestId(page, 'plan-objects-table').locator('tbody tr').filter({ hasText: enterprise });
}

/** The text of a DOCX's body (word/document.xml without its tags). */
async function docxText(file: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(file);
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&');
}

describe('the 安委办 runs the plan with a member unit: assign, report, escalate, assess, campaign, evaluate', () => {
  let server: RunningServer;
  let browser: Browser;
  let setup: ApiClient;
  let officePassword = '';
  let unitPassword = '';
  let unitId = '';
  let counties: Record<string, string> = {};
  let foreignAssignment = '';
  let enterpriseName = '';

  beforeAll(async () => {
    // The overdue ladder looks every 2 seconds here (600 by default).
    process.env.PLAN_ESCALATION_INTERVAL_SECONDS = '2';
    [server, browser] = await Promise.all([
      startServer(bootstrapPassword, { demoData: true }),
      launchBrowser(),
    ]);
    const admin = new ApiClient(server.baseUrl);
    await admin.signIn('admin', bootstrapPassword);
    await admin.completeFirstLogin(bootstrapPassword, 'Yuxi-Sys#2026plan');
    const setupPassword = await createUser(admin, {
      username: 'yx_awb_setup',
      displayName: '安委办数据准备',
      roles: ['safety_office'],
      scope: { kind: 'city' },
    });
    setup = new ApiClient(server.baseUrl);
    await setup.signIn('yx_awb_setup', setupPassword);
    await setup.completeFirstLogin(setupPassword, 'Yuxi-Setup#2026plan');
    officePassword = await createUser(admin, {
      username: OFFICE.username,
      displayName: OFFICE.displayName,
      roles: ['safety_office'],
      scope: { kind: 'city' },
    });
    unitPassword = await createUser(admin, {
      username: UNIT.username,
      displayName: UNIT.displayName,
      roles: ['department_officer'],
      scope: { kind: 'city' },
    });

    // The unit's account works for 市文化和旅游局.
    const orgs = await setup.call<{ id: string; code: string }[]>('GET', '/plan/organisations');
    const byCode = Object.fromEntries(orgs.map((o) => [o.code, o.id]));
    unitId = byCode['city-culture-tourism']!;
    const users = await admin.call<{ items: { id: string; username: string }[] }>(
      'GET',
      `/users?q=${UNIT.username}`,
    );
    const unitUser = users.items.find((u) => u.username === UNIT.username)!;
    await setup.call('PUT', `/plan/organisations/${unitId}/members`, { userIds: [unitUser.id] });
    counties = {
      红塔区人民政府: byCode['county-530402']!,
      江川区人民政府: byCode['county-530403']!,
      通海县人民政府: byCode['county-530423']!,
    };
    const demo = await setup.call<{ items: { id: string; organisationName: string }[] }>(
      'GET',
      '/plan/assignments?pageSize=50',
    );
    foreignAssignment = demo.items.find((a) => a.organisationName !== UNIT_NAME)!.id;

    // This year's assessment of three counties; two are scored here, one by the 安委办 in the page.
    const assessment = await setup.call<{ id: string }>('POST', '/plan/assessments', {
      year: 2026,
      name: ASSESSMENT,
      items: [
        { code: 'duty', name: '责任落实', maxScore: 60 },
        { code: 'hazards', name: '隐患治理', maxScore: 40 },
      ],
      organisationIds: Object.values(counties),
    });
    for (const [name, scores] of [
      ['江川区人民政府', { duty: 50, hazards: 35 }],
      ['通海县人民政府', { duty: 45, hazards: 30 }],
    ] as const)
      await setup.call('PUT', `/plan/assessments/${assessment.id}/scores`, {
        organisationId: counties[name],
        scores,
        veto: null,
      });

    // A campaign; the 安委办 adds its object in the page (below): one of the demo campaign's
    // enterprises, found by name.
    const [demoCampaign] = await setup.call<{ id: string }[]>('GET', '/plan/campaigns');
    const demoObjects = await setup.call<{ items: { enterpriseName: string }[] }>(
      'GET',
      `/plan/campaigns/${demoCampaign!.id}`,
    );
    enterpriseName = demoObjects.items[0]!.enterpriseName;
    await setup.call('POST', '/plan/campaigns', {
      name: CAMPAIGN,
      sector: '文化旅游',
      startDate: chinaDay(-30),
      endDate: chinaDay(90),
    });
  });

  afterAll(async () => {
    delete process.env.PLAN_ESCALATION_INTERVAL_SECONDS;
    await browser?.close();
    if (server) await stopServer(server, process.env.E2E_KEEP_DATA === '1');
  });

  it('runs the plan from assignment to the evaluation report', async () => {
    const office = await newPage(browser);
    const unit = await newPage(browser);
    const { baseUrl } = server;

    // 安委办: 规划任务 → 分解任务 to 市文化和旅游局 with one milestone already past its date.
    await withEvidence(office, 'plan-office-assign', async () => {
      const { page } = office;
      await firstSignIn(page, baseUrl, OFFICE, officePassword);
      await page.goto(`${baseUrl}/plan/assignments`);
      await byTestId(page, 'plan-assignments-table').waitFor();
      await byTestId(page, 'plan-assign').click();
      await byTestId(page, 'plan-task-select').click();
      await page.keyboard.type('3.4.10');
      await pickOption(page, TASK);
      await byTestId(page, 'plan-unit-select').click();
      await page.keyboard.type('文化和旅游');
      await pickOption(page, UNIT_NAME);
      const deadline = page.locator('.el-dialog:visible .el-date-editor input').first();
      await deadline.fill(chinaDay(90));
      await deadline.press('Enter');
      await byTestId(page, 'plan-milestones').fill(
        [OVERDUE, LATER].map((m) => `${m.title},${m.due},${m.deliverable}`).join('\n'),
      );
      await byTestId(page, 'plan-assign-save').click();
      const row = byTestId(page, 'plan-assignments-table').locator('tbody tr').filter({ hasText: UNIT_NAME });
      await expect.poll(() => row.count(), POLL).toBe(1);
      expect(await row.textContent()).toContain('强化文化和旅游业安全监管');
    });

    // The ladder runs by itself: 提醒, 警示 and 通报 for the milestone 20 days overdue, once each.
    const ours = async () =>
      (
        await setup.call<{ items: { organisationName: string; stepName: string }[] }>(
          'GET',
          '/plan/escalations?pageSize=100',
        )
      ).items
        .filter((e) => e.organisationName === UNIT_NAME)
        .map((e) => e.stepName)
        .sort();
    await expect.poll(ours, POLL).toEqual(['提醒', '警示', '通报'].sort());

    // The unit signs in: it sees its own task only, the overdue milestone at 通报, and reports progress.
    await withEvidence(unit, 'plan-unit-report', async () => {
      const { page } = unit;
      await firstSignIn(page, baseUrl, UNIT, unitPassword);
      await page.goto(`${baseUrl}/plan/assignments`);
      const rows = byTestId(page, 'plan-assignments-table').locator('tbody tr');
      await expect.poll(() => rows.count(), POLL).toBe(1);
      expect(await rows.first().textContent()).toContain(UNIT_NAME);
      const foreign = await page.evaluate(
        (id) => fetch(`/api/v1/plan/assignments/${id}`).then((r) => r.status),
        foreignAssignment,
      );
      expect(foreign).toBe(404);

      await rows.first().locator('[data-testid="plan-open"]').click();
      const milestones = byTestId(page, 'plan-milestones-table').locator('tbody tr');
      await expect.poll(() => milestones.count(), POLL).toBe(2);
      const overdue = milestones.filter({ hasText: OVERDUE.title });
      expect(await overdue.textContent()).toContain('已逾期');
      expect(await overdue.textContent()).toContain('通报');

      const form = byTestId(page, 'plan-report-form');
      const percent = form.locator('.el-input-number input');
      await percent.fill('40');
      await percent.press('Tab');
      await byTestId(page, 'plan-report-note').fill('已完成全市A级景区游乐设施排查，正在整改');
      const uploaded = page.waitForResponse(
        (r) => new URL(r.url()).pathname === '/api/v1/uploads' && r.status() === 201,
      );
      await byTestId(page, 'plan-evidence').setInputFiles(PNG_PHOTO);
      await uploaded;
      await form.getByText('1 份').waitFor();
      await byTestId(page, 'plan-report-submit').click();
      const timeline = page.locator('.el-timeline-item').filter({ hasText: '已完成全市A级景区游乐设施排查' });
      await timeline.waitFor();
      expect(await timeline.textContent()).toContain('40%');
      expect(await timeline.textContent()).toContain('佐证材料 1 份');
    });
    const detail = await setup.call<{
      items: { id: string; organisationName: string; percent: number }[];
    }>('GET', '/plan/assignments?pageSize=50');
    expect(detail.items.find((a) => a.organisationName === UNIT_NAME)).toMatchObject({ percent: 40 });

    // The 安委办 adds the campaign's object: an enterprise found by name, the unit that answers for it.
    await withEvidence(office, 'plan-office-campaign-object', async () => {
      const { page } = office;
      await page.goto(`${baseUrl}/plan/campaigns`);
      await byTestId(page, 'plan-campaign-select').click();
      await pickOption(page, CAMPAIGN);
      await byTestId(page, 'plan-object-add').click();
      await byTestId(page, 'plan-object-enterprise').click();
      await page.keyboard.type(enterpriseName.slice(0, 6));
      await pickOption(page, enterpriseName);
      await byTestId(page, 'plan-object-unit').click();
      await page.keyboard.type('文化和旅游');
      await pickOption(page, UNIT_NAME);
      await byTestId(page, 'plan-object-task').fill('游乐设施安全隐患整改');
      await byTestId(page, 'plan-object-save').click();
      const row = byTestId(page, 'plan-objects-table')
        .locator('tbody tr')
        .filter({ hasText: enterpriseName });
      await expect.poll(() => row.textContent(), POLL).toContain('游乐设施安全隐患整改');
    });

    // The unit closes its campaign object (销号); the 安委办 verifies it.
    await withEvidence(unit, 'plan-unit-campaign', async () => {
      const { page } = unit;
      const row = await campaignRow(page, baseUrl, enterpriseName);
      await expect.poll(() => row.count(), POLL).toBe(1);
      await row.locator('[data-testid="plan-object-close"]').click();
      await byTestId(page, 'plan-close-note').fill('游乐设施已检测合格，隐患整改完毕');
      await byTestId(page, 'plan-close-save').click();
      await expect.poll(() => row.textContent(), POLL).toContain('待验收');
    });
    await withEvidence(office, 'plan-office-verify', async () => {
      const { page } = office;
      const row = await campaignRow(page, baseUrl, enterpriseName);
      await expect.poll(() => row.textContent(), POLL).toContain('待验收');
      await row.locator('[data-testid="plan-object-verify"]').click();
      await expect.poll(() => row.textContent(), POLL).toContain('已验收');
    });

    // 目标责任考核: the 安委办 scores 红塔区; the ranking orders the three counties.
    await withEvidence(office, 'plan-office-assess', async () => {
      const { page } = office;
      await page.goto(`${baseUrl}/plan/assessments`);
      await byTestId(page, 'plan-assessment-select').click();
      await pickOption(page, ASSESSMENT);
      const table = byTestId(page, 'plan-ranking-table');
      const row = (name: string) => table.locator('tbody tr').filter({ hasText: name });
      await expect.poll(() => row('红塔区人民政府').count(), POLL).toBe(1);
      await row('红塔区人民政府').locator('[data-testid="plan-score"]').click();
      for (const [code, value] of [
        ['duty', '55'],
        ['hazards', '37.5'],
      ] as const) {
        const input = byTestId(page, `plan-score-${code}`).locator('input');
        await input.fill(value);
        await input.press('Tab');
      }
      await byTestId(page, 'plan-score-save').click();
      await expect
        .poll(() => table.locator('tbody tr').first().textContent(), POLL)
        .toContain('红塔区人民政府');
      const ranks = await table.locator('tbody tr').allTextContents();
      expect(ranks).toHaveLength(3);
      expect(ranks[0]).toMatch(/^1红塔区人民政府.*92\.5优秀/);
      expect(ranks[1]).toMatch(/^2江川区人民政府.*85良好/);
      expect(ranks[2]).toMatch(/^3通海县人民政府.*75合格/);

      // 下载通报（Word）: the notice opens and holds the ranking in order (a draft: not yet published).
      const download = page.waitForEvent('download');
      await byTestId(page, 'plan-assessment-notice').click();
      const notice = await download;
      expect(notice.suggestedFilename()).toMatch(/\.docx$/);
      const text = await docxText(readFileSync((await notice.path())!));
      expect(text).toContain(`关于2026年度${ASSESSMENT}结果的通报`);
      expect(text).toContain('（草稿：考核结果尚未通报）');
      const order = ['红塔区人民政府', '江川区人民政府', '通海县人民政府'].map((name) =>
        text.indexOf(`\n${name}\n`),
      );
      expect(order.every((at) => at > 0)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
      expect(text).toContain('1\n红塔区人民政府\n92.5\n优秀\n');
    });

    // 中期评估报告: downloaded as DOCX, opened, and it carries this journey's data.
    await withEvidence(office, 'plan-office-evaluation', async () => {
      const { page } = office;
      await page.goto(`${baseUrl}/plan/assignments`);
      await byTestId(page, 'plan-assignments-table').waitFor();
      const download = page.waitForEvent('download');
      await byTestId(page, 'plan-evaluation-mid').click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/\.docx$/);
      const text = await docxText(readFileSync((await file.path())!));
      expect(text).toContain('玉溪市“十四五”安全生产规划中期评估报告');
      expect(text).toContain('生产安全事故死亡人数');
      // By unit: one task, none finished, 40 %, one overdue milestone; 存在的问题 names that milestone
      // (each table cell is a paragraph of its own).
      expect(text).toContain(`${UNIT_NAME}\n1\n0\n40%\n1\n`);
      expect(text).toContain(`${UNIT_NAME}\n强化文化和旅游业安全监管\n${OVERDUE.title}\n${OVERDUE.due}\n`);
      // The mid-term is 2023's: no assessment of that year yet, the section says so.
      expect(text).toContain('七、目标责任考核结果\n本年度尚未开展考核。');
    });
    await office.context.close();
    await unit.context.close();
  });
});
