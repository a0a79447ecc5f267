import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSyntheticCreditCode, type Cockpit } from '@anjian/domain';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';

const JIANGCHUAN = '530403';
const TONGHAI = '530423';
// The test clock reads 2026-11-29T02:00Z: Beijing 2026-11-29, month 2026-11 (from 10-31T16:00Z).

describe('GET /api/v1/cockpit', () => {
  let t: TestContext;
  let reporter: string;
  const ent = { a: '', b: '' };
  let cityCaller: Caller;
  let countyCaller: Caller;
  let enterpriseCaller: Caller;
  let expertCaller: Caller;

  async function enterprise(name: string, county: string, serial: number, demo = false): Promise<string> {
    const row = await t.db.query<{ id: string }>(
      `INSERT INTO enterprises (name, credit_code, county, demo, created_at, updated_at)
       VALUES ($1, $2, $3, $4, '2026-11-20T04:00:00Z', now()) RETURNING id`,
      [name, generateSyntheticCreditCode(serial, { divisionCode: county }), county, demo],
    );
    return row.rows[0]!.id;
  }

  async function hazard(
    enterpriseId: string,
    county: string,
    f: { status: string; level: string; supervision?: string; at: string },
  ) {
    await t.db.query(
      `INSERT INTO hidden_hazards (enterprise_id, county, source, location_text, description, category, level, status,
         supervision_level, state, reported_by, reported_at, updated_at)
       VALUES ($1, $2, 'self_check', '驾驶舱测试位置', '驾驶舱测试隐患', '05', $3, $4, $5, '{}', $6, $7, now())`,
      [enterpriseId, county, f.level, f.status, f.supervision ?? null, reporter, f.at],
    );
  }

  async function alarm(
    enterpriseId: string,
    county: string,
    colour: string | null,
    status: string,
    raisedAt: string,
  ) {
    const object = await t.db.query<{ id: string }>(
      `INSERT INTO regulated_objects (kind, name, enterprise_id, county, lon, lat, created_at, updated_at)
       VALUES ('major_hazard_source', '驾驶舱罐区', $1, $2, 102.55, 24.35, now(), now()) RETURNING id`,
      [enterpriseId, county],
    );
    const point = await t.db.query<{ id: string }>(
      `INSERT INTO monitoring_points (code, name, object_id, enterprise_id, county, type, unit, range_min, range_max,
         expected_interval_seconds, created_at, updated_at)
       VALUES ('CP-' || gen_random_uuid(), '驾驶舱监测点', $1, $2, $3, 'combustible_gas', '%LEL', 0, 100, 10, now(), now())
       RETURNING id`,
      [object.rows[0]!.id, enterpriseId, county],
    );
    await t.db.query(
      `INSERT INTO alarms (point_id, object_id, enterprise_id, county, rule_id, rule_version, kind, level, colour, value,
         status, evaluation, raised_at, fired_at, respond_by, escalation, timeline, updated_at)
       VALUES ($1, $2, $3, $4, 'combustible_gas.h', 1, 'threshold', 'H', $5, 25, $6, 'firing', $7, $7,
               now() + interval '30 minutes', 'awaiting_response', '[]', now())`,
      [point.rows[0]!.id, object.rows[0]!.id, enterpriseId, county, colour, status, raisedAt],
    );
  }

  async function incident(
    county: string,
    status: string,
    occurredAt: string,
    enterpriseId: string | null = null,
  ) {
    await t.db.query(
      `INSERT INTO incidents (occurred_at, county, enterprise_id, location, lon, lat, accident_type, original, description,
         reporter, status, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, '驾驶舱事故地点', 102.54, 24.36, '09', '{"deaths":0,"seriousInjuries":1,"directLossWan":"10"}',
               '驾驶舱事故', '测试', $4, $5, now(), now())`,
      [occurredAt, county, enterpriseId, status, reporter],
    );
  }

  async function inspection(
    enterpriseId: string,
    county: string,
    status: string,
    completedAt: string | null,
  ) {
    await t.db.query(
      `INSERT INTO enforcement_inspections (kind, status, enterprise_id, county, inspector_ids, created_by,
         created_at, updated_at, completed_at)
       VALUES ('ad_hoc', $1, $2, $3, '{}', $4, now(), now(), $5)`,
      [status, enterpriseId, county, reporter, completedAt],
    );
  }

  const get = async (as: Caller): Promise<Cockpit> => {
    const response = await t.request({ method: 'GET', url: '/api/v1/cockpit', as });
    expect(response.statusCode).toBe(200);
    return response.json();
  };

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    ent.a = await enterprise('驾驶舱甲企业', JIANGCHUAN, 72_001);
    ent.b = await enterprise('驾驶舱乙企业', TONGHAI, 72_002, true);
    const city = await t.createUser({ roles: ['city_officer'], scope: { kind: 'city' } });
    const county = await t.createUser({
      roles: ['county_officer'],
      scope: { kind: 'county', counties: [JIANGCHUAN] },
    });
    const company = await t.createUser({
      roles: ['enterprise_manager'],
      scope: { kind: 'enterprise', enterpriseId: ent.a, county: JIANGCHUAN },
    });
    const expert = await t.createUser({ roles: ['expert'], scope: { kind: 'city' } });
    expertCaller = await t.sessionFor(expert);
    reporter = city.id;
    cityCaller = await t.sessionFor(city);
    countyCaller = await t.sessionFor(county);
    enterpriseCaller = await t.sessionFor(company);

    // Accidents: this month (one on its first Beijing minute), one the minute before it began.
    await incident(JIANGCHUAN, 'open', '2026-10-31T16:00:00Z', ent.a);
    await incident(JIANGCHUAN, 'closed', '2026-11-28T03:00:00Z');
    await incident(TONGHAI, 'open', '2026-10-31T15:59:00Z');
    // Hazards: open major, a closed major, an open supervised general one, an open general one.
    await hazard(ent.a, JIANGCHUAN, { status: 'rectifying', level: 'major', at: '2026-11-28T01:00:00Z' });
    await hazard(ent.a, JIANGCHUAN, { status: 'closed', level: 'major', at: '2026-11-01T01:00:00Z' });
    await hazard(ent.b, TONGHAI, {
      status: 'reported',
      level: 'general',
      supervision: 'city',
      at: '2026-11-29T01:00:00Z',
    });
    await hazard(ent.b, TONGHAI, {
      status: 'pending_acceptance',
      level: 'major',
      supervision: 'county',
      at: '2026-11-20T01:00:00Z',
    });
    // Alarms: red and yellow open in 江川, orange open and a cleared red in 通海.
    await alarm(ent.a, JIANGCHUAN, 'red', 'firing', '2026-11-29T01:30:00Z');
    await alarm(ent.a, JIANGCHUAN, 'yellow', 'handling', '2026-11-29T00:30:00Z');
    await alarm(ent.b, TONGHAI, 'orange', 'acknowledged', '2026-11-28T10:00:00Z');
    await alarm(ent.b, TONGHAI, 'red', 'cleared', '2026-11-27T10:00:00Z');
    // Inspections: completed this month in each county, one last month, one still planned.
    // One of the four points reported 5 seconds ago (online); the others never did.
    await t.db.query(
      `INSERT INTO point_alarm_states (point_id, state, last_ts, updated_at)
       SELECT id, '{}', '2026-11-29T01:59:55Z', now() FROM monitoring_points WHERE county = $1 LIMIT 1`,
      [JIANGCHUAN],
    );
    // Drills: two held in 江川 this year, one planned, one held last year.
    for (const [heldOn, status] of [
      ['2026-03-01', 'held'],
      ['2026-06-01', 'held'],
      ['2026-12-20', 'planned'],
      ['2025-06-01', 'held'],
    ])
      await t.db.query(
        `INSERT INTO drills (title, county, held_on, status, form, organiser, created_at, updated_at)
         VALUES ('驾驶舱演练', $1, $2, $3, 'tabletop', '应急管理局', now(), now())`,
        [JIANGCHUAN, heldOn, status],
      );
    await inspection(ent.a, JIANGCHUAN, 'completed', '2026-11-28T06:00:00Z');
    await inspection(ent.b, TONGHAI, 'completed', '2026-11-02T06:00:00Z');
    await inspection(ent.a, JIANGCHUAN, 'completed', '2026-10-31T15:00:00Z');
    await inspection(ent.a, JIANGCHUAN, 'planned', null);
  });

  afterAll(async () => {
    await t.close();
  });

  it('gives the city every figure of the city in one answer, labelled demo when it holds demo records', async () => {
    const board = await get(cityCaller);
    expect(board.today).toBe('2026-11-29');
    expect(board.month).toBe('2026-11');
    expect(board.includesDemo).toBe(true);
    // The plan's four binding indicators (专栏1), from the statistics module, for the city.
    expect(board.indicators).toMatchObject({ year: 2026, divisionCode: null });
    expect(board.indicators?.indicators.map((i: { code: string }) => i.code)).toEqual([
      'deaths',
      'major_accidents',
      'deaths_per_100m_gdp',
      'deaths_per_100k_workers',
    ]);
    expect(board.figures).toEqual({
      accidentsThisMonth: 2,
      openMajorHazards: 2,
      supervisedHazards: 2,
      liveAlarms: { red: 1, orange: 1, yellow: 1, blue: 0, total: 3 },
      inspectionsThisMonth: 2,
      incidentsInProgress: 2,
    });
    // The plan's other targets, each from the module that measures it. Day 333 of 365: 107 × 333 ÷ 365
    // = 97.6 drills due; the two open major hazards have no deadline passed.
    expect(board.targets.map((x) => [x.code, x.value, x.target, x.status, x.sourceZh, x.reasonZh])).toEqual([
      ['monitoring_online_rate', 25, 100, 'off_track', '监测预警', '1/4 个监测点在线（25.0%），低于 95%'],
      ['major_hazards_cleared', 2, 0, 'at_risk', '隐患排查治理', '2 项重大事故隐患正在整改，均未超期'],
      ['drills_held', 2, 107, 'off_track', '应急管理', '本年已演练 2 次，按全年 107 次进度应达 97.6 次'],
    ]);
    expect(board.map.alarms?.map((a) => a.colour)).toEqual(['red', 'yellow', 'orange']);
    expect(board.map.alarms?.[0]).toMatchObject({ lon: 102.55, lat: 24.35, enterpriseName: '驾驶舱甲企业' });
    expect(board.map.incidents?.map((i) => i.occurredAt)).toEqual([
      '2026-10-31T16:00:00.000Z',
      '2026-10-31T15:59:00.000Z',
    ]);
  });

  it('counts a county officer’s own counties only, and says no demo when the county holds none', async () => {
    const board = await get(countyCaller);
    expect(board.includesDemo).toBe(false);
    expect(board.figures).toEqual({
      accidentsThisMonth: 2,
      openMajorHazards: 1,
      supervisedHazards: 0,
      liveAlarms: { red: 1, orange: 0, yellow: 1, blue: 0, total: 2 },
      inspectionsThisMonth: 1,
      incidentsInProgress: 1,
    });
    expect(board.events.every((event) => event.county === JIANGCHUAN)).toBe(true);
    // ⌈107 ÷ 9⌉ = 12 drills a year for one county: 10.9 due by day 333.
    expect(board.targets.map((x) => [x.code, x.value, x.target, x.status])).toEqual([
      ['monitoring_online_rate', 50, 100, 'off_track'],
      ['major_hazards_cleared', 1, 0, 'at_risk'],
      ['drills_held', 2, 12, 'off_track'],
    ]);
  });

  it('opens "inspections this month" as the inspection list of the month, counting the same rows', async () => {
    const listed = async (caller: typeof cityCaller, month: string) => {
      const response = await t.request({
        method: 'GET',
        url: `/api/v1/enforcement/inspections?month=${month}`,
        as: caller,
      });
      expect(response.statusCode, response.body).toBe(200);
      return response.json().total;
    };
    expect([await listed(cityCaller, '2026-11'), await listed(countyCaller, '2026-11')]).toEqual([
      (await get(cityCaller)).figures.inspectionsThisMonth,
      (await get(countyCaller)).figures.inspectionsThisMonth,
    ]);
    // 2026-10-31T15:00Z is Beijing 10-31 23:00: October's, not November's.
    expect(await listed(cityCaller, '2026-10')).toBe(1);
    const bad = await t.request({
      method: 'GET',
      url: '/api/v1/enforcement/inspections?month=2026-13',
      as: cityCaller,
    });
    expect(bad.statusCode).toBe(400);
  });

  it('draws 30-day trend lines by Beijing day, ending today', async () => {
    const board = await get(cityCaller);
    expect(board.trend.days).toHaveLength(30);
    expect(board.trend.days[0]).toBe('2026-10-31');
    expect(board.trend.days[29]).toBe('2026-11-29');
    // Alarms raised on Beijing 11-27 (18:00), 11-28 (18:00), 11-29 (08:30, 09:30).
    expect(board.trend.alarms?.slice(27)).toEqual([1, 1, 2]);
    // Incidents: 10-31T15:59Z is Beijing 10-31 23:59, 10-31T16:00Z is Beijing 11-01 00:00.
    expect(board.trend.incidents?.slice(0, 2)).toEqual([1, 1]);
    expect(board.trend.hazards?.reduce((a, b) => a + b, 0)).toBe(4);
  });

  it('rolls the newest alarms, hazards and incidents, newest first', async () => {
    const board = await get(cityCaller);
    expect(board.events.slice(0, 5).map((e) => [e.kind, e.at, e.subject, e.grade])).toEqual([
      ['alarm', '2026-11-29T01:30:00.000Z', '驾驶舱甲企业', 'red'],
      ['hazard', '2026-11-29T01:00:00.000Z', '驾驶舱乙企业', 'general'],
      ['alarm', '2026-11-29T00:30:00.000Z', '驾驶舱甲企业', 'yellow'],
      ['alarm', '2026-11-28T10:00:00.000Z', '驾驶舱乙企业', 'orange'],
      ['incident', '2026-11-28T03:00:00.000Z', '驾驶舱事故地点', null],
    ]);
    expect(board.events).toHaveLength(11); // 4 alarms, 4 hazards, 3 incidents
  });

  it('leaves out, rather than zeroes, what an enterprise may not read', async () => {
    const board = await get(enterpriseCaller);
    // enterprise_manager reads hazards and monitoring of its own enterprise, not incidents or inspections.
    expect(board.figures).toEqual({
      accidentsThisMonth: null,
      openMajorHazards: 1,
      supervisedHazards: 0,
      liveAlarms: { red: 1, orange: 0, yellow: 1, blue: 0, total: 2 },
      inspectionsThisMonth: null,
      incidentsInProgress: null,
    });
    expect(board.map.incidents).toBeNull();
    expect(board.trend.incidents).toBeNull();
    expect(board.events.map((e) => e.kind).sort()).toEqual(['alarm', 'alarm', 'hazard', 'hazard']);
  });

  it('rolls only hazards for an expert, who reads hazards but not alarms or incidents', async () => {
    const board = await get(expertCaller);
    expect(board.events.map((e) => [e.kind, e.grade])).toEqual([
      ['hazard', 'general'],
      ['hazard', 'major'],
      ['hazard', 'major'],
      ['hazard', 'major'],
    ]);
    expect(board.figures.liveAlarms).toBeNull();
    expect(board.figures.openMajorHazards).toBe(2);
    expect(board.targets.map((x) => x.code)).toEqual(['major_hazards_cleared']);
  });

  it('opens the change stream as Server-Sent Events', async () => {
    const response = await t.request({
      method: 'GET',
      url: '/api/v1/cockpit/stream?seconds=0',
      as: cityCaller,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(response.body).toBe('retry: 3000\n\n');
  });

  it('refuses a caller without a session', async () => {
    const response = await t.request({ method: 'GET', url: '/api/v1/cockpit' });
    expect(response.statusCode).toBe(401);
  });

  it('tracks the other targets as the bureau keeps them in cockpit_plan_targets (values, thresholds, order, active)', async () => {
    await t.db.query(
      `UPDATE cockpit_plan_targets SET target = 25, at_risk = 20 WHERE code = 'monitoring_online_rate'`,
    );
    await t.db.query(`UPDATE cockpit_plan_targets SET target = 54, position = 0 WHERE code = 'drills_held'`);
    await t.db.query(`UPDATE cockpit_plan_targets SET active = false WHERE code = 'major_hazards_cleared'`);
    try {
      const board = await get(cityCaller);
      // 1 of 4 points online meets 25 %; 54 × 333 ÷ 365 = 49.3 drills due by day 333.
      expect(board.targets.map((x) => [x.code, x.target, x.status, x.reasonZh])).toEqual([
        ['drills_held', 54, 'off_track', '本年已演练 2 次，按全年 54 次进度应达 49.3 次'],
        ['monitoring_online_rate', 25, 'on_track', '1/4 个监测点在线（25.0%）'],
      ]);
    } finally {
      await t.db.query(`UPDATE cockpit_plan_targets SET active = true WHERE code = 'major_hazards_cleared'`);
    }
  });
});
