import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_FIELD_KEY, type TestContext } from '../../../test/test-app.ts';
import { createFieldCipher } from '../../platform/crypto.ts';
import { loadDemoRegistry } from '../demo/demo-data.ts';
import { demoSimulatorDevices, loadDemoMonitoring } from '../demo/demo-monitoring.ts';
import { createDeviceTokens } from './device-tokens.ts';
import { httpTransport, Simulator, type SimulatedDevice } from './simulator.ts';

describe('the demo monitoring points and the simulator over HTTP', () => {
  let t: TestContext;
  let devices: SimulatedDevice[];
  let simulator: Simulator;

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    await loadDemoRegistry({ db: t.db, clock: t.clock, cipher: createFieldCipher(TEST_FIELD_KEY) });
  });
  afterAll(async () => {
    await simulator?.stop();
    await t.close();
  });

  const count = async (sql: string) => (await t.db.query<{ n: number }>(sql)).rows[0]!.n;

  it('puts five points on each demo major hazard source and seven on each tailings pond, once, all 演示', async () => {
    expect(await loadDemoMonitoring({ db: t.db, clock: t.clock })).toBe(true);
    expect(await loadDemoMonitoring({ db: t.db, clock: t.clock })).toBe(false);
    const sources = await count(
      `SELECT count(*)::int AS n FROM regulated_objects WHERE demo AND kind = 'major_hazard_source' AND enterprise_id IS NOT NULL`,
    );
    const ponds = await count(
      `SELECT count(*)::int AS n FROM regulated_objects WHERE demo AND kind = 'tailings_pond' AND enterprise_id IS NOT NULL`,
    );
    expect(sources).toBeGreaterThan(0);
    expect(ponds).toBeGreaterThan(0);
    expect(await count('SELECT count(*)::int AS n FROM monitoring_points WHERE demo')).toBe(
      5 * sources + 7 * ponds,
    );
    expect(
      await count(
        `SELECT count(*)::int AS n FROM monitoring_points WHERE NOT demo OR name NOT LIKE '%演示%'`,
      ),
    ).toBe(0);
  });

  it('feeds every point through the telemetry API, raises an alarm on an excursion and clears it after', async () => {
    await t.app.monitoring.start();
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    devices = await demoSimulatorDevices({
      db: t.db,
      devices: createDeviceTokens({ db: t.db, clock: t.clock }),
      userId: null,
    });
    const points = devices.flatMap((device) => device.points);
    simulator = new Simulator({
      devices,
      transport: httpTransport(address),
      intervalMs: 10_000,
      randomExcursionEveryMs: 0,
      excursionMs: 60_000,
      now: () => t.clock.now().getTime(),
    });
    await simulator.step();
    expect(await count('SELECT count(*)::int AS n FROM readings')).toBe(points.length);
    const openAlarms = () =>
      t.db.query<{ code: string; status: string; level: string }>(
        `SELECT p.code, a.status, a.level FROM alarms a JOIN monitoring_points p ON p.id = a.point_id
          WHERE a.status IN ('pending', 'firing', 'acknowledged', 'handling') ORDER BY a.level`,
      );
    expect((await openAlarms()).rows).toEqual([]);

    const gas = points.find((point) => point.type === 'combustible_gas')!;
    simulator.excursion(gas.code);
    t.clock.advance(10_000);
    await simulator.step();
    expect((await openAlarms()).rows).toEqual([
      { code: gas.code, status: 'firing', level: 'H' },
      { code: gas.code, status: 'firing', level: 'HH' },
    ]);

    simulator.calm(gas.code);
    t.clock.advance(10_000);
    await simulator.step();
    expect((await openAlarms()).rows).toEqual([]);
  });
});
