import { randomUUID } from 'node:crypto';
import { XLSX_TYPE } from '../../src/platform/office/index.ts';
import { planWorkbook } from '../../src/modules/plan/plan-test-support.ts';
import type { TestContext, TestUser } from '../test-app.ts';
import type { RouteCase, Target } from './matrix-support.ts';
import { newEnterprise, statuses } from './matrix-support.ts';

/**
 * Authorisation-matrix rows for running the plan (see ../authorization-matrix.routes.test.ts). The
 * 安委办 (plan:manage) follows every unit and assigns, scores and verifies; a member unit's account
 * (plan:report) reads the plan and reports on its own unit's work: "in scope" is work assigned to
 * 市住房和城乡建设局, which the caller is made a member of; "out of scope" is 市交通运输局's (404):
 * its assignments, letters, campaign objects, self-assessment row and responsibility lists.
 */
const readers = (status: number) => statuses(403, { safetyOffice: status, departmentOfficer: status });
const office = (status: number) => statuses(403, { safetyOffice: status });
const unit = (status: number) => statuses(403, { departmentOfficer: status });

const orgOf = async (t: TestContext, code: string) =>
  (await t.db.query<{ id: string }>('SELECT id FROM organisations WHERE code = $1', [code])).rows[0]!.id;
const unitOf = (target: Target) => (target === 'in' ? 'city-housing' : 'city-transport');

/** The caller works for 市住房和城乡建设局 (the in-scope unit). */
async function joinInUnit(t: TestContext, caller: TestUser | null) {
  if (!caller) return;
  await t.db.query(
    `INSERT INTO organisation_members (organisation_id, user_id)
     SELECT id, $1 FROM organisations WHERE code = 'city-housing' ON CONFLICT DO NOTHING`,
    [caller.id],
  );
}

const planId = async (t: TestContext) =>
  (await t.db.query<{ id: string }>("SELECT id FROM plans WHERE code = 'yuxi-14th-safety'")).rows[0]!.id;

/** A fresh unit (a task is assigned to a unit once), with one task of the plan assigned to it. */
async function newUnit(t: TestContext): Promise<string> {
  const rows = await t.db.query<{ id: string }>(
    `INSERT INTO organisations (code, parent_id, kind, name, division_code)
     VALUES ($1, (SELECT id FROM organisations WHERE code = 'committee'), 'city_department', '矩阵测试单位', '530400') RETURNING id`,
    [`matrix-${randomUUID()}`],
  );
  return rows.rows[0]!.id;
}

async function newAssignment(t: TestContext, target: Target): Promise<string> {
  const rows = await t.db.query<{ id: string }>(
    `INSERT INTO plan_assignments (task_id, organisation_id, deadline, assigned_by, assigned_at, updated_at)
     VALUES ((SELECT id FROM plan_tasks WHERE code = '3.4.8' LIMIT 1), $1, '2026-12-31', (SELECT id FROM users LIMIT 1), now(), now())
     ON CONFLICT (task_id, organisation_id) DO UPDATE SET note = '' RETURNING id`,
    [await orgOf(t, unitOf(target))],
  );
  return rows.rows[0]!.id;
}

/** A task of the built-in plan: in scope 3.4.8 (led by 市住房和城乡建设局), out of scope 4.5 (市交通运输局). */
const matrixTask = async (t: TestContext, target: Target) =>
  (
    await t.db.query<{ id: string }>(
      `SELECT t.id FROM plan_tasks t JOIN plans p ON p.id = t.plan_id WHERE p.code = 'yuxi-14th-safety' AND t.code = $1`,
      [target === 'in' ? '3.4.8' : '4.5'],
    )
  ).rows[0]!.id;

/** A fresh, undelivered deliverable of the target's task. */
async function newDeliverable(t: TestContext, target: Target): Promise<string> {
  const rows = await t.db.query<{ id: string }>(
    `INSERT INTO plan_deliverables (plan_id, task_id, position, what, kind, due_year)
     SELECT plan_id, id, 99, '矩阵成果', 'document', 2025 FROM plan_tasks WHERE id = $1 RETURNING id`,
    [await matrixTask(t, target)],
  );
  return rows.rows[0]!.id;
}

