import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';

/**
 * The plan's other targets on the cockpit are data the city (registry:configure) edits: each
 * target's values are checked by its own rule with a coded 400 and nothing written, every change is
 * audited, and the cockpit reads the edited target at once.
 */
describe('plan target settings', () => {
  let t: TestContext;
  let city: Caller;
  let county: Caller;

  const drills = {
    nameZh: '应急演练次数',
    nameEn: 'Emergency drills held',
    unit: '次',
    target: 107,
    atRisk: 80,
    position: 3,
    active: true,
  };
  const online = {
    ...drills,
    nameZh: '重大危险源监测点在线率',
    unit: '%',
    target: 100,
    atRisk: 95,
    position: 1,
  };
  const put = (code: string, payload: Record<string, unknown>, as: Caller = city) =>
    t.request({ method: 'PUT', url: `/api/v1/cockpit/plan-targets/${code}`, payload, as });
  const stored = async () =>
    (await t.db.query('SELECT * FROM cockpit_plan_targets ORDER BY code')).rows as unknown[];

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    city = await t.sessionFor(await t.createUser({ roles: ['city_officer'], scope: { kind: 'city' } }));
    county = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: ['530402'] } }),
    );
  });
  afterAll(() => t.close());

  it('lists the three targets with the module each figure comes from', async () => {
    const response = await t.request({ method: 'GET', url: '/api/v1/cockpit/plan-targets', as: county });
    expect(response.statusCode).toBe(200);
    expect(
      response
        .json()
        .items.map((i: { code: string; sourceZh: string; target: number; atRisk: number }) => [
          i.code,
          i.sourceZh,
          i.target,
          i.atRisk,
        ]),
    ).toEqual([
      ['monitoring_online_rate', '监测预警', 100, 95],
      ['major_hazards_cleared', '隐患排查治理', 0, 0],
      ['drills_held', '应急管理', 107, 80],
    ]);
  });

  it('shows the edited target on the cockpit at once and audits what changed', async () => {
    const changed = await put('drills_held', { ...drills, target: 54, position: 0 });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ code: 'drills_held', target: 54, position: 0 });
    expect(changed.json().updatedBy).not.toBeNull();

    const board = (await t.request({ method: 'GET', url: '/api/v1/cockpit', as: city })).json();
    expect(board.targets[0]).toMatchObject({ code: 'drills_held' });
    // 54 a year, pro rata to day 333 of 2026 (the test clock): 49.3 due.
    expect(board.targets[0].reasonZh).toContain('按全年 54 次进度应达 49.3 次');

    const audit = await t.db.query<{ detail: string }>(
      `SELECT detail FROM audit_log WHERE action = 'cockpit.plan_target_set'`,
    );
    expect(audit.rows.map((r) => r.detail)).toEqual(['drills_held: target 107 → 54; position 3 → 0']);
  });

  it('checks each target by its own rule with a coded 400 and writes nothing', async () => {
    const before = await stored();
    const cases: [string, Record<string, unknown>, string][] = [
      ['monitoring_online_rate', { ...online, target: 120 }, 'statistics.plan_target_percent'],
      ['monitoring_online_rate', { ...online, target: 90 }, 'statistics.plan_target_at_risk_above_target'],
      ['drills_held', { ...drills, target: 0 }, 'statistics.plan_target_whole'],
      ['drills_held', { ...drills, target: 10.5 }, 'statistics.plan_target_whole'],
      ['drills_held', { ...drills, atRisk: 150 }, 'statistics.plan_target_percent'],
      ['major_hazards_cleared', { ...drills, target: 0.5 }, 'statistics.plan_target_whole'],
    ];
    for (const [code, payload, error] of cases) {
      const response = await put(code, payload);
      expect([response.statusCode, response.json().error.code], error).toEqual([400, error]);
    }
    expect((await put('drills_held', { ...drills, target: -1 })).statusCode).toBe(400);
    expect((await put('accidents_zero', drills)).statusCode).toBe(400);
    expect((await put('drills_held', drills, county)).statusCode).toBe(403);
    expect(await stored()).toEqual(before);
  });
});
