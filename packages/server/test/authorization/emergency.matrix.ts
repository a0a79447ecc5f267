import { createFieldCipher } from '../../src/platform/crypto.ts';
import { TEST_FIELD_KEY, type TestContext } from '../test-app.ts';
import type { RouteCase, Target } from './matrix-support.ts';
import { countyOf, dispatchers, dispatchersOut, statuses } from './matrix-support.ts';

/** Authorisation-matrix rows for the emergency routes (see ../authorization-matrix.routes.test.ts). */

// Each build gets its own duty date, so that no two callers compete for one roster slot.
let dutyDay = 0;
const nextDutyDate = () => {
  const day = new Date(Date.UTC(2027, 0, 1) + dutyDay++ * 86_400_000);
  return day.toISOString().slice(0, 10);
};

async function insert(t: TestContext, sql: string, params: unknown[]): Promise<string> {
  return (await t.db.query<{ id: string }>(sql, params)).rows[0]!.id;
}
const newPlan = (t: TestContext, target: Target) =>
  insert(
    t,
    `INSERT INTO emergency_plans (name, level, plan_type, county, issued_on, revised_on, review_due_on, created_at, updated_at)
     VALUES ('矩阵预案', 'county', 'special', $1, '2025-01-01', '2025-01-01', '2028-01-01', now(), now()) RETURNING id`,
    [countyOf(target)],
  );
const newCase = (t: TestContext, target: Target) =>
  insert(
    t,
    `INSERT INTO emergency_cases (title, occurred_on, county, accident_type, summary, causes, lessons, created_at, updated_at)
     VALUES ('矩阵案例标题', '2020-05-01', $1, '09', '矩阵案例经过', '{违章作业}', '加强管理', now(), now()) RETURNING id`,
    [countyOf(target)],
  );
const newScenario = (t: TestContext, target: Target) =>
  insert(
    t,
    `INSERT INTO drill_scenarios (name, county, description, created_at, updated_at)
     VALUES ('矩阵情景', $1, '液氯钢瓶泄漏', now(), now()) RETURNING id`,
    [countyOf(target)],
  );
const newDrill = (t: TestContext, target: Target) =>
  insert(
    t,
    `INSERT INTO drills (title, county, held_on, status, form, organiser, participants, created_at, updated_at)
     VALUES ('矩阵演练', $1, '2026-06-01', 'held', 'tabletop', '应急局', 30, now(), now()) RETURNING id`,
    [countyOf(target)],
  );
async function newFinding(t: TestContext, target: Target) {
  const drill = await newDrill(t, target);
  const finding = await insert(
    t,
    `INSERT INTO drill_findings (drill_id, text, owner, deadline, status, created_at, updated_at)
     VALUES ($1, '通讯不畅', '办公室', '2026-12-31', 'open', now(), now()) RETURNING id`,
    [drill],
  );
  return { drill, finding };
}
const newShift = (t: TestContext, target: Target) =>
  insert(
    t,
    `INSERT INTO duty_shifts (county, duty_date, shift, leader, officer, phone_enc, created_at, updated_at)
     VALUES ($1, $2, 'day', '李带班', '王值班', $3, now(), now()) RETURNING id`,
    [countyOf(target), nextDutyDate(), createFieldCipher(TEST_FIELD_KEY).encrypt('13800001111')],
  );

const PLAN = (target: Target) => ({
  name: '矩阵危化品专项预案',
  level: 'county',
  type: 'special',
  county: countyOf(target),
  issuedOn: '2025-01-01',
});
const CASE = (target: Target) => ({
  title: '矩阵案例标题',
  occurredOn: '2020-05-01',
  county: countyOf(target),
  accidentType: '09',
  summary: '矩阵案例经过',
  causes: ['违章作业'],
  lessons: '加强管理',
});
const SCENARIO = (target: Target) => ({
  name: '矩阵情景',
  county: countyOf(target),
  description: '液氯钢瓶泄漏',
});
const DRILL = (target: Target) => ({
  title: '矩阵演练',
  county: countyOf(target),
  heldOn: '2026-06-01',
  status: 'held',
  form: 'tabletop',
  organiser: '应急局',
  participants: 30,
});
const FINDING = { text: '通讯不畅', owner: '办公室', deadline: '2026-12-31' };
const SHIFT = (target: Target) => ({
  county: countyOf(target),
  date: nextDutyDate(),
  shift: 'day',
  leader: '李带班',
  officer: '王值班',
  phone: '13800001111',
});

const createdOut = statuses(403, { cityOfficer: 201, countyOfficer: 403 });
const byId = (
  url: (id: string) => string,
  make: (t: TestContext, target: Target) => Promise<string>,
  payload?: (target: Target) => object,
): RouteCase => ({
  build: async ({ t, target }) => ({ url: url(await make(t, target)), payload: payload?.(target) }),
  in: dispatchers(200),
  out: dispatchersOut(200),
});

