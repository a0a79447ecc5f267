import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
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

const bootstrapPassword = inject('bootstrapPassword');
const HONGTA = '530402';
const OFFICER = { username: 'ht_duty', displayName: '李值班', password: 'Hongta-Duty#2026' };
const CITY = { username: 'yx_emergency', password: 'Yuxi-Emerg#2026ok' };
const SCHOOL = '演示红塔区研和中心小学';

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

interface Located {
  id: string;
  name: string;
  location: { lon: number; lat: number } | null;
}
interface Nearby {
  id: string;
  name: string;
  kind: string;
  distanceM: number;
  attributes: { specialties?: string[] };
}

/** An Element Plus number box: the testid sits on its wrapper. */
async function fillNumber(page: Page, testId: string, value: number): Promise<void> {
  const input = byTestId(page, testId).locator('input');
  await input.fill(String(value));
  await input.press('Tab');
}

describe('a duty officer records a chlorine release and commands the response', () => {
  let server: RunningServer;
  let browser: Browser;
  let city: ApiClient;
  let officerPassword = '';
  let plant: Located;
  const teams: Record<string, string> = {};

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startServer(bootstrapPassword, { demoData: true }),
      launchBrowser(),
    ]);
    const admin = new ApiClient(server.baseUrl);
    await admin.signIn('admin', bootstrapPassword);
    await admin.completeFirstLogin(bootstrapPassword, 'Yuxi-Sys#2026emergency');
    officerPassword = await createUser(admin, {
      username: OFFICER.username,
      displayName: OFFICER.displayName,
      organisation: '红塔区应急管理局',
      roles: ['county_officer'],
      scope: { kind: 'county', counties: [HONGTA] },
    });
    const cityPassword = await createUser(admin, {
      username: CITY.username,
      displayName: '市局应急指挥中心',
      roles: ['city_officer'],
      scope: { kind: 'city' },
    });
    city = new ApiClient(server.baseUrl);
    await city.signIn(CITY.username, cityPassword);
    await city.completeFirstLogin(cityPassword, CITY.password);

    // A chemical producer of 红塔区 from the demo registry.
    const chemical = await city.call<{ items: Located[] }>(
      'GET',
      `/enterprises?county=${HONGTA}&sector=hazchem_production&pageSize=50`,
    );
    plant = chemical.items.find((e) => e.location)!;
    expect(plant, 'the demo registry has a located chemical producer in 红塔区').toBeDefined();

    // Round the plant: a fire team nearest of all, a hazmat team 1.2 km north, another 3 km west,
    // and a school 600 m downwind (east) of a west wind.
    const { lon, lat } = plant.location!;
    const put = async (body: Record<string, unknown>) =>
      (await city.call<{ id: string }>('POST', '/emergency/resources', { county: HONGTA, ...body })).id;
    const team = (name: string, specialty: string, dLon: number, dLat: number) =>
      put({
        kind: 'team',
        name,
        location: { lon: lon + dLon, lat: lat + dLat },
        teamType: 'professional',
        specialties: [specialty],
        members: 30,
      });
    teams.fire = await team('红塔区消防救援站', 'fire', 0.004, 0);
    teams.hazmatNear = await team('红塔区危化品专业救援队', 'hazmat', 0, 0.011);
    teams.hazmatFar = await team('玉溪市危化品应急救援中队', 'hazmat', -0.03, 0);
    await put({ kind: 'school', name: SCHOOL, location: { lon: lon + 0.006, lat }, pupils: 800 });
  });

  afterAll(async () => {
    await browser?.close();
    if (server) await stopServer(server, process.env.E2E_KEEP_DATA === '1');
  });

  it('reports the accident, draws the plume zones, dispatches the nearest hazmat team and sees each step', async () => {
    const { lon, lat } = plant.location!;
    const around = await city.call<{ items: Nearby[] }>(
      'GET',
      `/emergency/resources/nearby?lon=${lon}&lat=${lat}&radiusM=5000&kinds=team`,
    );
    const nearestHazmat = around.items.find((r) => r.attributes.specialties?.includes('hazmat'))!;
    // Demo data may hold teams of its own; ours guarantee a hazmat team behind a nearer fire team.
    expect(around.items.findIndex((r) => r.id === teams.fire)).toBeLessThan(
      around.items.findIndex((r) => r.id === nearestHazmat.id),
    );

    const officer = await newPage(browser);
    await withEvidence(officer, 'emergency-officer', async () => {
      const { page } = officer;
      await signIn(page, server.baseUrl, OFFICER.username, officerPassword);
      await changeInitialPassword(page, officerPassword, OFFICER.password);
      await enrolTotp(page);
      await waitForPath(page, '/workbench');

      // 指挥调度 › 事故信息 › 事故报告.
      await page.locator('[data-testid="menu-item"][data-key="incidents"]').click();
      await waitForPath(page, '/emergency/incidents');
      await byTestId(page, 'incident-create').click();
      await byTestId(page, 'incident-report-drawer').waitFor();
      await byTestId(page, 'incident-form-type').click();
      // An accident today is classified by GB 6441-2025 (from 2026-07-01): 中毒, not 1986's 中毒和窒息.
      await pickOption(page, '中毒');
      await byTestId(page, 'incident-form-enterprise').locator('input').fill(plant.name.slice(0, 8));
      await pickOption(page, plant.name);
      // The enterprise gives the county and the position; the officer names the exact place.
      await expect
        .poll(() => byTestId(page, 'incident-form-lon').locator('input').inputValue(), POLL)
        .not.toBe('');
      await byTestId(page, 'incident-form-location').fill(`${plant.name}液氯储罐区`);
      await fillNumber(page, 'incident-form-injuries', 2);
      await byTestId(page, 'incident-form-description').fill('液氯储罐出料阀泄漏，2 名操作工吸入氯气送医');
      const reported = page.waitForResponse(
        (r) => r.url().endsWith('/api/v1/incidents') && r.request().method() === 'POST',
      );
      await byTestId(page, 'incident-form-submit').click();
      const incident = (await (await reported).json()) as { id: string; level: string; enterpriseId: string };
      expect(incident.enterpriseId).toBe(plant.id);
      expect(incident.level).toBe('general');
      await waitForPath(page, `/emergency/incidents/${incident.id}`);
      await page.locator('[data-testid="incident-command-page"][data-ready="true"]').waitFor();
      expect(await byTestId(page, 'incident-head').getAttribute('data-level')).toBe('general');
      // The unit's and the county's reports are made by recording it; the city's 2 hours are running.
      const cityStep = page.locator('[data-testid="incident-timer"][data-step="county_to_city"]');
      expect(await cityStep.getAttribute('data-state')).toBe('running');

      // 辅助决策: 2 kg/s of chlorine, west wind 3 m/s, class D.
      await byTestId(page, 'incident-tab-decision').click();
      await fillNumber(page, 'consequence-rate', 2);
      await fillNumber(page, 'consequence-wind-speed', 3);
      await fillNumber(page, 'consequence-wind-from', 270);
      const calculated = page.waitForResponse((r) => r.url().includes('/api/v1/calc/consequence/footprint'));
      await byTestId(page, 'consequence-run').click();
      const footprint = (await (await calculated).json()) as {
        model: { id: string };
        zones: { status: string }[];
        evacuation: { suggestedEvacuationRadiusM: number };
        weather: { downwindBearingDeg: number };
      };
      expect(footprint.weather.downwindBearingDeg).toBe(90);
      const result = byTestId(page, 'consequence-result');
      await result.waitFor();
      expect(await result.getAttribute('data-model')).toBe(footprint.model.id);
      expect(await byTestId(page, 'consequence-evacuation').getAttribute('data-radius')).toBe(
        String(footprint.evacuation.suggestedEvacuationRadiusM),
      );
      const zones = byTestId(page, 'consequence-zone');
      expect(await zones.count()).toBe(footprint.zones.length);
      expect(await zones.evaluateAll((els) => els.map((el) => el.getAttribute('data-colour')))).toEqual([
        'red',
        'orange',
        'yellow',
      ]);
      // Chlorine is a dense gas: the Gaussian answer is flagged as a screening estimate.
      expect(await byTestId(page, 'consequence-warning').count()).toBeGreaterThan(0);
      // The zones are on the map: three footprints and the evacuation circle.
      await expect.poll(() => page.locator('.leaflet-zones-pane path').count(), POLL).toBe(4);
      // The school 600 m downwind lies inside a zone; so does the plant itself.
      const school = byTestId(page, 'consequence-place').filter({ hasText: SCHOOL });
      expect(await school.count()).toBe(1);
      expect(await school.getAttribute('data-kind')).toBe('school');
      await byTestId(page, 'consequence-record').click();
      await page
        .locator('[data-testid="timeline-event"][data-kind="note"]', { hasText: '辅助决策' })
        .waitFor();

      // 周边资源: the nearest hazmat team, not the nearer fire team, is dispatched.
      await byTestId(page, 'incident-tab-resources').click();
      await page.locator('[data-testid="resource-list"][data-loaded="true"]').waitFor();
      const teamRows = page.locator('[data-testid="resource-row"][data-kind="team"]');
      const order = await teamRows.evaluateAll((els) => els.map((el) => el.getAttribute('data-id')));
      const ours = new Set(Object.values(teams));
      expect(order.filter((id) => ours.has(id ?? ''))).toEqual([
        teams.fire,
        teams.hazmatNear,
        teams.hazmatFar,
      ]);
      const distances = await byTestId(page, 'resource-row').evaluateAll((els) =>
        els.map((el) => Number(el.getAttribute('data-distance'))),
      );
      expect(distances).toEqual([...distances].sort((a, b) => a - b));
      const hazmatRow = teamRows.filter({ hasText: '危化品' }).first();
      expect(await hazmatRow.getAttribute('data-id')).toBe(nearestHazmat.id);
      await hazmatRow.locator('[data-testid="resource-dispatch"]').click();

      // 调派任务: accepted (for the team, by phone here), en route, then on scene.
      const task = page.locator(`[data-testid="incident-task"][data-resource="${nearestHazmat.id}"]`);
      await task.waitFor();
      expect(await task.getAttribute('data-status')).toBe('dispatched');
      await task.locator('[data-testid="incident-task-advance"][data-next="accepted"]').click();
      await page.locator(`[data-testid="incident-task"][data-status="accepted"]`).waitFor();
      await task.locator('[data-testid="incident-task-advance"][data-next="en_route"]').click();
      await page.locator(`[data-testid="incident-task"][data-status="en_route"]`).waitFor();
      await task.locator('[data-testid="incident-task-advance"][data-next="on_scene"]').click();
      await page.locator(`[data-testid="incident-task"][data-status="on_scene"]`).waitFor();

      // 处置时间线: every step, newest first, with who did it.
      await byTestId(page, 'incident-tab-timeline').click();
      const events = byTestId(page, 'timeline-event');
      await expect.poll(() => events.count(), POLL).toBe(7);
      const rows = await events.evaluateAll((els) =>
        els.map((el) => ({
          kind: el.getAttribute('data-kind'),
          actor: el.querySelector('[data-testid="timeline-actor"]')?.textContent?.trim(),
          text: el.querySelector('[data-testid="timeline-text"]')?.textContent?.trim() ?? '',
        })),
      );
      expect(rows.map((r) => r.kind)).toEqual([
        'task_status',
        'task_status',
        'task_status',
        'dispatch',
        'note',
        'note',
        'report',
      ]);
      // Who did it by name (张建国), never the login.
      expect(rows.filter((r) => r.actor === OFFICER.displayName).map((r) => r.kind)).toEqual([
        'task_status',
        'task_status',
        'task_status',
        'dispatch',
        'note',
        'report',
      ]);
      expect(rows[0]!.text).toBe(`${nearestHazmat.name}：到达`);
      expect(rows[1]!.text).toBe(`${nearestHazmat.name}：出发`);
      expect(rows[2]!.text).toBe(`${nearestHazmat.name}：已接受`);
      expect(rows[3]!.text).toBe(`调派${nearestHazmat.name}`);
      expect(rows[4]!.text).toContain(`建议疏散半径 ${footprint.evacuation.suggestedEvacuationRadiusM} m`);
      expect(rows[5]!.text).toBe('事故等级：一般事故');
      expect(rows[6]!.text).toContain('重伤 2 人');

      // The server holds the same record.
      const stored = await city.call<{ tasks: { resourceId: string; status: string }[] }>(
        'GET',
        `/incidents/${incident.id}`,
      );
      expect(stored.tasks).toEqual([
        expect.objectContaining({ resourceId: nearestHazmat.id, status: 'on_scene' }),
      ]);
    });
    await officer.context.close();
  });
});
