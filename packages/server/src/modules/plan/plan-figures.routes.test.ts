import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
});
