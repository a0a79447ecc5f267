import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';
import {
  createPoint,
  deviceToken,
  gasPoint,
  monitoredSite,
  send,
} from './monitoring-fixtures.test-support.ts';

const COUNTY = '530403';
const T0 = Date.parse('2026-11-29T01:59:00.000Z'); // the test clock starts at 02:00

describe('telemetry ingestion over HTTP', () => {
  let t: TestContext;
  let officer: Caller;
  let token: string;
  let otherToken: string;
  let pointNo: number;

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    officer = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: [COUNTY] } }),
    );
    const site = await monitoredSite(t, COUNTY);
    const other = await monitoredSite(t, COUNTY);
    const id = await createPoint(t, officer, gasPoint(site.objectId, 'T-GT-01'));
    await createPoint(t, officer, gasPoint(other.objectId, 'T-GT-OTHER'));
    token = await deviceToken(t, officer, site.enterpriseId);
    otherToken = await deviceToken(t, officer, other.enterpriseId);
    pointNo = (await t.db.query<{ no: number }>('SELECT no FROM monitoring_points WHERE id = $1', [id]))
      .rows[0]!.no;
  });
  afterAll(() => t.close());

  const stored = async () =>
    (
      await t.db.query<{ at: string; value: number | null; flags: number }>(
        `SELECT to_char(ts AT TIME ZONE 'UTC', 'HH24:MI:SS') AS at, value, flags FROM readings WHERE point_no = $1 ORDER BY ts`,
        [pointNo],
      )
    ).rows;

  it('stores the valid readings of a batch and rejects the bad ones by index', async () => {
    const response = await send(t, token, [
      { point: 'T-GT-01', ts: T0, value: 3.5 },
      { point: 'T-GT-01', ts: T0 + 10_000, value: 'high' },
      { point: 'NO-SUCH', ts: T0, value: 1 },
      { point: 'T-GT-OTHER', ts: T0, value: 1 },
      { point: 'T-GT-01', ts: '2026-11-29T09:59:20+08:00', value: null },
      { point: 'T-GT-01', ts: T0 + 30_000, value: 150 },
      { point: 'T-GT-01', value: 1 },
    ]);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.accepted).toBe(3);
    expect(body.duplicates).toBe(0);
    expect(body.rejected.map((r: { index: number; code: string }) => [r.index, r.code])).toEqual([
      [1, 'telemetry.invalid_reading'],
      [2, 'telemetry.unknown_point'],
      [3, 'telemetry.unknown_point'],
      [6, 'telemetry.invalid_reading'],
    ]);
    expect(body.unknownPoints.sort()).toEqual(['NO-SUCH', 'T-GT-OTHER']);
    // Each rejection says what is wrong in the caller's language (zh-CN by default).
    expect(body.rejected[1].message).toBe('监测点不存在或不属于本企业');
    expect(body.rejected[0].detail).toMatch(/^value: /);
    expect(body.flagged).toEqual([
      { index: 4, flags: ['nan'] },
      { index: 5, flags: ['out_of_range'] },
    ]);
    expect(await stored()).toEqual([
      { at: '01:59:00', value: 3.5, flags: 0 },
      { at: '01:59:20', value: null, flags: 1 },
      { at: '01:59:30', value: 150, flags: 4 },
    ]);
  });

  it('ignores duplicates by point and time, within a batch and against what is stored', async () => {
    const response = await send(t, token, [
      { point: 'T-GT-01', ts: T0, value: 99 },
      { point: 'T-GT-01', ts: T0 + 40_000, value: 4 },
      { point: 'T-GT-01', ts: T0 + 40_000, value: 5 },
    ]);
    expect(response.json()).toMatchObject({ accepted: 1, duplicates: 2, rejected: [] });
    const rows = await stored();
    expect(rows.find((row) => row.at === '01:59:00')!.value).toBe(3.5);
    expect(rows.find((row) => row.at === '01:59:40')!.value).toBe(4);
  });

  it('keeps a late reading that is new, and flags one from the future', async () => {
    const response = await send(t, token, [
      { point: 'T-GT-01', ts: T0 + 5_000, value: 2 },
      { point: 'T-GT-01', ts: Date.parse('2026-11-29T02:05:00Z'), value: 2 },
    ]);
    expect(response.json()).toMatchObject({
      accepted: 2,
      duplicates: 0,
      flagged: [{ index: 1, flags: ['future'] }],
    });
    expect((await stored()).map((row) => row.at)).toContain('01:59:05');
  });

  it('refuses a missing, malformed or revoked device token with 401 and stores nothing', async () => {
    const before = (await stored()).length;
    const none = await t.app.inject({ method: 'POST', url: '/api/v1/telemetry', payload: { readings: [] } });
    expect(none.statusCode).toBe(401);
    expect(none.json().error.code).toBe('device.unauthenticated');
    const wrong = await send(t, 'ajd_' + 'x'.repeat(43), [{ point: 'T-GT-01', ts: T0 + 50_000, value: 1 }]);
    expect(wrong.statusCode).toBe(401);
    expect((await stored()).length).toBe(before);
  });

  it('answers 413 to a batch of more than 10,000 readings, and 400 to an empty or non-array one', async () => {
    const big = Array.from({ length: 10_001 }, (_, index) => ({
      point: 'T-GT-01',
      ts: T0 + 60_000 + index,
      value: 1,
    }));
    const response = await send(t, token, big);
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('request.too_large');
    expect((await send(t, token, [])).statusCode).toBe(400);
    const notArray = await t.app.inject({
      method: 'POST',
      url: '/api/v1/telemetry',
      headers: { authorization: `Bearer ${token}` },
      payload: { readings: 'x' },
    });
    expect(notArray.statusCode).toBe(400);
  });

  it('takes a batch of exactly 10,000 readings', async () => {
    const full = Array.from({ length: 10_000 }, (_, index) => ({
      point: 'T-GT-01',
      ts: T0 - 10_000_000 + index * 100,
      value: 1,
    }));
    const response = await send(t, token, full);
    expect(response.json()).toMatchObject({ accepted: 10_000, duplicates: 0 });
  });

  it('does not let one enterprise’s token write another enterprise’s point', async () => {
    const response = await send(t, otherToken, [{ point: 'T-GT-01', ts: T0 + 70_000, value: 1 }]);
    expect(response.json()).toMatchObject({ accepted: 0, unknownPoints: ['T-GT-01'] });
  });
});

describe('a full ingest queue', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false', INGEST_QUEUE_LIMIT: '1000' });
  });
  afterAll(() => t.close());

  it('answers 503 with Retry-After instead of growing memory, and stores nothing of that batch', async () => {
    const officer = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: [COUNTY] } }),
    );
    const site = await monitoredSite(t, COUNTY);
    await createPoint(t, officer, gasPoint(site.objectId, 'Q-GT-01'));
    const token = await deviceToken(t, officer, site.enterpriseId);
    const readings = Array.from({ length: 1001 }, (_, index) => ({
      point: 'Q-GT-01',
      ts: T0 + index,
      value: 1,
    }));
    const response = await send(t, token, readings);
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('1');
    expect(response.json().error.code).toBe('telemetry.busy');
    expect((await t.db.query('SELECT 1 FROM readings')).rowCount).toBe(0);
    expect((await send(t, token, readings.slice(0, 1000))).json().accepted).toBe(1000);
  });
});
