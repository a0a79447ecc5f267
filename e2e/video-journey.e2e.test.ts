import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  httpTransport,
  Simulator,
  type SimulatedPoint,
} from '../packages/server/src/modules/monitoring/simulator.ts';
import type { ApiClient } from './support/api.ts';
import { createUser, signedInUser, signInAdmin } from './support/api.ts';
import { byTestId, launchBrowser, newPage, waitForPath, type TestPage } from './support/browser.ts';
import { startServer, stopServer, type RunningServer } from './support/server.ts';
import { changeInitialPassword, enrolTotp, signIn } from './support/sign-in.ts';

const bootstrapPassword = inject('bootstrapPassword');
const CITY = { username: 'yx_video_city', password: 'Yuxi-Video#2026' };
const OFFICER = { username: 'county_video', displayName: '值班员段', password: 'Video-Officer#2026' };
/** A combustible-gas detector at the camera's site: level-2 (red) at 40 %LEL. */
const POINT = {
  code: `E2E-VG${Date.now() % 1_000_000}`,
  name: '演练视频罐区可燃气体探测器',
  type: 'combustible_gas',
  unit: '%LEL',
  range: { min: 0, max: 100 },
  expectedIntervalSeconds: 60,
  thresholds: { scheme: 'process', H: { value: 20 }, HH: { value: 40, colour: 'red' } },
} satisfies SimulatedPoint & { name: string; unit: string };

const artifacts = path.join(import.meta.dirname, 'artifacts');
const POLL = { timeout: 60_000, interval: 500 };

interface Camera {
  id: string;
  name: string;
  county: string;
  enterpriseId: string;
  objectId: string | null;
  streamRef: string;
  gatewayId: string;
  status: string;
}

/** Asks until the answer is what is wanted (set-up runs outside a test, where expect.poll cannot). */
async function until<T>(ask: () => Promise<T>, wanted: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + POLL.timeout;
  for (;;) {
    const value = await ask();
    if (wanted(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, POLL.interval));
  }
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

describe('a duty officer opens an alarm and watches the nearest camera play the local test stream', () => {
  let server: RunningServer;
  let browser: Browser;
  let city: ApiClient;
  let camera: Camera;
  let alarmId = '';
  let officerPassword = '';
  let simulator: Simulator | undefined;
  let simulatedNow = Date.now();

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startServer(bootstrapPassword, { demoData: true }),
      launchBrowser(),
    ]);
    const admin = await signInAdmin(server.baseUrl, bootstrapPassword, 'Yuxi-Sys#2026video');
    city = await signedInUser(admin, server.baseUrl, {
      username: CITY.username,
      displayName: '市局视频管理员',
      roles: ['city_officer'],
      scope: { kind: 'city' },
      password: CITY.password,
    });

    // The demo's cameras on the test gateway's live playlist (演示), each watching a demo site.
    const cameras = await city.call<{ items: Camera[] }>(
      'GET',
      '/video/cameras?gatewayId=local-test&pageSize=100',
    );
    const live = cameras.items.filter((c) => c.streamRef === 'index.m3u8' && c.objectId);
    expect(live.length, 'the demo has cameras on the local test stream').toBeGreaterThanOrEqual(2);
    camera = live[0]!;
    // The online check finds the test pattern running (ffmpeg) within its first runs.
    await until(
      async () => {
        await city.call('POST', '/video/status-check');
        return (await city.call<Camera>('GET', `/video/cameras/${camera.id}`)).status;
      },
      (status) => status === 'online',
      'the test camera online',
    );

    // A gas detector at the camera's site goes red: the alarm.
    const point = await city.call<{ id: string }>('POST', '/monitoring/points', {
      ...POINT,
      objectId: camera.objectId,
    });
    const { token } = await city.call<{ token: string }>('POST', '/monitoring/device-tokens', {
      name: '演练视频罐区数采网关',
      enterpriseId: camera.enterpriseId,
    });
    simulator = new Simulator({
      devices: [{ token, enterpriseId: camera.enterpriseId, points: [POINT] }],
      transport: httpTransport(server.baseUrl),
      intervalMs: 60_000,
      randomExcursionEveryMs: 0,
      excursionMs: 10 * 60_000,
      now: () => simulatedNow,
    });
    simulatedNow = Date.now() - 60_000;
    await simulator.step();
    simulator.excursion(POINT.code);
    simulatedNow = Date.now();
    await simulator.step();
    alarmId = await until(
      async () => {
        const alarms = await city.call<{ items: { id: string }[] }>(
          'GET',
          `/monitoring/alarms?open=true&pointId=${point.id}`,
        );
        return alarms.items[0]?.id ?? '';
      },
      (id) => id !== '',
      'the alarm raised',
    );

    officerPassword = await createUser(admin, {
      username: OFFICER.username,
      displayName: OFFICER.displayName,
      organisation: '县应急管理局值班室',
      roles: ['county_officer'],
      scope: { kind: 'county', counties: [camera.county] },
    });
  });

  afterAll(async () => {
    await simulator?.stop();
    await browser?.close();
    if (server) await stopServer(server, process.env.E2E_KEEP_DATA === '1');
  });

  it('shows the cameras nearest the alarm and plays the nearest one (the video’s time advances)', async () => {
    const officer = await newPage(browser);
    await withEvidence(officer, 'video-officer', async () => {
      const { page } = officer;
      await signIn(page, server.baseUrl, OFFICER.username, officerPassword);
      await changeInitialPassword(page, officerPassword, OFFICER.password);
      await enrolTotp(page);
      await waitForPath(page, '/workbench');

      await page.goto(`${server.baseUrl}/monitoring/alarms/${alarmId}`);
      await byTestId(page, 'alarm-detail-page').waitFor();
      const nearby = byTestId(page, 'alarm-cameras');
      await nearby.locator('[data-testid="nearby-camera"]').first().waitFor();
      const first = nearby.locator('[data-testid="nearby-camera"]').first();
      expect(await first.textContent()).toContain(camera.name);
      expect(await first.getAttribute('data-status')).toBe('online');

      // The player starts and plays frames: its clock moves on.
      await nearby
        .locator('[data-testid="camera-player"][data-state="playing"]')
        .waitFor({ timeout: 60_000 });
      const video = nearby.locator('[data-testid="camera-video"]');
      const started = await video.evaluate((v: HTMLVideoElement) => v.currentTime);
      await expect
        .poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), {
          timeout: 20_000,
          interval: 250,
        })
        .toBeGreaterThan(started + 1);
      const frames = await video.evaluate(
        (v: HTMLVideoElement) => v.getVideoPlaybackQuality().totalVideoFrames,
      );
      expect(frames).toBeGreaterThan(10);
      console.log(`[e2e] camera played ${frames} frames`);

      // 抓拍取证: a frame of the stream stored as an attachment (usable as a hazard report's photo).
      await nearby.locator('[data-testid="camera-snapshot"]').click();
      const snapshot = nearby.locator('[data-testid="camera-snapshot-result"] img');
      await snapshot.waitFor();
      await expect
        .poll(() => snapshot.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), POLL)
        .toBe(426);

      // The camera register lists the demo cameras with their online rate.
      await page.goto(`${server.baseUrl}/video/cameras`);
      await byTestId(page, 'video-rates').waitFor();
      await expect.poll(() => byTestId(page, 'video-rate-total').textContent(), POLL).toMatch(/%$/);
    });
  });
});
