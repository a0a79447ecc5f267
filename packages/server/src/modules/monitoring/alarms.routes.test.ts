import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MonitoringEvent } from './monitoring-events.ts';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';
import {
  createPoint,
  deviceToken,
  gasPoint,
  monitoredSite,
  send,
} from './monitoring-fixtures.test-support.ts';

const COUNTY = '530403';
const OTHER_COUNTY = '530423';
const minute = 60_000;

describe('alarms from readings, their lifecycle and escalation', () => {
  let t: TestContext;
  let officer: Caller;
  let manager: Caller;
  let outsider: Caller;
  let token: string;
  let pointId: string;
  let objectId: string;
  const now = () => t.clock.now().getTime();

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    const site = await monitoredSite(t, COUNTY);
    objectId = site.objectId;
    const officerUser = await t.createUser({
      roles: ['county_officer'],
      scope: { kind: 'county', counties: [COUNTY] },
    });
    officer = await t.sessionFor(officerUser);
    manager = await t.sessionFor(
      await t.createUser({
        roles: ['enterprise_manager'],
        scope: { kind: 'enterprise', enterpriseId: site.enterpriseId, county: COUNTY },
      }),
    );
    outsider = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: [OTHER_COUNTY] } }),
    );
    pointId = await createPoint(t, officer, gasPoint(objectId, 'A-GT-01'));
    token = await deviceToken(t, officer, site.enterpriseId);
  });
  afterAll(() => t.close());

  const countyOfficer = async () =>
    t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: [COUNTY] } }),
    );

  const openAlarms = async (as: Caller) =>
    (await t.request({ method: 'GET', url: '/api/v1/monitoring/alarms?open=true', as })).json<{
      items: {
        id: string;
        status: string;
        colour: string | null;
        level: string | null;
        ruleId: string;
        value: number;
      }[];
      total: number;
    }>();

  it('raises a firing alarm when a reading reaches the H set point, and none below it', async () => {
    await send(t, token, [{ point: 'A-GT-01', ts: now() - 20_000, value: 19.9 }]);
    expect((await openAlarms(officer)).total).toBe(0);
    const response = await send(t, token, [{ point: 'A-GT-01', ts: now() - 10_000, value: 20 }]);
    expect(response.json().accepted).toBe(1);
    const alarms = await openAlarms(officer);
    expect(alarms.items.map((a) => [a.ruleId, a.level, a.status, a.value])).toEqual([
      ['combustible_gas.h', 'H', 'firing', 20],
    ]);
  });

  it('shows the alarm to the enterprise and the county, not to another county', async () => {
    expect((await openAlarms(manager)).total).toBe(1);
    expect((await openAlarms(outsider)).total).toBe(0);
    const id = (await openAlarms(officer)).items[0]!.id;
    const foreign = await t.request({ method: 'GET', url: `/api/v1/monitoring/alarms/${id}`, as: outsider });
    expect(foreign.statusCode).toBe(404);
  });

  it('rolls the site up to its warning colour with the reasons', async () => {
    const sites = (await t.request({ method: 'GET', url: '/api/v1/monitoring/sites', as: officer })).json<{
      items: { objectId: string; level: string | null; reasons: unknown[] }[];
    }>();
    const site = sites.items.find((item) => item.objectId === objectId)!;
    expect(site.level).not.toBeNull();
    expect(site.reasons.length).toBeGreaterThan(0);
  });

  it('escalates an unacknowledged alarm to the county after 30 minutes and to the city after 30 more, once each', async () => {
    expect(await t.app.monitoring.escalate()).toBe(0);
    t.clock.advance(30 * minute);
    expect(await t.app.monitoring.escalate()).toBe(1);
    expect(await t.app.monitoring.escalate()).toBe(0);
    officer = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: [COUNTY] } }),
    );
    const id = (await openAlarms(officer)).items[0]!.id;
    const alarm = (
      await t.request({ method: 'GET', url: `/api/v1/monitoring/alarms/${id}`, as: officer })
    ).json();
    expect(alarm.escalation).toBe('escalated_county');
    t.clock.advance(30 * minute);
    expect(await t.app.monitoring.escalate()).toBe(1);
    expect(await t.app.monitoring.escalate()).toBe(0);
    // Each step told the right people in the app, once: the enterprise and the county, then the city too.
    const told = await t.db.query<{ kind: string; scope_kind: string; n: number }>(
      `SELECT n.kind, u.scope_kind, count(*)::int AS n FROM notifications n JOIN users u ON u.id = n.user_id
        WHERE n.kind LIKE 'alarm.%' AND (u.scope_kind <> 'county' OR $1 = ANY (u.scope_counties))
        GROUP BY 1, 2 ORDER BY 1, 2`,
      [COUNTY],
    );
    const counties = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM users WHERE scope_kind = 'county' AND $1 = ANY (scope_counties)`,
      [COUNTY],
    );
    expect(told.rows).toEqual([
      { kind: 'alarm.escalated_city', scope_kind: 'county', n: counties.rows[0]!.n },
      { kind: 'alarm.escalated_city', scope_kind: 'enterprise', n: 1 },
      { kind: 'alarm.escalated_county', scope_kind: 'county', n: counties.rows[0]!.n - 1 },
      { kind: 'alarm.escalated_county', scope_kind: 'enterprise', n: 1 },
    ]);
  });

  it('goes through acknowledge → handle → clear by hand (reason required) → close with the disposal', async () => {
    const freshOfficer = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: [COUNTY] } }),
    );
    const freshManager = await t.sessionFor(
      await t.createUser({
        roles: ['enterprise_manager'],
        scope: {
          kind: 'enterprise',
          enterpriseId: (
            await t.db.query<{ enterprise_id: string }>(
              'SELECT enterprise_id FROM monitoring_points WHERE id = $1',
              [pointId],
            )
          ).rows[0]!.enterprise_id,
          county: COUNTY,
        },
      }),
    );
    const id = (await openAlarms(freshOfficer)).items[0]!.id;
    const act = (as: Caller, payload: object) =>
      t.request({ method: 'POST', url: `/api/v1/monitoring/alarms/${id}/actions`, payload, as });

    const early = await act(freshOfficer, { action: 'close' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('monitoring.illegal_transition');

    const ack = await act(freshManager, { action: 'acknowledge', note: '已到现场' });
    expect(ack.json()).toMatchObject({ status: 'acknowledged', escalation: 'responded' });
    const officerHandles = await act(freshOfficer, { action: 'handle', assignee: '李四', notes: '检查探头' });
    expect(officerHandles.statusCode).toBe(403);
    expect(officerHandles.json().error.code).toBe('monitoring.action_not_allowed');
    expect(
      (await act(freshManager, { action: 'handle', assignee: '李四', notes: '检查探头' })).json().status,
    ).toBe('handling');
    const noReason = await act(freshManager, { action: 'clear', reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect((await act(freshManager, { action: 'clear', reason: '探头受潮误报' })).json()).toMatchObject({
      status: 'cleared',
      clearedBy: 'enterprise',
      clearReason: '探头受潮误报',
    });
    const closed = await act(freshManager, {
      action: 'close',
      disposal: { cause: '探头受潮', measures: '更换探头并标定' },
    });
    expect(closed.json().status).toBe('closed');
    expect(closed.json().timeline.map((entry: { action: string }) => entry.action)).toEqual([
      'raise',
      'acknowledge',
      'handle',
      'clear',
      'close',
    ]);
    const audit = await t.db.query(
      `SELECT 1 FROM audit_log WHERE action = 'monitoring.alarm.action' AND target = $1 AND outcome = 'success'`,
      [id],
    );
    expect(audit.rowCount).toBe(4);
  });

  it('raises no new alarm while the condition persists after a manual clear, and a new one after it returned to normal', async () => {
    officer = await countyOfficer();
    await send(t, token, [{ point: 'A-GT-01', ts: now() - 9_000, value: 25 }]);
    expect((await openAlarms(officer)).total).toBe(0);
    await send(t, token, [{ point: 'A-GT-01', ts: now() - 8_000, value: 5 }]);
    await send(t, token, [{ point: 'A-GT-01', ts: now() - 7_000, value: 45 }]);
    const alarms = await openAlarms(officer);
    expect(alarms.items.map((a) => a.level).sort()).toEqual(['H', 'HH']);
  });

  it('clears the alarms by itself when the value is back inside the threshold past the deadband', async () => {
    const caller = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: [COUNTY] } }),
    );
    await send(t, token, [{ point: 'A-GT-01', ts: now() - 6_000, value: 19.5 }]);
    const stillOpen = (await openAlarms(caller)).items.map((a) => a.level);
    await send(t, token, [{ point: 'A-GT-01', ts: now() - 5_000, value: 2 }]);
    expect((await openAlarms(caller)).total).toBe(0);
    const all = (
      await t.request({ method: 'GET', url: '/api/v1/monitoring/alarms?status=cleared', as: caller })
    ).json();
    // The hour without readings before (the escalation test) also raised and cleared a no-data alarm.
    expect(
      all.items.map((a: { ruleId: string; clearedBy: string }) => [a.ruleId, a.clearedBy]).sort(),
    ).toEqual([
      ['combustible_gas.h', 'auto'],
      ['combustible_gas.hh', 'auto'],
      ['combustible_gas.no_data', 'auto'],
    ]);
    expect(stillOpen.length).toBeGreaterThan(0);
  });

  it('raises a no-data alarm after three missed intervals, from a worker tick with no new reading', async () => {
    const caller = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: [COUNTY] } }),
    );
    await t.app.monitoring.tick();
    expect((await openAlarms(caller)).items.filter((a) => a.ruleId.endsWith('no_data'))).toHaveLength(0);
    t.clock.advance(31_000);
    await t.app.monitoring.tick();
    const noData = (await openAlarms(caller)).items.filter((a) => a.ruleId.endsWith('no_data'));
    expect(noData.map((a) => [a.status, a.colour])).toEqual([['firing', null]]);
    await send(t, token, [{ point: 'A-GT-01', ts: now(), value: 1 }]);
    expect((await openAlarms(caller)).items.filter((a) => a.ruleId.endsWith('no_data'))).toHaveLength(0);
  });

  it('pushes alarm changes on the live stream (SSE) to callers in scope only', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const inScope = await countyOfficer();
    const outOfScope = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: [OTHER_COUNTY] } }),
    );
    const open = async (caller: Caller) => {
      const controller = new AbortController();
      const response = await fetch(`${address}/api/v1/monitoring/stream`, {
        headers: { cookie: caller.cookie },
        signal: controller.signal,
      });
      expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
      const reader = response.body!.getReader();
      let text = '';
      const read = (async () => {
        for (;;) {
          const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
          if (done) return;
          text += new TextDecoder().decode(value);
        }
      })();
      return {
        text: () => text,
        stop: () => {
          controller.abort();
          return read;
        },
      };
    };
    const mine = await open(inScope);
    const theirs = await open(outOfScope);
    await send(t, token, [{ point: 'A-GT-01', ts: now() + 1_000, value: 50 }]);
    await expect
      .poll(() => mine.text(), { timeout: 5_000 })
      .toMatch(/event: alarm\ndata: .*"status":"firing"/);
    const event = JSON.parse(/event: alarm\ndata: (.*)\n/.exec(mine.text())![1]!) as MonitoringEvent;
    expect(event).toMatchObject({ type: 'alarm', county: COUNTY, objectId });
    await mine.stop();
    await theirs.stop();
    expect(theirs.text()).not.toMatch(/event: alarm/);
  });
});
