import jsQR from 'jsqr';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ApiClient } from './support/api.ts';
import { createUser, signedInUser, signInAdmin } from './support/api.ts';
import {
  byTestId,
  launchBrowser,
  newPage,
  pickOption,
  waitForPath,
  type TestPage,
} from './support/browser.ts';
import { withEvidence } from './support/evidence.ts';
import { startServer, stopServer, type RunningServer } from './support/server.ts';
import { changeInitialPassword, enrolTotp, signIn } from './support/sign-in.ts';

const bootstrapPassword = inject('bootstrapPassword');
const SETUP = { username: 'yx_oblig_setup', password: 'Yuxi-Setup#2026oblig' };
const INSPECTOR = { username: 'oblig_inspector', password: 'Inspector-Papers#2026' };
const OFFICER = { username: 'yx_oblig_officer', password: 'Yuxi-Papers#2026ok' };
/** A welder-electrician whose operation certificate lapsed: the gap the inspector finds on site. */
const WORKER = { name: '孙演练', certificate: 'YX-E2E-2019-0007' };
/** Submitted the Friday before the 2026 中秋 and 国庆 holidays (make-up working days 09-20 and 10-10). */
const RENEWAL = {
  submittedOn: '2026-09-18',
  // Five working days, the submission day not counted: 09-20 (Sunday, a make-up working day), 21, 22, 23, 24.
  acceptBy: '2026-09-24',
  acceptedOn: '2026-09-24',
  // Forty-five working days from acceptance, skipping 09-25…27 and 10-01…07 and counting Saturday 10-10.
  decideBy: '2026-12-03',
  reviewedOn: '2026-11-20',
  decidedOn: '2026-12-01',
};
const PROJECT = '江川演练化工仓储扩建工程';
const POLL = { timeout: 45_000, interval: 250 };

interface InspectionAnswer {
  id: string;
  status: string;
  items: { text: string; result: string | null; legalBasis: string }[];
}

/** The forced first sign-in in the browser: own password, then TOTP enrolment. */
async function firstSignIn(page: Page, baseUrl: string, user: typeof OFFICER, initial: string) {
  await signIn(page, baseUrl, user.username, initial);
  await changeInitialPassword(page, initial, user.password);
  await enrolTotp(page);
  await waitForPath(page, '/workbench');
}

/** Types a date into the open dialog's (first) Element Plus date picker. */
async function fillDate(page: Page, date: string) {
  const input = page.locator('.el-dialog:visible .el-date-editor input').first();
  await input.fill(date);
  await input.press('Enter');
}

/** What the QR code on the page says, read from a screenshot of it as a phone camera would. */
async function readQrCode(page: Page, testId: string): Promise<string | null> {
  const png = PNG.sync.read(await byTestId(page, testId).screenshot());
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}

async function searchList(page: Page, keyword: string) {
  await byTestId(page, 'search-form').locator('input').first().fill(keyword);
  await byTestId(page, 'search-submit').click();
}

