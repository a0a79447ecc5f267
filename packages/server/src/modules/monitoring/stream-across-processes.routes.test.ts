import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { createFieldCipher } from '../../platform/crypto.ts';
import { createPool, type Db } from '../../platform/db.ts';
import { startPostgresEventBus, type PostgresEventBus } from '../../platform/events/index.ts';
import { createTestContext, TEST_FIELD_KEY, type Caller, type TestContext } from '../../../test/test-app.ts';
import type { MonitoringEvent } from './monitoring-events.ts';
import { createPoint, deviceToken, gasPoint, monitoredSite } from './monitoring-fixtures.test-support.ts';

const COUNTY = '530403';
const OTHER_COUNTY = '530423';

const streams: { stop(): Promise<void> }[] = [];

/** Reads an SSE response into text until stopped. */
async function openStream(url: string, caller: Caller) {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { cookie: caller.cookie }, signal: controller.signal });
  expect(response.status).toBe(200);
  const reader = response.body!.getReader();
  let text = '';
  let ended = false;
  const read = (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) {
        ended = true;
        return;
      }
      text += new TextDecoder().decode(value);
    }
  })();
  const stream = {
    ended: () => ended,
    events: () =>
      [...text.matchAll(/event: (\w+)\ndata: (.*)\n/g)].map((m) => JSON.parse(m[2]!) as MonitoringEvent),
    stop: () => {
      controller.abort();
      return read;
    },
  };
  streams.push(stream);
  return stream;
}

describe('the live stream across two server processes on one database', () => {
  let t: TestContext;
  let officer: Caller;
  let outsider: Caller;
  let manager: Caller;
  let token: string;
  let objectId: string;
  const instances: { app: FastifyInstance; db: Db; events: PostgresEventBus }[] = [];
  let address: string;

  /** A server process as `main.ts` makes it: its own pool and its own LISTEN connection. */
  async function startInstance(): Promise<FastifyInstance> {
    const db = createPool(t.dbUrl, 4);
    const events = await startPostgresEventBus({ connectionString: t.dbUrl, db });
    const app = await buildApp({
      config: t.config,
      db,
      clock: t.clock,
      cipher: createFieldCipher(TEST_FIELD_KEY),
      events,
    });
    instances.push({ app, db, events });
    return app;
  }

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    const site = await monitoredSite(t, COUNTY);
    objectId = site.objectId;
    officer = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: [COUNTY] } }),
    );
    outsider = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: [OTHER_COUNTY] } }),
    );
    manager = await t.sessionFor(
      await t.createUser({
        roles: ['enterprise_manager'],
        scope: { kind: 'enterprise', enterpriseId: site.enterpriseId, county: COUNTY },
      }),
    );
    // Points are loaded when a process starts: define them first.
    await createPoint(t, officer, gasPoint(objectId, 'P-GT-01'));
    token = await deviceToken(t, officer, site.enterpriseId);
  });

  afterAll(async () => {
    await Promise.all(streams.map((stream) => stream.stop()));
    for (const { app, db } of instances) {
      await app.close();
      await db.end();
    }
    await t.close();
  });

  it('shows a client connected to process A the alarm raised by telemetry posted to process B, once', async () => {
    const a = await startInstance();
    const b = await startInstance();
    address = await a.listen({ port: 0, host: '127.0.0.1' });
    const mine = await openStream(`${address}/api/v1/monitoring/stream`, officer);
    const theirs = await openStream(`${address}/api/v1/monitoring/stream`, outsider);

    const posted = await b.inject({
      method: 'POST',
      url: '/api/v1/telemetry',
      headers: { authorization: `Bearer ${token}` },
      payload: { readings: [{ point: 'P-GT-01', ts: t.clock.now().getTime(), value: 30 }] },
    });
    expect(posted.statusCode).toBe(200);
    const alarm = await t.db.query<{ id: string }>("SELECT id FROM alarms WHERE status = 'firing'");
    expect(alarm.rows).toHaveLength(1);
    const alarmId = alarm.rows[0]!.id;

    await expect
      .poll(() => mine.events().filter((e) => e.type === 'alarm').length, { timeout: 5_000 })
      .toBe(1);
    // The acknowledgement, made in process B, reaches process A's client too.
    const acknowledged = await b.inject({
      method: 'POST',
      url: `/api/v1/monitoring/alarms/${alarmId}/actions`,
      headers: { cookie: manager.cookie, 'x-csrf-token': manager.csrf },
      payload: { action: 'acknowledge', note: '已到现场' },
    });
    expect(acknowledged.statusCode).toBe(200);
    await expect
      .poll(() => mine.events().filter((e) => e.type === 'alarm').length, { timeout: 5_000 })
      .toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await mine.stop();
    await theirs.stop();

    const alarms = mine.events().filter((e) => e.type === 'alarm');
    expect(alarms.map((e) => [e.id, e.status])).toEqual([
      [alarmId, 'firing'],
      [alarmId, 'acknowledged'],
    ]);
    expect(alarms[0]).toMatchObject({ type: 'alarm', county: COUNTY, objectId });
    // The site's warning level changed with it, in the same shape as before.
    expect(mine.events().filter((e) => e.type === 'warning')).toMatchObject([
      { type: 'warning', objectId, county: COUNTY },
    ]);
    expect(theirs.events()).toEqual([]);
  });
  it('closes its streams after its listener lost the database, so that clients reconnect and refetch', async () => {
    const [a, b] = instances as [(typeof instances)[0], (typeof instances)[0]];
    const before = await openStream(`${address}/api/v1/monitoring/stream`, officer);
    await t.db.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE application_name = 'anjian-events' AND datname = current_database()`,
    );
    // Events sent while it was cut off are lost: the stream ends once the listener is back.
    await expect.poll(() => before.ended(), { timeout: 10_000 }).toBe(true);
    expect(a.events.listening).toBe(true);
    await expect.poll(() => b.events.listening, { timeout: 10_000 }).toBe(true);

    const after = await openStream(`${address}/api/v1/monitoring/stream`, officer);
    const posted = await b.app.inject({
      method: 'POST',
      url: '/api/v1/telemetry',
      headers: { authorization: `Bearer ${token}` },
      payload: { readings: [{ point: 'P-GT-01', ts: t.clock.now().getTime() + 1_000, value: 45 }] },
    });
    expect(posted.statusCode).toBe(200);
    await expect
      .poll(() => after.events().filter((e) => e.type === 'alarm' && e.status === 'firing').length, {
        timeout: 5_000,
      })
      .toBe(1);
  });
});
