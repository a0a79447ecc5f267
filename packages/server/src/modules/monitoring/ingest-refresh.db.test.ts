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

describe('the tick judges silence from the database, not from one process’s share of the readings', () => {
  let t: TestContext;
  let token: string;
  let pointNo: number;

  beforeAll(async () => {
    // One of several processes (ANJIAN_INSTANCE): the others' readings are in the database only.
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false', ANJIAN_INSTANCE: 'a' });
    const officer = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: [COUNTY] } }),
    );
    const site = await monitoredSite(t, COUNTY);
    const id = await createPoint(t, officer, gasPoint(site.objectId, 'R-GT-01'));
    pointNo = (await t.db.query<{ no: number }>('SELECT no FROM monitoring_points WHERE id = $1', [id]))
      .rows[0]!.no;
    token = await deviceToken(t, officer, site.enterpriseId);
  });
  afterAll(() => t.close());

  const openNoData = async () =>
    (
      await t.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM alarms
          WHERE rule_id LIKE '%no_data' AND status = ANY('{pending,firing,acknowledged,handling}')`,
      )
    ).rows[0]!.n;

  it('raises no no-data alarm while another process stores the point’s readings, and one once they stop', async () => {
    expect(
      (await send(t, token, [{ point: 'R-GT-01', ts: t.clock.now().getTime(), value: 3 }])).statusCode,
    ).toBe(200);
    // Three missed intervals (10 s each) in this process; meanwhile another process stored a reading.
    t.clock.advance(25_000);
    await t.db.query('INSERT INTO readings (point_no, ts, value, flags) VALUES ($1, $2, 4, 0)', [
      pointNo,
      t.clock.now(),
    ]);
    t.clock.advance(6_000);
    await t.app.monitoring.tick();
    expect(await openNoData()).toBe(0);
    // A reading with a bad quality flag (out of range) does not count as data.
    t.clock.advance(10_000);
    await t.db.query('INSERT INTO readings (point_no, ts, value, flags) VALUES ($1, $2, 400, 4)', [
      pointNo,
      t.clock.now(),
    ]);
    t.clock.advance(21_000);
    await t.app.monitoring.tick();
    expect(await openNoData()).toBe(1);
  });
});