/** A deliverable of the target's unit's task, already marked delivered (for undoing). */
async function deliveredDeliverable(t: TestContext, target: Target): Promise<string> {
  const id = await newDeliverable(t, target);
  await t.db.query(
    "UPDATE plan_deliverables SET delivered_on = '2026-01-01', evidence_link = '/plan' WHERE id = $1",
    [id],
  );
  return id;
}

/** A letter on an assignment of the target's unit (its milestone overdue). */
async function newLetter(t: TestContext, target: Target): Promise<string> {
  const rows = await t.db.query<{ id: string }>(
    `WITH c AS (INSERT INTO plan_letter_counters (year, last) VALUES (2099, 1)
                ON CONFLICT (year) DO UPDATE SET last = plan_letter_counters.last + 1 RETURNING last)
     INSERT INTO plan_supervision_letters (assignment_id, year, seq, number, requirement, reply_by, issued_by, issued_at)
     SELECT $1, 2099, c.last, '矩阵督' || c.last, '矩阵督办', '2026-12-31', (SELECT id FROM users LIMIT 1), now() FROM c
     RETURNING id`,
    [await newAssignment(t, target)],
  );
  return rows.rows[0]!.id;
}

/** An assignment of the target's unit with a milestone overdue at the test clock (2026-11-29). */
async function overdueAssignment(t: TestContext, target: Target): Promise<string> {
  const id = await newAssignment(t, target);
  await t.db.query(
    `INSERT INTO plan_milestones (assignment_id, title, due_date, position) VALUES ($1, '矩阵节点', '2026-01-31', 99)`,
    [id],
  );
  return id;
}

async function newAssessment(t: TestContext): Promise<string> {
  const rows = await t.db.query<{ id: string }>(
    `INSERT INTO plan_assessments (year, name, items, created_by, created_at)
     VALUES (2026, $1, '[{"code":"a","name":"责任落实","maxScore":100}]', (SELECT id FROM users LIMIT 1), now()) RETURNING id`,
    [`矩阵考核${randomUUID().slice(0, 8)}`],
  );
  await t.db.query(
    `INSERT INTO plan_assessment_units (assessment_id, organisation_id) SELECT $1, id FROM organisations WHERE code = 'city-housing'`,
    [rows.rows[0]!.id],
  );
  return rows.rows[0]!.id;
}

/** An assessment of both units, none scored (each may self-assess its own row). */
async function openAssessment(t: TestContext): Promise<string> {
  const id = await newAssessment(t);
  await t.db.query(
    `INSERT INTO plan_assessment_units (assessment_id, organisation_id) SELECT $1, id FROM organisations WHERE code = 'city-transport'`,
    [id],
  );
  return id;
}

/** An assessment whose every unit is scored (ready to publish). */
async function scoredAssessment(t: TestContext): Promise<string> {
  const id = await newAssessment(t);
  await t.db.query(
    `UPDATE plan_assessment_units SET scores = '{"a": 90}', scored_at = now(), scored_by = (SELECT id FROM users LIMIT 1)
      WHERE assessment_id = $1`,
    [id],
  );
  return id;
}

/** An open assessment of 红塔区 in 2098 with a 较大 accident there (an automatic veto), set aside when `overridden`. */
async function vetoedAssessment(t: TestContext, overridden = false): Promise<{ id: string; unit: string }> {
  const year = 2098;
  await t.db.query(
    `INSERT INTO statistics_accidents (occurred_at, county, location, sector, accident_type, level, deaths, imported_at)
     VALUES ($1, '530402', '矩阵测试地点', 'construction', '01', 'larger', 3, now()) ON CONFLICT DO NOTHING`,
    [`${year}-05-01T02:00:00Z`],
  );
  const rows = await t.db.query<{ id: string }>(
    `INSERT INTO plan_assessments (year, name, items, created_by, created_at)
     VALUES ($1, $2, '[{"code":"a","name":"责任落实","maxScore":100}]', (SELECT id FROM users LIMIT 1), now()) RETURNING id`,
    [year, `矩阵否决考核${randomUUID().slice(0, 8)}`],
  );
  const [id, unit] = [rows.rows[0]!.id, await orgOf(t, 'county-530402')];
  await t.db.query(
    `INSERT INTO plan_assessment_units (assessment_id, organisation_id, veto_override, veto_override_by, veto_override_at)
     SELECT $1, $2, CASE WHEN $3 THEN '矩阵撤销理由' END, CASE WHEN $3 THEN u.id END, CASE WHEN $3 THEN now() END
       FROM (SELECT id FROM users LIMIT 1) u`,
    [id, unit, overridden],
  );
  return { id, unit };
}

