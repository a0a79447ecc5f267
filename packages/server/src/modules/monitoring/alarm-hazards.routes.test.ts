import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/test-app.ts';
import {
  createPoint,
  deviceToken,
  gasPoint,
  monitoredSite,
  send,
} from './monitoring-fixtures.test-support.ts';

const COUNTY = '530403';
const minute = 60_000;

describe('alarms and hidden hazards', () => {
  let t: TestContext;
  let token: string;
  let pointId: string;
  let enterpriseId: string;

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    const officer = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: [COUNTY] } }),
    );
    const site = await monitoredSite(t, COUNTY);
    enterpriseId = site.enterpriseId;
    pointId = await createPoint(t, officer, gasPoint(site.objectId, 'H-GT-01'));
    token = await deviceToken(t, officer, site.enterpriseId);
  });
  afterAll(() => t.close());

  const sensorHazards = () =>
    t.db.query<{ id: string; linked_point_ids: string[]; description: string }>(
      `SELECT id, linked_point_ids, description FROM hidden_hazards WHERE source = 'sensor_alarm' ORDER BY reported_at`,
    );
  /** One excursion past H and back, with readings close enough that no no-data alarm fires. */
  async function excursion() {
    const at = t.clock.now().getTime();
    await send(t, token, [{ point: 'H-GT-01', ts: at - 8_000, value: 25 }]);
    await send(t, token, [{ point: 'H-GT-01', ts: at - 4_000, value: 2 }]);
    t.clock.advance(10_000);
  }

  it('opens one hidden hazard, linked to the point, when an alarm fires the third time within 24 hours', async () => {
    await excursion();
    await excursion();
    await t.app.monitoring.pipeline.idle();
    expect((await sensorHazards()).rows).toEqual([]);
    await excursion();
    await expect.poll(async () => (await sensorHazards()).rowCount, { timeout: 5_000 }).toBe(1);
    const hazard = (await sensorHazards()).rows[0]!;
    expect(hazard.linked_point_ids).toEqual([pointId]);
    expect(hazard.description).toContain('H-GT-01');
    expect(hazard.description).toContain('3 次');
    const owner = await t.db.query<{ enterprise_id: string }>(
      'SELECT enterprise_id FROM hidden_hazards WHERE id = $1',
      [hazard.id],
    );
    expect(owner.rows[0]!.enterprise_id).toBe(enterpriseId);
  });

  it('does not open another for the next firings until the count is reached again', async () => {
    await excursion();
    await excursion();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await sensorHazards()).rowCount).toBe(1);
    await excursion();
    await expect.poll(async () => (await sensorHazards()).rowCount, { timeout: 5_000 }).toBe(2);
  });

  it('tells the acceptance guard a point is not normal until it stayed normal for the set time', async () => {
    const at = t.clock.now().getTime();
    await send(t, token, [{ point: 'H-GT-01', ts: at - 3_000, value: 30 }]);
    expect(t.app.monitoring.pointsNormalSince([pointId])).toEqual({ ok: false, abnormal: ['H-GT-01'] });
    await send(t, token, [{ point: 'H-GT-01', ts: at - 1_000, value: 2 }]);
    expect(t.app.monitoring.pointsNormalSince([pointId]).ok).toBe(false);
    t.clock.advance(59 * minute);
    expect(t.app.monitoring.pointsNormalSince([pointId]).ok).toBe(false);
    t.clock.advance(minute);
    expect(t.app.monitoring.pointsNormalSince([pointId])).toEqual({ ok: true, abnormal: [] });
  });
});
