import { randomUUID } from 'node:crypto';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';
import { createPoint, deviceToken, gasPoint, monitoredSite } from './monitoring-fixtures.test-support.ts';
import { TELEMETRY_TOPIC } from './mqtt-subscriber.ts';

// The machine's real broker (Mosquitto in CI); MQTT_URL names it.
const MQTT_URL = process.env.MQTT_URL ?? 'mqtt://127.0.0.1:1883';
const COUNTY = '530403';

describe('telemetry through the MQTT broker', () => {
  let t: TestContext;
  let officer: Caller;
  let token: string;
  let publisher: mqtt.MqttClient;
  const clientId = `anjian-test-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    t = await createTestContext({
      AUTH_TOTP_REQUIRED: 'false',
      MQTT_URL,
      MQTT_CLIENT_ID: clientId,
      MQTT_CONNECTIONS: '2',
      MQTT_SESSION_EXPIRY_SECONDS: '0',
    });
    await t.app.ready();
    officer = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: [COUNTY] } }),
    );
    const site = await monitoredSite(t, COUNTY);
    await createPoint(t, officer, gasPoint(site.objectId, 'M-GT-01'));
    token = await deviceToken(t, officer, site.enterpriseId);
    publisher = await mqtt.connectAsync(MQTT_URL, { clientId: `${clientId}-device` });
  });
  afterAll(async () => {
    await publisher?.endAsync();
    await t.close();
  });

  const count = async () =>
    (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM readings')).rows[0]!.n;

  it('stores a QoS 1 message and raises the alarm its reading crosses', async () => {
    const at = t.clock.now().getTime() - 5_000;
    await publisher.publishAsync(
      `${TELEMETRY_TOPIC}/gateway-1`,
      JSON.stringify({
        token,
        readings: [
          { point: 'M-GT-01', ts: at - 1_000, value: 3 },
          { point: 'M-GT-01', ts: at, value: 42 },
        ],
      }),
      { qos: 1 },
    );
    await expect.poll(count, { timeout: 10_000 }).toBe(2);
    const alarms = await t.request({
      method: 'GET',
      url: '/api/v1/monitoring/alarms?open=true',
      as: officer,
    });
    expect(
      alarms
        .json()
        .items.map((a: { level: string }) => a.level)
        .sort(),
    ).toEqual(['H', 'HH']);
    expect(t.app.mqttSubscriber!.stats.acknowledged).toBe(1);
  });

  it('refuses a message with a bad token or bad JSON and stores nothing of it', async () => {
    const before = await count();
    await publisher.publishAsync(
      `${TELEMETRY_TOPIC}/gateway-1`,
      JSON.stringify({ token: 'ajd_' + 'y'.repeat(43), readings: [{ point: 'M-GT-01', ts: 1, value: 1 }] }),
      { qos: 1 },
    );
    await publisher.publishAsync(`${TELEMETRY_TOPIC}/gateway-1`, '{not json', { qos: 1 });
    await expect.poll(() => t.app.mqttSubscriber!.stats.refused, { timeout: 10_000 }).toBe(2);
    expect(await count()).toBe(before);
  });

  it('stores many one-reading messages of one connection together, acknowledging each only once stored', async () => {
    // A second site with its own device, so that this test's point is the only one it touches.
    const site = await monitoredSite(t, COUNTY);
    await createPoint(t, officer, gasPoint(site.objectId, 'M-GT-02'));
    const ownToken = await deviceToken(t, officer, site.enterpriseId);
    const cityOfficer = await t.sessionFor(
      await t.createUser({ roles: ['city_officer'], scope: { kind: 'city' } }),
    );
    const stats = async () =>
      (await t.request({ method: 'GET', url: '/api/v1/monitoring/ingest', as: cityOfficer })).json() as {
        transactions: number;
      };
    const stored = async () =>
      (
        await t.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM readings r JOIN monitoring_points p ON p.no = r.point_no
            WHERE p.code = 'M-GT-02'`,
        )
      ).rows[0]!.n;
    const subscriber = t.app.mqttSubscriber!;
    const acknowledgedBefore = subscriber.stats.acknowledged;
    const transactionsBefore = (await stats()).transactions;
    // Each PUBACK waits for its readings: never more acknowledged than stored, at any moment.
    let acknowledgedAhead = 0;
    const watch = setInterval(() => {
      const acknowledged = subscriber.stats.acknowledged - acknowledgedBefore;
      void stored().then((n) => {
        if (acknowledged > n) acknowledgedAhead += 1;
      });
    }, 5);
    const MESSAGES = 400;
    const start = t.clock.now().getTime() - 60_000;
    await Promise.all(
      Array.from({ length: MESSAGES }, (_, i) =>
        publisher.publishAsync(
          `${TELEMETRY_TOPIC}/gateway-2`,
          JSON.stringify({
            token: ownToken,
            readings: [{ point: 'M-GT-02', ts: start + i * 100, value: 3 }],
          }),
          { qos: 1 },
        ),
      ),
    );
    await expect
      .poll(() => subscriber.stats.acknowledged - acknowledgedBefore, { timeout: 20_000 })
      .toBe(MESSAGES);
    clearInterval(watch);
    expect(await stored()).toBe(MESSAGES);
    expect(acknowledgedAhead).toBe(0);
    // Two connections, each holding many messages at once: far fewer transactions than messages
    // (one message per connection at a time needed at least 200).
    expect((await stats()).transactions - transactionsBefore).toBeLessThan(MESSAGES / 4);
  });

  it('ignores a re-delivered message (same point and time)', async () => {
    const at = t.clock.now().getTime() - 4_000;
    const body = JSON.stringify({ token, readings: [{ point: 'M-GT-01', ts: at, value: 5 }] });
    const before = await count();
    const acknowledgedBefore = t.app.mqttSubscriber!.stats.acknowledged;
    await publisher.publishAsync(`${TELEMETRY_TOPIC}/gateway-1`, body, { qos: 1 });
    await publisher.publishAsync(`${TELEMETRY_TOPIC}/gateway-1`, body, { qos: 1 });
    await expect
      .poll(() => t.app.mqttSubscriber!.stats.acknowledged, { timeout: 10_000 })
      .toBe(acknowledgedBefore + 2);
    expect(await count()).toBe(before + 1);
  });
});