/** A responsibility list of the target's unit (version 1). */
async function newResponsibilityList(t: TestContext, target: Target): Promise<string> {
  const rows = await t.db.query<{ list_id: string }>(
    `WITH l AS (
       INSERT INTO plan_responsibility_lists (kind, organisation_id, holder, title, created_by, created_at)
       SELECT 'department', id, name, $2, (SELECT id FROM users LIMIT 1), now() FROM organisations WHERE code = $1
       RETURNING id, created_by)
     INSERT INTO plan_responsibility_list_versions (list_id, version, items, published_by, published_at)
     SELECT id, 1, ARRAY['矩阵责任事项'], created_by, now() FROM l RETURNING list_id`,
    [unitOf(target), `矩阵责任清单${randomUUID().slice(0, 8)}`],
  );
  return rows.rows[0]!.list_id;
}

/** A saved evaluation version (its DOCX a stand-in: the route answers the stored bytes). */
async function newEvaluationVersion(t: TestContext): Promise<string> {
  const rows = await t.db.query<{ id: string }>(
    `INSERT INTO plan_evaluation_versions (plan_id, kind, year, version, docx, created_by, created_at)
     SELECT $1, 'mid', 2023, coalesce(max(version), 0) + 1, $2, (SELECT id FROM users LIMIT 1), now()
       FROM plan_evaluation_versions WHERE plan_id = $1 AND kind = 'mid' RETURNING id`,
    [await planId(t), Buffer.from('PK')],
  );
  return rows.rows[0]!.id;
}

async function newCampaign(t: TestContext): Promise<string> {
  const rows = await t.db.query<{ id: string }>(
    `INSERT INTO plan_campaigns (name, start_date, end_date, created_by, created_at)
     VALUES ('矩阵专项整治', '2026-01-01', '2026-12-31', (SELECT id FROM users LIMIT 1), now()) RETURNING id`,
  );
  return rows.rows[0]!.id;
}

async function newCampaignObject(t: TestContext, target: Target, status: 'open' | 'closed'): Promise<string> {
  const rows = await t.db.query<{ id: string }>(
    `INSERT INTO plan_campaign_objects (campaign_id, enterprise_id, organisation_id, task, status, created_at)
     VALUES ($1, $2, $3, '矩阵整治任务', $4, now()) RETURNING id`,
    [await newCampaign(t), await newEnterprise(t, 'in'), await orgOf(t, unitOf(target)), status],
  );
  return rows.rows[0]!.id;
}

