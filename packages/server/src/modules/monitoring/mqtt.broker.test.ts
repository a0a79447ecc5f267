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

  it('ignores a re-delivered message (same point and time)', async () => {
    const at = t.clock.now().getTime() - 4_000;
    const body = JSON.stringify({ token, readings: [{ point: 'M-GT-01', ts: at, value: 5 }] });
    const before = await count();
    await publisher.publishAsync(`${TELEMETRY_TOPIC}/gateway-1`, body, { qos: 1 });
    await publisher.publishAsync(`${TELEMETRY_TOPIC}/gateway-1`, body, { qos: 1 });
    await expect.poll(() => t.app.mqttSubscriber!.stats.acknowledged, { timeout: 10_000 }).toBe(3);
    expect(await count()).toBe(before + 1);
  });
});
