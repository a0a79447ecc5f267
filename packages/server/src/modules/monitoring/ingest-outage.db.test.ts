import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/test-app.ts';
import { systemClock } from '../../platform/clock.ts';
import { createPool, type Db } from '../../platform/db.ts';
import { freePort, startEmbeddedPostgres, type EmbeddedServer } from '../../platform/embedded-postgres.ts';
import { migrate } from '../../platform/migrate.ts';
import { seedReferenceData } from '../../platform/reference-data.ts';
import {
  createPoint,
  deviceToken,
  gasPoint,
  monitoredSite,
  send,
} from './monitoring-fixtures.test-support.ts';
import { scratchDir } from '../../../test/scratch.ts';

const COUNTY = '530402';
const SENDERS = 4;
const PER_BATCH = 25;
// Readings well in the past of the test clock (02:00), one every 100 ms, never twice the same.
const T0 = Date.parse('2026-11-28T12:00:00.000Z');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The database goes away under load and comes back (issue 19, defect 2): the server must not crash,
 * must answer 503 with Retry-After and a stable code while it is away, must resume when it is back,
 * and every reading it acknowledged must be stored.
 */
describe('telemetry while the database stops and restarts', () => {
  const dataDir = scratchDir('anjian-outage-');
  let port: number;
  let postgres: EmbeddedServer;
  let db: Db;
  let t: TestContext;
  let token: string;
  const codes = ['O-GT-01', 'O-GT-02'];
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  const startPostgres = () =>
    startEmbeddedPostgres({ dataDir, port, portExplicit: true, database: 'anjian' });

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    port = await freePort();
    postgres = await startPostgres();
    db = createPool(postgres.connectionString, 10);
    await migrate(db);
    await seedReferenceData(db, systemClock);
    t = await createTestContext(
      { AUTH_TOTP_REQUIRED: 'false' },
      { db, url: postgres.connectionString, drop: async () => undefined },
    );
    const officer = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: [COUNTY] } }),
    );
    const site = await monitoredSite(t, COUNTY);
    for (const code of codes) await createPoint(t, officer, gasPoint(site.objectId, code));
    token = await deviceToken(t, officer, site.enterpriseId);
  });

  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    await db.end().catch(() => undefined);
    await postgres.stop();
    rmSync(dataDir, { recursive: true, force: true });
    // The app was closed by the last test (t.close() would close it again): its directory goes here.
    if (t) rmSync(t.config.dataDir, { recursive: true, force: true });
  });

  it('answers 503 while it is away, loses no acknowledged reading, resumes, and never crashes', async () => {
    let next = 0;
    let done = false;
    const sent = new Set<number>();
    const acknowledged = new Set<number>();
    const refusals = new Map<string, number>();
    const unexpected: string[] = [];

    // A device keeps what was not acknowledged and sends it again after Retry-After (shortened here).
    const sender = async (index: number) => {
      while (!done) {
        const readings = Array.from({ length: PER_BATCH }, () => {
          const ts = T0 + 100 * next++;
          sent.add(ts);
          return { point: codes[index % codes.length]!, ts, value: 1 };
        });
        for (;;) {
          const response = await send(t, token, readings);
          if (response.statusCode === 200) {
            const body = response.json<{ accepted: number; duplicates: number }>();
            if (body.accepted + body.duplicates !== PER_BATCH) unexpected.push(response.body);
            for (const reading of readings) acknowledged.add(reading.ts);
            break;
          }
          const code = response.json<{ error: { code: string } }>().error.code;
          if (response.statusCode !== 503 || !response.headers['retry-after']) unexpected.push(response.body);
          refusals.set(code, (refusals.get(code) ?? 0) + 1);
          await sleep(25);
        }
      }
    };
    const until = async (condition: () => boolean) => {
      for (let waited = 0; !condition(); waited += 20) {
        if (waited > 30_000) throw new Error('timed out');
        await sleep(20);
      }
    };

    const senders = Array.from({ length: SENDERS }, (_, index) => sender(index));
    await until(() => acknowledged.size >= 500);
    await postgres.stop();
    const ackedBeforeRestart = acknowledged.size;
    await until(() => (refusals.get('server.database_unavailable') ?? 0) >= 20);

    const health = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(health.statusCode).toBe(503);
    expect(health.json()).toMatchObject({ status: 'unavailable', database: 'down' });
    const refused = await send(t, token, [{ point: codes[0], ts: T0 - 1, value: 1 }]);
    expect(refused.statusCode).toBe(503);
    expect(refused.headers['retry-after']).toBe('5');
    expect(refused.json().error).toEqual({
      code: 'server.database_unavailable',
      message: '数据库暂时不可用，请稍后重试',
    });

    postgres = await startPostgres();
    await until(() => acknowledged.size >= ackedBeforeRestart + 500);
    done = true;
    await Promise.all(senders);

    expect(unexpected).toEqual([]);
    expect(unhandled).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/health' })).json()).toMatchObject({
      status: 'ok',
      database: 'ok',
    });
    // Every reading was eventually acknowledged, and every acknowledged one is stored, once.
    expect(acknowledged.size).toBe(sent.size);
    const stored = await db.query<{ ms: number }>(
      `SELECT (extract(epoch FROM ts) * 1000)::bigint AS ms FROM readings r
         JOIN monitoring_points p ON p.no = r.point_no WHERE p.code = ANY($1)`,
      [codes],
    );
    expect(stored.rows.length).toBe(acknowledged.size);
    expect(new Set(stored.rows.map((row) => row.ms))).toEqual(acknowledged);
  });

  it('shuts down without an unhandled rejection while the database is away', async () => {
    // The readings above left evaluated states to snapshot; the snapshot cannot be written now.
    await postgres.stop();
    await expect(t.app.close()).resolves.toBeUndefined();
    await sleep(100);
    expect(unhandled).toEqual([]);
    postgres = await startPostgres();
  });
});
