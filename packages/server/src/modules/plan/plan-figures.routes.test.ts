import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertEnterprise, insertHazard } from '../../../test/factories.ts';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';
import { planCallers, taskId, type PlanDepartmentCaller } from './plan-test-support.ts';

const JIANGCHUAN = '530403';
const HONGTA = '530402';

/**
 * Progress suggested from figures Anjian holds: an assignment tied to a plan target's figure shows
 * its unit the figure for the unit's own area and the progress it suggests; the unit confirms it by
 * reporting (nothing is stored by itself).
 */
describe('plan: suggested progress from figures Anjian holds', () => {
  let t: TestContext;
  let office: Caller;
  let county: PlanDepartmentCaller;
  let transport: PlanDepartmentCaller;

  const call = (method: 'GET' | 'POST', url: string, as: Caller, payload?: object) =>
    t.request({ method, url: `/api/v1${url}`, as, ...(payload ? { payload } : {}) });
  const assign = async (task: string, organisationId: string, figureCode: string | null) => {
    const created = await call('POST', '/plan/assignments', office, {
      taskId: await taskId(t, task),
      organisationId,
      deadline: '2026-12-31',
      ...(figureCode ? { figureCode } : {}),
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().figureCode).toBe(figureCode);
    return created.json().id as string;
  };

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    const callers = await planCallers(t, ['county-530403', 'city-transport']);
    office = callers.office;
    [county, transport] = callers.departments as [PlanDepartmentCaller, PlanDepartmentCaller];
    // 江川区: three drills held this year and one only planned; 红塔区: one held (another area).
    for (const [division, heldOn, status] of [
      [JIANGCHUAN, '2026-03-01', 'held'],
      [JIANGCHUAN, '2026-06-01', 'held'],
      [JIANGCHUAN, '2026-09-01', 'held'],
      [JIANGCHUAN, '2026-12-20', 'planned'],
      [HONGTA, '2026-05-01', 'held'],
    ])
      await t.db.query(
        `INSERT INTO drills (title, county, held_on, status, form, organiser, created_at, updated_at)
         VALUES ('规划进度演练', $1, $2, $3, 'tabletop', '应急管理局', now(), now())`,
        [division, heldOn, status],
      );
    // The clock stands at 2026-11-29 (China time): the period is 2026-01-01 to 2026-11-29.
    const user = (await t.db.query<{ id: string }>('SELECT id FROM users LIMIT 1')).rows[0]!.id;
    const [a, b, c] = await Promise.all([
      insertEnterprise(t.db, { name: '规划数据企业甲', county: JIANGCHUAN, serial: 9401 }),
      insertEnterprise(t.db, { name: '规划数据企业乙', county: JIANGCHUAN, serial: 9402 }),
      insertEnterprise(t.db, { name: '规划数据企业丙', county: HONGTA, serial: 9403 }),
    ]);
    // 江川区 this year: 4 found (2 closed, 1 rectifying, 1 awaiting acceptance), 1 dismissed (no
    // hazard); one closed last year; 红塔区: one open (another area).
    for (const [enterpriseId, county, status, reportedAt] of [
      [a, JIANGCHUAN, 'closed', '2026-02-01T02:00:00Z'],
      [a, JIANGCHUAN, 'closed', '2026-05-01T02:00:00Z'],
      [b, JIANGCHUAN, 'rectifying', '2026-07-01T02:00:00Z'],
      [b, JIANGCHUAN, 'pending_acceptance', '2026-08-01T02:00:00Z'],
      [b, JIANGCHUAN, 'dismissed', '2026-08-02T02:00:00Z'],
      [a, JIANGCHUAN, 'closed', '2025-12-31T15:00:00Z'],
      [c, HONGTA, 'reported', '2026-03-01T02:00:00Z'],
    ] as const)
      await insertHazard(t.db, { enterpriseId, county, status, reportedBy: user, reportedAt });
    // Inspections: two completed in 江川区 this year, one completed last year, one only planned.
    for (const [status, completedAt, enterpriseId, county] of [
      ['completed', '2026-03-10T02:00:00Z', a, JIANGCHUAN],
      ['completed', '2026-10-10T02:00:00Z', b, JIANGCHUAN],
      ['completed', '2025-10-10T02:00:00Z', a, JIANGCHUAN],
      ['planned', null, b, JIANGCHUAN],
      ['completed', '2026-04-10T02:00:00Z', c, HONGTA],
    ] as const)
      await t.db.query(
        `INSERT INTO enforcement_inspections (kind, status, enterprise_id, county, inspector_ids, created_by,
           created_at, updated_at, completed_at)
         VALUES ('ad_hoc', $1, $2, $3, ARRAY[$4::uuid], $4, now(), now(), $5)`,
        [status, enterpriseId, county, user, completedAt],
      );
    // Cameras: three of two enterprises in 江川区, one in 红塔区.
    for (const [code, enterpriseId, county] of [
      ['PLAN-CAM-1', a, JIANGCHUAN],
      ['PLAN-CAM-2', a, JIANGCHUAN],
      ['PLAN-CAM-3', b, JIANGCHUAN],
      ['PLAN-CAM-4', c, HONGTA],
    ] as const)
      await t.db.query(
        `INSERT INTO video_cameras (code, name, enterprise_id, county, lon, lat, gateway_id, stream_ref, created_at, updated_at)
         VALUES ($1, '规划数据摄像机', $2, $3, 102.5, 24.3, 'test', 'test', now(), now())`,
        [code, enterpriseId, county],
      );
    // 专栏1 deaths: two in 江川区 this year, one in 红塔区.
    for (const [county, deaths] of [
      [JIANGCHUAN, 2],
      [HONGTA, 1],
    ] as const)
      await t.db.query(
        `INSERT INTO statistics_accidents (occurred_at, county, location, sector, accident_type, level, deaths, imported_at)
         VALUES ('2026-04-01T02:00:00Z', $1, '规划数据事故地点', 'other', '09', 'general', $2, now())`,
        [county, deaths],
      );
  });
  afterAll(() => t.close());

  it('suggests the drills held in the unit’s county against its yearly number', async () => {
    const id = await assign('3.4.8', county.organisationId, 'drills_held');
    const suggested = await call('GET', `/plan/assignments/${id}/suggested-progress`, county.caller);
    expect(suggested.statusCode, suggested.body).toBe(200);
    const body = suggested.json();
    // One county's share of the city's 107 a year: ceil(107 / 9) = 12; 3 held → 25 %.
    expect(body).toMatchObject({
      area: { zh: '江川区', en: 'Jiangchuan District' },
      percent: 25,
      figure: { code: 'drills_held', value: 3, target: 12 },
    });
    expect(body.figure.reasonZh).toMatch(/^本年已演练 3 次，按全年 12 次进度应达/);
    // Nothing is stored until the unit reports.
    expect((await call('GET', `/plan/assignments/${id}`, county.caller)).json().percent).toBe(0);
  });

  it('suggests 100 for major hazards cleared when none is open in the county', async () => {
    const id = await assign('3.4.9', county.organisationId, 'major_hazards_cleared');
    const body = (await call('GET', `/plan/assignments/${id}/suggested-progress`, county.caller)).json();
    expect(body).toMatchObject({ percent: 100, figure: { code: 'major_hazards_cleared', value: 0 } });
  });

  it('answers no figure for a task tied to none, and 404 for another unit’s assignment', async () => {
    const id = await assign('3.4.10', county.organisationId, null);
    const body = (await call('GET', `/plan/assignments/${id}/suggested-progress`, office)).json();
    expect(body).toEqual({ figure: null, area: { zh: '江川区', en: 'Jiangchuan District' }, percent: null });
    const foreign = await call('GET', `/plan/assignments/${id}/suggested-progress`, transport.caller);
    expect(foreign.statusCode).toBe(404);
    const bad = await call('POST', '/plan/assignments', office, {
      taskId: await taskId(t, '3.4.11'),
      organisationId: county.organisationId,
      deadline: '2026-12-31',
      figureCode: 'accidents',
    });
    expect(bad.statusCode).toBe(400);
  });

  it('shows the hidden-hazard rectification rate of the unit’s county this year, with its source and period', async () => {
    const id = await assign('3.2', county.organisationId, 'hazard_rectification_rate');
    const body = (await call('GET', `/plan/assignments/${id}/suggested-progress`, county.caller)).json();
    // 2 closed of 4 found (the dismissed one and last year's do not count; 红塔区's is another area).
    expect(body).toMatchObject({
      percent: 50,
      figure: {
        code: 'hazard_rectification_rate',
        value: 50,
        sourceZh: '隐患排查治理',
        periodZh: '2026-01-01 至 2026-11-29',
        reasonZh: '本期发现隐患 4 项，已整改销号 2 项（50.0%）',
      },
    });
  });

  it('shows inspections done and enterprises with cameras in the county, for the unit to judge', async () => {
    const inspections = await assign('3.1', county.organisationId, 'inspections_done');
    expect(
      (await call('GET', `/plan/assignments/${inspections}/suggested-progress`, county.caller)).json(),
    ).toMatchObject({
      percent: null,
      figure: {
        value: 2,
        sourceZh: '监管执法',
        reasonZh: '本期完成执法检查 2 次',
        periodEn: '2026-01-01 to 2026-11-29',
      },
    });
    const cameras = await assign('4.6', county.organisationId, 'video_sites_equipped');
    expect(
      (await call('GET', `/plan/assignments/${cameras}/suggested-progress`, county.caller)).json(),
    ).toMatchObject({
      percent: null,
      figure: {
        value: 2,
        sourceZh: '视频监控',
        reasonZh: '2 家企业的 3 路视频已接入平台',
        periodZh: '截至 2026-11-29',
      },
    });
  });

  it('shows a 专栏1 indicator of the county from the statistics, and refuses an indicator that does not exist', async () => {
    const id = await assign('3.3', county.organisationId, 'indicator:deaths');
    const body = (await call('GET', `/plan/assignments/${id}/suggested-progress`, county.caller)).json();
    expect(body).toMatchObject({
      percent: null,
      figure: {
        code: 'indicator:deaths',
        value: 2,
        sourceZh: '统计分析',
        periodZh: '2026-01-01 至 2026-11-29',
      },
    });
    const unknown = await call('POST', '/plan/assignments', office, {
      taskId: await taskId(t, '3.4'),
      organisationId: county.organisationId,
      deadline: '2026-12-31',
      figureCode: 'indicator:no_such_indicator',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('plan.figure_unknown');
  });
});