export const emergencyMatrix: Record<string, RouteCase> = {
  'GET /api/v1/emergency/materials/alerts': {
    build: async () => ({ url: '/api/v1/emergency/materials/alerts' }),
    in: dispatchers(200),
  },
  'GET /api/v1/emergency/plans': {
    build: async () => ({ url: '/api/v1/emergency/plans?review=due' }),
    in: dispatchers(200),
  },
  'POST /api/v1/emergency/plans': {
    build: async ({ target }) => ({ url: '/api/v1/emergency/plans', payload: PLAN(target) }),
    in: dispatchers(201),
    out: createdOut,
  },
  'GET /api/v1/emergency/plans/:id': byId((id) => `/api/v1/emergency/plans/${id}`, newPlan),
  'PUT /api/v1/emergency/plans/:id': byId((id) => `/api/v1/emergency/plans/${id}`, newPlan, PLAN),
  'DELETE /api/v1/emergency/plans/:id': byId((id) => `/api/v1/emergency/plans/${id}`, newPlan),
  'GET /api/v1/emergency/cases': {
    build: async () => ({ url: '/api/v1/emergency/cases' }),
    in: dispatchers(200),
  },
  'POST /api/v1/emergency/cases': {
    build: async ({ target }) => ({ url: '/api/v1/emergency/cases', payload: CASE(target) }),
    in: dispatchers(201),
    out: createdOut,
  },
  'GET /api/v1/emergency/cases/:id': byId((id) => `/api/v1/emergency/cases/${id}`, newCase),
  'PUT /api/v1/emergency/cases/:id': byId((id) => `/api/v1/emergency/cases/${id}`, newCase, CASE),
  'DELETE /api/v1/emergency/cases/:id': byId((id) => `/api/v1/emergency/cases/${id}`, newCase),
  'GET /api/v1/emergency/drill-scenarios': {
    build: async () => ({ url: '/api/v1/emergency/drill-scenarios' }),
    in: dispatchers(200),
  },
  'POST /api/v1/emergency/drill-scenarios': {
    build: async ({ target }) => ({ url: '/api/v1/emergency/drill-scenarios', payload: SCENARIO(target) }),
    in: dispatchers(201),
    out: createdOut,
  },
  'PUT /api/v1/emergency/drill-scenarios/:id': byId(
    (id) => `/api/v1/emergency/drill-scenarios/${id}`,
    newScenario,
    SCENARIO,
  ),
  'DELETE /api/v1/emergency/drill-scenarios/:id': byId(
    (id) => `/api/v1/emergency/drill-scenarios/${id}`,
    newScenario,
  ),
  'GET /api/v1/emergency/drills': {
    build: async () => ({ url: '/api/v1/emergency/drills?year=2026' }),
    in: dispatchers(200),
  },
  'GET /api/v1/emergency/drills/statistics': {
    build: async () => ({ url: '/api/v1/emergency/drills/statistics?from=2021&to=2026' }),
    in: dispatchers(200),
  },
  'POST /api/v1/emergency/drills': {
    build: async ({ target }) => ({
      url: '/api/v1/emergency/drills',
      payload: { ...DRILL(target), findings: [FINDING] },
    }),
    in: dispatchers(201),
    out: createdOut,
  },
  'GET /api/v1/emergency/drills/:id': byId((id) => `/api/v1/emergency/drills/${id}`, newDrill),
  'PUT /api/v1/emergency/drills/:id': byId((id) => `/api/v1/emergency/drills/${id}`, newDrill, DRILL),
  'DELETE /api/v1/emergency/drills/:id': byId((id) => `/api/v1/emergency/drills/${id}`, newDrill),
  'POST /api/v1/emergency/drills/:id/findings': byId(
    (id) => `/api/v1/emergency/drills/${id}/findings`,
    newDrill,
    () => FINDING,
  ),
  'PUT /api/v1/emergency/drills/:id/findings/:findingId': {
    build: async ({ t, target }) => {
      const { drill, finding } = await newFinding(t, target);
      return {
        url: `/api/v1/emergency/drills/${drill}/findings/${finding}`,
        payload: { ...FINDING, status: 'done' },
      };
    },
    in: dispatchers(200),
    out: dispatchersOut(200),
  },
  'GET /api/v1/emergency/duty/roster': {
    build: async () => ({ url: '/api/v1/emergency/duty/roster?from=2026-11-23&to=2026-11-29' }),
    in: dispatchers(200),
  },
  'POST /api/v1/emergency/duty/roster': {
    build: async ({ target }) => ({ url: '/api/v1/emergency/duty/roster', payload: SHIFT(target) }),
    in: dispatchers(201),
    out: createdOut,
  },
  'PUT /api/v1/emergency/duty/roster/:id': byId(
    (id) => `/api/v1/emergency/duty/roster/${id}`,
    newShift,
    SHIFT,
  ),
  'DELETE /api/v1/emergency/duty/roster/:id': byId((id) => `/api/v1/emergency/duty/roster/${id}`, newShift),
  'GET /api/v1/emergency/duty/log': {
    build: async () => ({ url: '/api/v1/emergency/duty/log' }),
    in: dispatchers(200),
  },
  'POST /api/v1/emergency/duty/log': {
    build: async ({ target }) => ({
      url: '/api/v1/emergency/duty/log',
      payload: { county: countyOf(target), text: '接市局通知，加强夜间值守' },
    }),
    in: dispatchers(201),
    out: createdOut,
  },
};
