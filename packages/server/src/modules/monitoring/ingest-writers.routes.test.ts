import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';
import { writerOfSite } from './ingest-writers.ts';
import {
  createPoint,
  deviceToken,
  gasPoint,
  monitoredSite,
  send,
} from './monitoring-fixtures.test-support.ts';

const COUNTY = '530421';
const T0 = Date.parse('2026-11-29T01:59:00.000Z'); // the test clock starts at 02:00

/**
 * Two writers in one process (INGEST_WRITERS=2): each site's points go to one writer, a batch that
 * spans both is answered once both parts are durable, and ticks and snapshots touch each point once.
 */
describe('ingestion with two writers', () => {
  let t: TestContext;
  let officer: Caller;
  let cityOfficer: Caller;
  let token: string;
  /** Two sites per writer, one gas point on each (codes W0-A, W0-B, W1-A, W1-B). */
  const points: { code: string; id: string; writer: number }[] = [];

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false', INGEST_WRITERS: '2' });
    officer = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: [COUNTY] } }),
    );
    cityOfficer = await t.sessionFor(
      await t.createUser({ roles: ['city_officer'], scope: { kind: 'city' } }),
    );
    const first = await monitoredSite(t, COUNTY);
    const sites: { objectId: string; writer: number }[] = [];
    // Sites are spread by the hash of their id: make them until each writer has two.
    while (sites.filter((s) => s.writer === 0).length < 2 || sites.filter((s) => s.writer === 1).length < 2) {
      const { objectId } = await monitoredSite(t, COUNTY, 'major_hazard_source', first.enterpriseId);
      const writer = writerOfSite(objectId, 2);
      if (sites.filter((s) => s.writer === writer).length < 2) sites.push({ objectId, writer });
    }
    for (const [index, site] of sites.entries()) {
      const code = `W${site.writer}-${index}`;
      points.push({
        code,
        id: await createPoint(t, officer, gasPoint(site.objectId, code)),
        writer: site.writer,
      });
    }
    token = await deviceToken(t, officer, first.enterpriseId);
  });
  afterAll(() => t.close());

  const ingestHealth = async () =>
    (await t.request({ method: 'GET', url: '/api/v1/monitoring/ingest', as: cityOfficer })).json<{
      writers: number;
      transactions: number;
      readings: number;
      transitions: number;
      queued: number;
    }>();

  it('stores a batch spanning both writers, each writer committing its own part', async () => {
    const before = await ingestHealth();
    expect(before.writers).toBe(2);
    const response = await send(
      t,
      token,
      points.flatMap(({ code }) => [
        { point: code, ts: T0, value: 3 },
        { point: code, ts: T0 + 1_000, value: 4 },
      ]),
    );
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ accepted: 8, duplicates: 0, rejected: [] });
    const after = await ingestHealth();
    expect(after.readings - before.readings).toBe(8);
    // One transaction per writer at least: the two parts were written apart.
    expect(after.transactions - before.transactions).toBeGreaterThanOrEqual(2);
    expect(after.queued).toBe(0);
    const stored = await t.db.query<{ code: string; n: number }>(
      `SELECT p.code, count(*)::int AS n FROM readings r JOIN monitoring_points p ON p.no = r.point_no
        GROUP BY p.code ORDER BY p.code`,
    );
    expect(stored.rows).toEqual(
      points.map(({ code }) => ({ code, n: 2 })).sort((a, b) => a.code.localeCompare(b.code)),
    );

    // No alarm changed: the states are written by the snapshot, each point's by its own writer.
    const lastTimes = async () =>
      (
        await t.db.query<{ last_ts: Date | null }>(
          'SELECT last_ts FROM monitoring_points p LEFT JOIN point_alarm_states s ON s.point_id = p.id WHERE p.id = ANY($1::uuid[])',
          [points.map((point) => point.id)],
        )
      ).rows.map((row) => row.last_ts?.getTime() ?? null);
    expect(await lastTimes()).not.toContain(T0 + 1_000);
    await t.app.monitoring.pipeline.snapshot();
    expect(await lastTimes()).toEqual([T0 + 1_000, T0 + 1_000, T0 + 1_000, T0 + 1_000]);
  });

  it('counts duplicates on every writer: repeated in the batch and already stored', async () => {
    const response = await send(t, token, [
      ...points.map(({ code }) => ({ point: code, ts: T0, value: 3 })), // stored by the first test
      ...points.map(({ code }) => ({ point: code, ts: T0 + 2_000, value: 5 })),
      ...points.map(({ code }) => ({ point: code, ts: T0 + 2_000, value: 5 })), // repeated here
    ]);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ accepted: 4, duplicates: 8 });
  });

  it('raises each crossing once, on whichever writer holds the point', async () => {
    const response = await send(
      t,
      token,
      points.map(({ code }) => ({ point: code, ts: T0 + 3_000, value: 25 })),
    );
    expect(response.json()).toMatchObject({ accepted: 4 });
    const alarms = await t.db.query<{ point_id: string; rule_id: string; status: string }>(
      `SELECT point_id, rule_id, status FROM alarms WHERE point_id = ANY($1::uuid[]) ORDER BY point_id`,
      [points.map((point) => point.id)],
    );
    expect(alarms.rows).toEqual(
      [...points]
        .sort((a, b) => a.id.localeCompare(b.id))
        .map((point) => ({ point_id: point.id, rule_id: 'combustible_gas.h', status: 'firing' })),
    );
  });

  it('a tick raises one no-data alarm per silent point, from the writer that holds it', async () => {
    // Expected every 10 s: no data once more than 30 s passed since the points were created (02:00).
    t.clock.advance(31_000);
    const before = await ingestHealth();
    await t.app.monitoring.tick();
    // Four points, four transitions: no writer evaluated another writer's points.
    expect((await ingestHealth()).transitions - before.transitions).toBe(4);
    const noData = await t.db.query<{ point_id: string; n: number }>(
      `SELECT point_id, count(*)::int AS n FROM alarms
        WHERE point_id = ANY($1::uuid[]) AND rule_id = 'combustible_gas.no_data' GROUP BY point_id`,
      [points.map((point) => point.id)],
    );
    expect(noData.rows.map((row) => row.n)).toEqual([1, 1, 1, 1]);
    await t.app.monitoring.tick();
    const again = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM alarms WHERE point_id = ANY($1::uuid[]) AND rule_id = 'combustible_gas.no_data'`,
      [points.map((point) => point.id)],
    );
    expect(again.rows[0]!.n).toBe(4);
  });
});