describe('people, papers and projects', () => {
  let server: RunningServer;
  let browser: Browser;
  let setup: ApiClient;
  let inspectorPassword = '';
  let officerPassword = '';
  let inspectionId = '';
  let enterprise = { id: '', name: '', county: '' };
  let uninsured = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startServer(bootstrapPassword, { demoData: true }),
      launchBrowser(),
    ]);
    const admin = await signInAdmin(server.baseUrl, bootstrapPassword, 'Yuxi-Sys#2026papers');
    setup = await signedInUser(admin, server.baseUrl, {
      username: SETUP.username,
      displayName: '市局安全生产基础科',
      roles: ['city_officer'],
      scope: { kind: 'city' },
      password: SETUP.password,
    });

    // A demo site with key-post people (演示) and, outside its register, our worker's lapsed card.
    const people = await setup.call<{
      items: { enterpriseId: string; enterpriseName: string; county: string }[];
    }>('GET', '/obligations/people?post=special_operation&pageSize=50');
    const site = people.items[0]!;
    enterprise = { id: site.enterpriseId, name: site.enterpriseName, county: site.county };
    const worker = await setup.call<{ id: string }>('POST', '/obligations/people', {
      enterpriseId: enterprise.id,
      name: WORKER.name,
      post: 'special_operation',
      operation: 'electrical',
      position: '电工',
    });
    await setup.call('POST', `/obligations/people/${worker.id}/certificates`, {
      kind: 'special_operation',
      number: WORKER.certificate,
      operation: 'electrical',
      authority: '云南省应急管理厅',
      issuedOn: '2019-03-01',
      expiresOn: '2025-03-01',
    });

    // The county's inspector (signs in on the phone) and a colleague; an ad hoc inspection of the site.
    inspectorPassword = await createUser(admin, {
      username: INSPECTOR.username,
      displayName: '钱执法',
      organisation: '应急管理综合行政执法大队',
      roles: ['inspector'],
      scope: { kind: 'county', counties: [enterprise.county] },
    });
    officerPassword = await createUser(admin, {
      username: OFFICER.username,
      displayName: '市局行政审批科',
      roles: ['city_officer'],
      scope: { kind: 'city' },
    });
    const users = await admin.call<{ items: { id: string; username: string }[] }>(
      'GET',
      `/users?q=${INSPECTOR.username}`,
    );
    const inspectorUserId = users.items.find((u) => u.username === INSPECTOR.username)!.id;
    const roster: string[] = [];
    for (const [index, name] of ['钱执法', '吴检查'].entries()) {
      const entry = await setup.call<{ id: string }>('POST', '/enforcement/inspectors', {
        name,
        certificateNo: `OBL2026E2E0${index + 1}`,
        certificateExpiry: '2029-12-31',
        county: enterprise.county,
        specialties: [],
        userId: index === 0 ? inspectorUserId : null,
      });
      roster.push(entry.id);
    }
    const inspection = await setup.call<{ id: string }>('POST', '/enforcement/inspections', {
      enterpriseId: enterprise.id,
      inspectorIds: roster,
    });
    inspectionId = inspection.id;

    // The coverage rule's subject: a demo (演示) unit of a mandatory sector without a valid policy.
    const coverage = await setup.call<{ items: { enterpriseName: string; status: string }[] }>(
      'GET',
      '/obligations/coverage?status=gaps&q=演示&pageSize=100',
    );
    uninsured = coverage.items.find((row) => row.status === 'uninsured')!.enterpriseName;
  });

  afterAll(async () => {
    await browser?.close();
    if (server) await stopServer(server, process.env.E2E_KEEP_DATA === '1');
  });

  it('an inspector finds a lapsed certificate on the phone and it becomes a failed finding', async () => {
    const phone: TestPage = await newPage(browser, { width: 390, height: 844 });
    await withEvidence(phone, 'obligations-inspector', async () => {
      const { page } = phone;
      await firstSignIn(page, server.baseUrl, INSPECTOR, inspectorPassword);
      await page.goto(`${server.baseUrl}/enforcement/m/inspections`);
      await page.locator(`[data-testid="my-inspection"][data-id="${inspectionId}"]`).click();
      await waitForPath(page, `/enforcement/m/inspections/${inspectionId}`);

      // The number on the worker's card: the certificate is found, and it has lapsed.
      const check = byTestId(page, 'certificate-check');
      await check.waitFor();
      await byTestId(page, 'certificate-number').locator('input').fill(WORKER.certificate);
      await byTestId(page, 'certificate-lookup').click();
      const result = byTestId(page, 'certificate-result');
      await result.waitFor();
      expect(await result.textContent()).toContain(WORKER.name);
      expect(await result.textContent()).toContain('已过期');
      expect(await result.textContent()).toContain(enterprise.name);

      // The site's gaps list the worker; recording it adds a failed item to this inspection.
      const gap = byTestId(page, 'certificate-gap').filter({ hasText: WORKER.name });
      expect(await gap.textContent()).toContain('特种作业人员无有效操作证上岗');
      await gap.locator('[data-testid="gap-to-finding"]').click();
      const item = byTestId(page, 'checklist-item').filter({ hasText: WORKER.name });
      await item.waitFor();
      expect(await item.textContent()).toContain('《安全生产法》第三十条');
      // On the phone it is answered as failed, waiting for its rectification deadline.
      const index = await item.getAttribute('data-index');
      await page.locator(`[data-testid="item-${index}-fail"] .van-radio__icon--checked`).waitFor();
      await page.locator(`[data-testid="item-${index}-deadline"]`).waitFor();

      // The worker's printed certificate card: its QR code, read like a camera would, opens the
      // check of that certificate, which the register answers (lapsed) at once.
      await page.goto(`${server.baseUrl}/obligations/certificates/${WORKER.certificate}/card`);
      expect(await byTestId(page, 'certificate-card-holder').textContent()).toBe(WORKER.name);
      await byTestId(page, 'certificate-card-qr').locator('svg').waitFor();
      const address = await readQrCode(page, 'certificate-card-qr');
      expect(address).toBe(`${server.baseUrl}/obligations/m/certificates?no=${WORKER.certificate}`);
      await page.goto(address!);
      const scanned = byTestId(page, 'certificate-result');
      await scanned.waitFor();
      expect(await scanned.textContent()).toContain(WORKER.name);
      expect(await scanned.textContent()).toContain('已过期');
    });
    await phone.context.close();

    const stored = await setup.call<InspectionAnswer>('GET', `/enforcement/inspections/${inspectionId}`);
    expect(stored.status).toBe('in_progress');
    const findings = stored.items.filter((i) => i.text.includes(WORKER.name));
    expect(findings).toEqual([
      {
        ...findings[0],
        text: expect.stringContaining('特种作业人员未持有效特种作业操作证上岗'),
        result: 'fail',
        legalBasis: '《安全生产法》第三十条',
      },
    ]);
  });

  it('shows the uninsured unit, walks a licence renewal and a project through their steps', async () => {
    const desk = await newPage(browser);
    await withEvidence(desk, 'obligations-officer', async () => {
      const { page } = desk;
      await firstSignIn(page, server.baseUrl, OFFICER, officerPassword);

      // 安责险: the uninsured high-risk unit is on the coverage list (gaps only, the default).
      await page.goto(`${server.baseUrl}/obligations/coverage`);
      const coverage = byTestId(page, 'obligations-coverage-table');
      await coverage.waitFor();
      await searchList(page, uninsured);
      const row = coverage.locator('tbody tr').filter({ hasText: uninsured });
      await expect.poll(() => row.count(), POLL).toBe(1);
      expect(await row.textContent()).toContain('未投保或保单已过期');

      // A renewal of the site's 安全生产许可证, from submission to decision.
      await page.goto(`${server.baseUrl}/obligations/licences`);
      const licences = byTestId(page, 'obligations-licences-table');
      await licences.waitFor();
      await byTestId(page, 'licence-create').click();
      const picker = page.locator('.el-dialog:visible [data-testid="enterprise-picker"]');
      await picker.click();
      await picker.locator('input').fill(enterprise.name);
      await pickOption(page, enterprise.name);
      await fillDate(page, RENEWAL.submittedOn);
      await byTestId(page, 'licence-save').click();
      await searchList(page, enterprise.name);
      const renewal = licences.locator('tbody tr').filter({ hasText: RENEWAL.submittedOn });
      await expect.poll(() => renewal.count(), POLL).toBe(1);
      expect(await renewal.textContent()).toContain('已申请');
      expect(await renewal.textContent()).toContain('延期换证');
      expect(await renewal.textContent()).toContain('5 个工作日受理，45 个工作日决定');
      expect(await renewal.locator('[data-testid="licence-decide-by"]').textContent()).toBe(RENEWAL.acceptBy);

      const steps = [
        { action: '受理', on: RENEWAL.acceptedOn, shown: '已受理' },
        { action: '审查', on: RENEWAL.reviewedOn, shown: '已审查' },
        { action: '决定', on: RENEWAL.decidedOn, shown: '已决定' },
      ];
      for (const step of steps) {
        const next = renewal.locator('[data-testid="licence-next-step"]');
        expect(await next.textContent()).toContain(step.action);
        await next.click();
        await fillDate(page, step.on);
        await byTestId(page, 'licence-step-save').click();
        await expect.poll(() => renewal.textContent(), POLL).toContain(step.shown);
        expect(await renewal.locator('[data-testid="licence-decide-by"]').textContent()).toBe(
          RENEWAL.decideBy,
        );
      }
      expect(await renewal.locator('[data-testid="licence-next-step"]').count()).toBe(0);
      const applications = await setup.call<{ items: Record<string, unknown>[] }>(
        'GET',
        `/obligations/licence-applications?q=${encodeURIComponent(enterprise.name)}&pageSize=50`,
      );
      expect(applications.items.filter((a) => a.submittedOn === RENEWAL.submittedOn)).toEqual([
        expect.objectContaining({
          kind: 'renewal',
          step: 'decided',
          acceptedOn: RENEWAL.acceptedOn,
          reviewedOn: RENEWAL.reviewedOn,
          decidedOn: RENEWAL.decidedOn,
          approved: true,
          acceptBy: RENEWAL.acceptBy,
          decideBy: RENEWAL.decideBy,
          overdue: false,
        }),
      ]);
      // Decided two working days before its deadline: not overdue (the tag shown while it waited fades).
      await expect.poll(() => renewal.textContent(), POLL).not.toContain('已超期');

      // 三同时: a new project of the site passes its four steps and is accepted.
      await page.goto(`${server.baseUrl}/obligations/projects`);
      const projects = byTestId(page, 'obligations-projects-table');
      await projects.waitFor();
      await byTestId(page, 'project-create').click();
      const projectPicker = page.locator('.el-dialog:visible [data-testid="enterprise-picker"]');
      await projectPicker.click();
      await projectPicker.locator('input').fill(enterprise.name);
      await pickOption(page, enterprise.name);
      await page.locator('.el-dialog:visible input[maxlength="120"]').first().fill(PROJECT);
      await byTestId(page, 'project-save').click();
      await searchList(page, PROJECT);
      const project = projects.locator('tbody tr').filter({ hasText: PROJECT });
      await expect.poll(() => project.count(), POLL).toBe(1);
      const projectSteps = [
        { step: '安全预评价', on: '2026-06-01', agency: '云南演练安全评价有限公司' },
        { step: '安全设施设计审查', on: '2026-07-15', agency: '' },
        { step: '施工', on: '2026-09-30', agency: '' },
        { step: '竣工验收', on: '2026-11-30', agency: '云南演练安全评价有限公司' },
      ];
      for (const [done, step] of projectSteps.entries()) {
        expect(await project.locator('.el-step__title.is-success').count()).toBe(done);
        const next = project.locator('[data-testid="project-next-step"]');
        expect((await next.textContent())?.trim()).toBe(step.step);
        await next.click();
        await fillDate(page, step.on);
        if (step.agency) {
          await page.locator('.el-dialog:visible input[maxlength="120"]').first().fill(step.agency);
        }
        await byTestId(page, 'project-step-save').click();
        await expect.poll(() => project.locator('.el-step__title.is-success').count(), POLL).toBe(done + 1);
      }
      expect(await project.textContent()).toContain('已竣工验收');
      expect(await project.locator('[data-testid="project-next-step"]').count()).toBe(0);
    });
    await desk.context.close();
  });
});
