import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';
import { EVIDENCE_PNG, orgId, planCallers, type PlanDepartmentCaller } from './plan-test-support.ts';

interface Unit {
  organisationId: string;
  organisationName: string;
  total: number;
  rank: number;
  scoredAt: string | null;
  selfAssessment: {
    total: number;
    items: Record<string, { score: number; comment: string; evidence: string[] }>;
    submittedBy: string;
  } | null;
  allowedActions: string[];
}

/** Units self-assess (自评) before the assessors score; the 安委办 scores and publishes (通报). */
describe('yearly assessment: self-assessment and publishing', () => {
  let t: TestContext;
  let office: Caller;
  let housing: Caller;
  let transport: Caller;
  let housingUser: string;
  let units: { housing: string; transport: string; ema: string };
  let id: string;

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, as: Caller, payload?: object) =>
    t.request({ method, url: `/api/v1${url}`, as, ...(payload ? { payload } : {}) });
  const selfAssess = (as: Caller, unit: string, items: object[]) =>
    call('PUT', `/plan/assessments/${id}/units/${unit}/self-assessment`, as, { items });
  const unitOf = (body: { units: Unit[] }, organisationId: string) =>
    body.units.find((u) => u.organisationId === organisationId)!;
  const storedSelfScores = async () =>
    (
      await t.db.query<{ organisation_id: string; item_code: string; score: string }>(
        'SELECT organisation_id, item_code, score::text FROM plan_assessment_self_scores WHERE assessment_id = $1 ORDER BY 1, 2',
        [id],
      )
    ).rows;

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    const callers = await planCallers(t, ['city-housing', 'city-transport']);
    office = callers.office;
    const [housingDepartment, transportDepartment] = callers.departments as [
      PlanDepartmentCaller,
      PlanDepartmentCaller,
    ];
    housing = housingDepartment.caller;
    housingUser = housingDepartment.userId;
    transport = transportDepartment.caller;
    units = {
      housing: housingDepartment.organisationId,
      transport: transportDepartment.organisationId,
      ema: await orgId(t, 'city-ema'),
    };
    const created = await call('POST', '/plan/assessments', office, {
      year: 2026,
      name: '2026年度市直部门安全生产目标责任考核',
      items: [
        { code: 'duty', name: '责任落实', maxScore: 60 },
        { code: 'hazards', name: '隐患治理', maxScore: 40 },
      ],
      organisationIds: [units.housing, units.transport, units.ema],
    });
    expect(created.statusCode, created.body).toBe(201);
    id = created.json().id;
    expect(created.json()).toMatchObject({ publishedAt: null, allowedActions: [] });
  });
  afterAll(() => t.close());

  it('a unit self-assesses its own row with comments and evidence; item by item, the rest kept', async () => {
    const upload = await t.request({
      method: 'POST',
      url: '/api/v1/uploads?county=530402',
      headers: { 'content-type': 'image/png' },
      payload: EVIDENCE_PNG,
      as: housing,
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const evidence = upload.json().id;
    const first = await selfAssess(housing, units.housing, [
      { code: 'duty', score: 58, comment: '责任书签订率 100%', evidence: [evidence] },
      { code: 'hazards', score: 36.5, comment: '重大隐患全部销号' },
    ]);
    expect(first.statusCode, first.body).toBe(200);
    const again = await selfAssess(housing, units.housing, [
      { code: 'hazards', score: 38, comment: '补充台账' },
    ]);
    expect(again.statusCode, again.body).toBe(200);
    const mine = unitOf(again.json(), units.housing);
    expect(mine.selfAssessment).toEqual({
      total: 96,
      items: {
        duty: { score: 58, comment: '责任书签订率 100%', evidence: [evidence] },
        hazards: { score: 38, comment: '补充台账', evidence: [] },
      },
      submittedBy: expect.any(String),
      submittedAt: '2026-11-29T02:00:00.000Z',
    });
    expect(mine.allowedActions).toEqual(['self_assess']);
    // The ranking stays on the assessors' scores: nobody is scored yet.
    expect(mine.total).toBe(0);
    expect(unitOf(again.json(), units.transport)).toMatchObject({ selfAssessment: null, allowedActions: [] });
  });

  it('refuses a self-score above the item’s points, an unknown item or evidence, storing nothing', async () => {
    const before = await storedSelfScores();
    for (const [items, status, code] of [
      [[{ code: 'duty', score: 60.5 }], 400, 'plan.self_score_out_of_range'],
      [[{ code: 'hazards', score: 12.25 }], 400, 'plan.self_score_out_of_range'],
      [
        [
          { code: 'duty', score: 50 },
          { code: 'safety', score: 5 },
        ],
        400,
        'plan.assessment_item_unknown',
      ],
      [[{ code: 'duty', score: 50, evidence: [randomUUID()] }], 400, 'plan.evidence_not_found'],
    ] as const) {
      const refused = await selfAssess(housing, units.housing, [...items]);
      expect(refused.statusCode, refused.body).toBe(status);
      expect(refused.json().error.code).toBe(code);
    }
    const twice = await selfAssess(housing, units.housing, [
      { code: 'duty', score: 1 },
      { code: 'duty', score: 2 },
    ]);
    expect(twice.statusCode).toBe(400);
    expect(await storedSelfScores()).toEqual(before);
  });

  it('a unit cannot self-assess another unit (404), nor the 安委办 at all (403)', async () => {
    const other = await selfAssess(housing, units.transport, [{ code: 'duty', score: 10 }]);
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('plan.assessment_unit_not_found');
    // A unit that is not assessed, or an assessment that does not exist, answers the same.
    expect(
      (await selfAssess(housing, await orgId(t, 'city-fire'), [{ code: 'duty', score: 1 }])).json().error
        .code,
    ).toBe('plan.assessment_unit_not_found');
    const missing = await call(
      'PUT',
      `/plan/assessments/${randomUUID()}/units/${units.housing}/self-assessment`,
      housing,
      { items: [{ code: 'duty', score: 1 }] },
    );
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('plan.assessment_unit_not_found');
    expect((await selfAssess(office, units.housing, [{ code: 'duty', score: 1 }])).statusCode).toBe(403);
    // Another unit reads the ranking but not housing's self-assessment.
    const seen = await call('GET', `/plan/assessments/${id}`, transport);
    expect(unitOf(seen.json(), units.housing)).toMatchObject({ selfAssessment: null, allowedActions: [] });
    expect(unitOf(seen.json(), units.transport).allowedActions).toEqual(['self_assess']);
  });

  it('the 安委办 sees self-scores beside its own; scoring locks the unit’s self-assessment; ranking keeps the assessors’ scores', async () => {
    expect((await selfAssess(transport, units.transport, [{ code: 'duty', score: 55 }])).statusCode).toBe(
      200,
    );
    const seen = await call('GET', `/plan/assessments/${id}`, office);
    expect(unitOf(seen.json(), units.housing)).toMatchObject({
      selfAssessment: { total: 96 },
      allowedActions: ['score'],
    });
    const early = await call('POST', `/plan/assessments/${id}/publish`, office);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('plan.assessment_unscored');

    const scored = await call('PUT', `/plan/assessments/${id}/scores`, office, {
      organisationId: units.housing,
      scores: { duty: 50, hazards: 30 },
    });
    expect(scored.statusCode, scored.body).toBe(200);
    expect(unitOf(scored.json(), units.housing)).toMatchObject({
      total: 80,
      scoredAt: '2026-11-29T02:00:00.000Z',
      selfAssessment: { total: 96 },
    });
    const locked = await selfAssess(housing, units.housing, [{ code: 'duty', score: 60 }]);
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.code).toBe('plan.self_assessment_locked');
    expect(
      unitOf((await call('GET', `/plan/assessments/${id}`, housing)).json(), units.housing),
    ).toMatchObject({
      total: 80,
      selfAssessment: { total: 96 },
      allowedActions: [],
    });
  });

  it('publishing needs every unit scored, notifies the units, and makes every score final', async () => {
    for (const [unit, scores] of [
      [units.transport, { duty: 52, hazards: 35 }],
      [units.ema, { duty: 45, hazards: 30 }],
    ] as const)
      expect(
        (await call('PUT', `/plan/assessments/${id}/scores`, office, { organisationId: unit, scores }))
          .statusCode,
      ).toBe(200);
    const ready = await call('GET', `/plan/assessments/${id}`, office);
    expect(ready.json().allowedActions).toEqual(['publish']);
    const published = await call('POST', `/plan/assessments/${id}/publish`, office);
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ publishedAt: '2026-11-29T02:00:00.000Z', allowedActions: [] });
    expect(
      published.json().units.map((u: Unit) => [u.organisationName, u.rank, u.total, u.allowedActions]),
    ).toEqual([
      ['市交通运输局', 1, 87, []],
      ['市住房和城乡建设局', 2, 80, []],
      ['市应急管理局', 3, 75, []],
    ]);
    const notified = await t.db.query<{ body_zh: string }>(
      "SELECT body_zh FROM notifications WHERE user_id = $1 AND kind = 'plan.assessment_published'",
      [housingUser],
    );
    expect(notified.rows).toEqual([
      { body_zh: '2026年2026年度市直部门安全生产目标责任考核：第 2 名，80 分' },
    ]);
    const list = await call('GET', '/plan/assessments', housing);
    expect(list.json().find((a: { id: string }) => a.id === id)).toMatchObject({
      publishedAt: '2026-11-29T02:00:00.000Z',
      scored: 3,
    });

    const rescore = await call('PUT', `/plan/assessments/${id}/scores`, office, {
      organisationId: units.ema,
      scores: { duty: 60 },
    });
    expect(rescore.statusCode).toBe(409);
    expect(rescore.json().error.code).toBe('plan.assessment_published');
    const again = await call('POST', `/plan/assessments/${id}/publish`, office);
    expect(again.json().error.code).toBe('plan.assessment_published');
    expect((await selfAssess(housing, units.housing, [{ code: 'duty', score: 1 }])).json().error.code).toBe(
      'plan.self_assessment_locked',
    );
    expect((await call('POST', `/plan/assessments/${id}/publish`, housing)).statusCode).toBe(403);
  });

  it('the notice’s Excel has the self-assessment total beside the assessors’ (a unit: its own only)', async () => {
    const rowsFor = async (as: Caller) => {
      const exported = await call('GET', `/plan/assessments/${id}/export`, as);
      expect(exported.statusCode).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
      const sheet = book.worksheets[0]!;
      return [1, 2, 3, 4].map((n) => (sheet.getRow(n).values as unknown[]).slice(1, 7));
    };
    expect(await rowsFor(office)).toEqual([
      ['名次', '单位', '责任落实（60分）', '隐患治理（40分）', '自评总分', '总分'],
      [1, '市交通运输局', 52, 35, 55, 87],
      [2, '市住房和城乡建设局', 50, 30, 96, 80],
      [3, '市应急管理局', 45, 30, undefined, 75],
    ]);
    expect((await rowsFor(housing)).map((row) => row[4])).toEqual(['自评总分', undefined, 96, undefined]);
  });
});
