import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/test-app.ts';
import { createDeviceTokens } from '../monitoring/device-tokens.ts';
import { httpTransport, Simulator, type SimulatedDevice } from '../monitoring/simulator.ts';
import { loadDemoHazardSites } from './demo-hazard-sites.ts';
import { demoSimulatorDevices } from './demo-monitoring.ts';

describe('the demo natural-hazard sites (decision 0006)', () => {
  let t: TestContext;
  let simulator: Simulator | undefined;

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
  });
  afterAll(async () => {
    await simulator?.stop();
    await t.close();
  });

  it('loads two geological-hazard sites with a rain gauge and a crack meter each and a fire area, once, all 演示', async () => {
    expect(await loadDemoHazardSites({ db: t.db, clock: t.clock })).toBe(true);
    expect(await loadDemoHazardSites({ db: t.db, clock: t.clock })).toBe(false);
    const objects = await t.db.query<{ kind: string; county: string; enterprise_id: string | null }>(
      `SELECT kind, county, enterprise_id FROM regulated_objects WHERE demo AND name LIKE '%演示%' ORDER BY kind, county`,
    );
    expect(objects.rows).toEqual([
      { kind: 'forest_fire_area', county: '530425', enterprise_id: null },
      { kind: 'geo_hazard_site', county: '530426', enterprise_id: null },
      { kind: 'geo_hazard_site', county: '530427', enterprise_id: null },
    ]);
    const points = await t.db.query<{ county: string; type: string }>(
      `SELECT county, type FROM monitoring_points WHERE demo AND enterprise_id IS NULL AND name LIKE '%演示%'
        ORDER BY county, type`,
    );
    expect(points.rows).toEqual([
      { county: '530426', type: 'ground_displacement' },
      { county: '530426', type: 'rainfall' },
      { county: '530427', type: 'ground_displacement' },
      { county: '530427', type: 'rainfall' },
    ]);
  });

  it('gives the simulator one county gateway per county, whose readings are stored and stay calm', async () => {
    await t.app.monitoring.start();
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const devices: SimulatedDevice[] = await demoSimulatorDevices({
      db: t.db,
      devices: createDeviceTokens({ db: t.db, clock: t.clock }),
      userId: null,
    });
    expect(devices.map((d) => [d.enterpriseId, d.county, d.points.length])).toEqual([
      [null, '530426', 2],
      [null, '530427', 2],
    ]);
    simulator = new Simulator({
      devices,
      transport: httpTransport(address),
      intervalMs: 10_000,
      randomExcursionEveryMs: 0,
      excursionMs: 60_000,
      now: () => t.clock.now().getTime(),
    });
    await simulator.step();
    const stored = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM readings');
    expect(stored.rows[0]!.n).toBe(4);
    const alarms = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM alarms');
    expect(alarms.rows[0]!.n).toBe(0);
  });
});