export const planMatrix: Record<string, RouteCase> = {
  'GET /api/v1/plan/organisations': {
    build: async () => ({ url: '/api/v1/plan/organisations' }),
    in: readers(200),
  },
  'PUT /api/v1/plan/organisations/:id/members': {
    build: async ({ t }) => ({
      url: `/api/v1/plan/organisations/${await newUnit(t)}/members`,
      payload: { userIds: [] },
    }),
    in: office(200),
  },
  'GET /api/v1/plan/plans': { build: async () => ({ url: '/api/v1/plan/plans' }), in: readers(200) },
  'GET /api/v1/plan/plans/:id': {
    build: async ({ t }) => ({ url: `/api/v1/plan/plans/${await planId(t)}` }),
    in: readers(200),
  },
  'GET /api/v1/plan/plans/:id/evaluation': {
    build: async ({ t }) => ({ url: `/api/v1/plan/plans/${await planId(t)}/evaluation?kind=mid` }),
    in: office(200),
  },
  'GET /api/v1/plan/plans/:id/evaluation/versions': {
    build: async ({ t }) => ({ url: `/api/v1/plan/plans/${await planId(t)}/evaluation/versions` }),
    in: office(200),
  },
  'POST /api/v1/plan/plans/:id/evaluation/versions': {
    build: async ({ t }) => ({
      url: `/api/v1/plan/plans/${await planId(t)}/evaluation/versions`,
      payload: { kind: 'final', note: '矩阵版本' },
    }),
    in: office(201),
  },
  'GET /api/v1/plan/evaluation-versions/:id/docx': {
    build: async ({ t }) => ({
      url: `/api/v1/plan/evaluation-versions/${await newEvaluationVersion(t)}/docx`,
    }),
    in: office(200),
  },
  'GET /api/v1/plan/plans/:id/export': {
    build: async ({ t }) => ({ url: `/api/v1/plan/plans/${await planId(t)}/export` }),
    in: readers(200),
  },
  'GET /api/v1/plan/imports/template': {
    build: async () => ({ url: '/api/v1/plan/imports/template' }),
    in: office(200),
  },
  'POST /api/v1/plan/imports': {
    build: async () => ({
      url: `/api/v1/plan/imports?name=${encodeURIComponent(`矩阵规划${randomUUID().slice(0, 8)}`)}&startYear=2026&endYear=2030`,
      headers: { 'content-type': XLSX_TYPE },
      payload: await planWorkbook([
        { chapterNo: 1, chapterTitle: '主要任务', code: '1.1', kind: '主要任务', title: '矩阵任务' },
      ]),
    }),
    in: office(200),
  },
  'GET /api/v1/plan/assignments': {
    build: async () => ({ url: '/api/v1/plan/assignments' }),
    in: readers(200),
  },
  'GET /api/v1/plan/assignments/export': {
    build: async () => ({ url: '/api/v1/plan/assignments/export' }),
    in: readers(200),
  },
  'POST /api/v1/plan/assignments': {
    build: async ({ t }) => ({
      url: '/api/v1/plan/assignments',
      payload: {
        taskId: (await t.db.query<{ id: string }>("SELECT id FROM plan_tasks WHERE code = '3.1' LIMIT 1"))
          .rows[0]!.id,
        organisationId: await newUnit(t),
        deadline: '2026-12-31',
      },
    }),
    in: office(201),
  },
  'GET /api/v1/plan/assignments/:id': {
    build: async ({ t, target, caller }) => {
      await joinInUnit(t, caller);
      return { url: `/api/v1/plan/assignments/${await newAssignment(t, target)}` };
    },
    in: readers(200),
    out: statuses(403, { safetyOffice: 200, departmentOfficer: 404 }),
  },
  'GET /api/v1/plan/assignments/:id/suggested-progress': {
    build: async ({ t, target, caller }) => {
      await joinInUnit(t, caller);
      return { url: `/api/v1/plan/assignments/${await newAssignment(t, target)}/suggested-progress` };
    },
    in: readers(200),
    out: statuses(403, { safetyOffice: 200, departmentOfficer: 404 }),
  },
  'POST /api/v1/plan/assignments/:id/progress': {
    build: async ({ t, target, caller }) => {
      await joinInUnit(t, caller);
      return {
        url: `/api/v1/plan/assignments/${await newAssignment(t, target)}/progress`,
        payload: { percent: 10, status: 'on_track', note: '矩阵进展' },
      };
    },
    in: unit(200),
    out: unit(404),
  },
  'GET /api/v1/plan/tasks/:id/deliverables': {
    build: async ({ t, target, caller }) => {
      await joinInUnit(t, caller);
      return { url: `/api/v1/plan/tasks/${await matrixTask(t, target)}/deliverables` };
    },
    in: readers(200),
    out: statuses(403, { safetyOffice: 200, departmentOfficer: 404 }),
  },
  'POST /api/v1/plan/deliverables/:id/delivered': {
    build: async ({ t, target, caller }) => {
      await joinInUnit(t, caller);
      return {
        url: `/api/v1/plan/deliverables/${await newDeliverable(t, target)}/delivered`,
        payload: { deliveredOn: '2026-01-01', link: '/plan' },
      };
    },
    in: unit(200),
    out: unit(404),
  },
  'POST /api/v1/plan/deliverables/:id/undo': {
    build: async ({ t, target, caller }) => {
      await joinInUnit(t, caller);
      return {
        url: `/api/v1/plan/deliverables/${await deliveredDeliverable(t, target)}/undo`,
        payload: { reason: '矩阵撤销' },
      };
    },
    in: unit(200),
    out: unit(404),
  },
  'GET /api/v1/plan/letters': {
    build: async () => ({ url: '/api/v1/plan/letters' }),
    in: readers(200),
  },
  'GET /api/v1/plan/letters/export': {
    build: async () => ({ url: '/api/v1/plan/letters/export' }),
    in: readers(200),
  },
  'POST /api/v1/plan/assignments/:id/letters': {
    build: async ({ t, target }) => ({
      url: `/api/v1/plan/assignments/${await overdueAssignment(t, target)}/letters`,
      payload: { requirement: '矩阵督办', replyBy: '2026-12-31' },
    }),
    in: office(201),
  },
  'POST /api/v1/plan/letters/:id/reply': {
    build: async ({ t, target, caller }) => {
      await joinInUnit(t, caller);
      return {
        url: `/api/v1/plan/letters/${await newLetter(t, target)}/reply`,
        payload: { reply: '矩阵回复' },
      };
    },
    in: unit(200),
    out: unit(404),
  },
  'GET /api/v1/plan/letters/:id/docx': {
    build: async ({ t, target, caller }) => {
      await joinInUnit(t, caller);
      return { url: `/api/v1/plan/letters/${await newLetter(t, target)}/docx` };
    },
    in: readers(200),
    out: statuses(403, { safetyOffice: 200, departmentOfficer: 404 }),
  },
  'GET /api/v1/plan/escalations': {
    build: async () => ({ url: '/api/v1/plan/escalations' }),
    in: readers(200),
  },
  'GET /api/v1/plan/assessments': {
    build: async () => ({ url: '/api/v1/plan/assessments' }),
    in: readers(200),
  },
  'POST /api/v1/plan/assessments': {
    build: async ({ t }) => ({
      url: '/api/v1/plan/assessments',
      payload: {
        year: 2026,
        name: `矩阵考核${randomUUID().slice(0, 8)}`,
        items: [{ code: 'a', name: '责任落实', maxScore: 100 }],
        organisationIds: [await orgOf(t, 'city-housing')],
      },
    }),
    in: office(201),
  },
  'GET /api/v1/plan/assessments/:id': {
    build: async ({ t }) => ({ url: `/api/v1/plan/assessments/${await newAssessment(t)}` }),
    in: readers(200),
  },
  'PUT /api/v1/plan/assessments/:id/scores': {
    build: async ({ t }) => ({
      url: `/api/v1/plan/assessments/${await newAssessment(t)}/scores`,
      payload: { organisationId: await orgOf(t, 'city-housing'), scores: { a: 88 } },
    }),
    in: office(200),
  },
  'GET /api/v1/plan/assessments/:id/export': {
    build: async ({ t }) => ({ url: `/api/v1/plan/assessments/${await newAssessment(t)}/export` }),
    in: readers(200),
  },
  'PUT /api/v1/plan/assessments/:id/units/:organisationId/self-assessment': {
    build: async ({ t, target, caller }) => {
      await joinInUnit(t, caller);
      return {
        url: `/api/v1/plan/assessments/${await openAssessment(t)}/units/${await orgOf(t, unitOf(target))}/self-assessment`,
        payload: { items: [{ code: 'a', score: 90, comment: '矩阵自评' }] },
      };
    },
    in: unit(200),
    out: unit(404),
  },
  'GET /api/v1/plan/assessments/:id/export.docx': {
    build: async ({ t }) => ({ url: `/api/v1/plan/assessments/${await newAssessment(t)}/export.docx` }),
    in: readers(200),
  },
  'PUT /api/v1/plan/assessments/:id/units/:organisationId/veto-override': {
    build: async ({ t }) => {
      const { id, unit } = await vetoedAssessment(t);
      return {
        url: `/api/v1/plan/assessments/${id}/units/${unit}/veto-override`,
        payload: { reason: '矩阵撤销自动否决理由' },
      };
    },
    in: office(200),
  },
  'DELETE /api/v1/plan/assessments/:id/units/:organisationId/veto-override': {
    build: async ({ t }) => {
      const { id, unit } = await vetoedAssessment(t, true);
      return { url: `/api/v1/plan/assessments/${id}/units/${unit}/veto-override` };
    },
    in: office(200),
  },
  'POST /api/v1/plan/assessments/:id/publish': {
    build: async ({ t }) => ({ url: `/api/v1/plan/assessments/${await scoredAssessment(t)}/publish` }),
    in: office(200),
  },
  'GET /api/v1/plan/responsibility-lists': {
    build: async () => ({ url: '/api/v1/plan/responsibility-lists' }),
    in: readers(200),
  },
  'GET /api/v1/plan/responsibility-lists/export': {
    build: async () => ({ url: '/api/v1/plan/responsibility-lists/export' }),
    in: readers(200),
  },
  'POST /api/v1/plan/responsibility-lists': {
    build: async () => ({
      url: '/api/v1/plan/responsibility-lists',
      payload: {
        kind: 'leader',
        holder: '市长',
        title: `矩阵责任清单${randomUUID().slice(0, 8)}`,
        items: ['矩阵责任事项'],
      },
    }),
    in: office(201),
  },
  'GET /api/v1/plan/responsibility-lists/:id': {
    build: async ({ t, target, caller }) => {
      await joinInUnit(t, caller);
      return { url: `/api/v1/plan/responsibility-lists/${await newResponsibilityList(t, target)}` };
    },
    in: readers(200),
    out: statuses(403, { safetyOffice: 200, departmentOfficer: 404 }),
  },
  'PUT /api/v1/plan/responsibility-lists/:id': {
    build: async ({ t, target }) => ({
      url: `/api/v1/plan/responsibility-lists/${await newResponsibilityList(t, target)}`,
      payload: { baseVersion: 1, items: ['矩阵责任事项', '新增事项'], note: '矩阵修订' },
    }),
    in: office(200),
  },
  'GET /api/v1/plan/responsibility-lists/:id/versions/:version': {
    build: async ({ t, target, caller }) => {
      await joinInUnit(t, caller);
      return {
        url: `/api/v1/plan/responsibility-lists/${await newResponsibilityList(t, target)}/versions/1`,
      };
    },
    in: readers(200),
    out: statuses(403, { safetyOffice: 200, departmentOfficer: 404 }),
  },
  'GET /api/v1/plan/campaigns': { build: async () => ({ url: '/api/v1/plan/campaigns' }), in: readers(200) },
  'POST /api/v1/plan/campaigns': {
    build: async () => ({
      url: '/api/v1/plan/campaigns',
      payload: { name: '矩阵专项整治', startDate: '2026-01-01', endDate: '2026-12-31' },
    }),
    in: office(201),
  },
  'GET /api/v1/plan/campaigns/enterprise-options': {
    build: async () => ({ url: '/api/v1/plan/campaigns/enterprise-options?q=' + encodeURIComponent('矩阵') }),
    in: office(200),
  },
  'GET /api/v1/plan/campaigns/:id/rollup': {
    build: async ({ t }) => ({ url: `/api/v1/plan/campaigns/${await newCampaign(t)}/rollup` }),
    in: readers(200),
  },
  'GET /api/v1/plan/campaigns/:id/rollup/export': {
    build: async ({ t }) => ({ url: `/api/v1/plan/campaigns/${await newCampaign(t)}/rollup/export` }),
    in: readers(200),
  },
  'GET /api/v1/plan/campaigns/:id': {
    build: async ({ t }) => ({ url: `/api/v1/plan/campaigns/${await newCampaign(t)}` }),
    in: readers(200),
  },
  'POST /api/v1/plan/campaigns/:id/objects': {
    build: async ({ t }) => ({
      url: `/api/v1/plan/campaigns/${await newCampaign(t)}/objects`,
      payload: {
        enterpriseId: await newEnterprise(t, 'in'),
        organisationId: await orgOf(t, 'city-housing'),
        task: '矩阵整治',
      },
    }),
    in: office(201),
  },
  'POST /api/v1/plan/campaign-objects/:id/close': {
    build: async ({ t, target, caller }) => {
      await joinInUnit(t, caller);
      return {
        url: `/api/v1/plan/campaign-objects/${await newCampaignObject(t, target, 'open')}/close`,
        payload: { note: '已整改到位' },
      };
    },
    in: unit(200),
    out: unit(404),
  },
  'POST /api/v1/plan/campaign-objects/:id/verify': {
    build: async ({ t, target }) => ({
      url: `/api/v1/plan/campaign-objects/${await newCampaignObject(t, target, 'closed')}/verify`,
      payload: { accept: true },
    }),
    in: office(200),
  },
};
