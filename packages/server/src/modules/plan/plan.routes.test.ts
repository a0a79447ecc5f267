import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';
import { createNotificationsRepository } from '../notifications/notifications.repository.ts';
import { createPlanEscalationRepository } from './plan-escalation.repository.ts';
import { createPlanEscalationWorker } from './plan-escalation.worker.ts';
import {
  EVIDENCE_PNG,
  builtinPlanId,
  docxText,
  orgId,
  planCallers,
  taskId,
  type PlanDepartmentCaller,
} from './plan-test-support.ts';

/** The test clock reads 2026-11-29 10:00 China time. */
describe('running the plan: assignment, progress with evidence, overdue ladder, evaluation', () => {
  let t: TestContext;
  let office: Caller;
  let housing: Caller;
  let transport: Caller;
  let housingUser: string;
  let assignment: string;
  let milestones: { id: string; title: string }[];

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, as: Caller, payload?: object) =>
    t.request({ method, url: `/api/v1${url}`, as, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    const callers = await planCallers(t, ['city-housing', 'city-transport'], { link: 'api' });
    office = callers.office;
    const [housingDepartment, transportDepartment] = callers.departments as [
      PlanDepartmentCaller,
      PlanDepartmentCaller,
    ];
    housing = housingDepartment.caller;
    housingUser = housingDepartment.userId;
    transport = transportDepartment.caller;
  });
  afterAll(() => t.close());

  it('ships the Yuxi 十四五 plan: 5 chapters, 32 tasks and key projects, 17 专栏, the 4 indicators of 专栏1', async () => {
    const plans = (await call('GET', '/plan/plans', office)).json();
    expect(plans).toEqual([
      expect.objectContaining({
        code: 'yuxi-14th-safety',
        name: '玉溪市“十四五”安全生产规划',
        startYear: 2021,
        endYear: 2025,
      }),
    ]);
    const plan = (await call('GET', `/plan/plans/${plans[0].id}`, housing)).json();
    expect(plan.chapters).toHaveLength(5);
    expect(plan.tasks).toHaveLength(32);
    expect(plan.tasks.filter((task: { kind: string }) => task.kind === 'project')).toHaveLength(10);
    expect(plan.columns).toHaveLength(17);
    expect(plan.indicators.map((i: { indicatorCode: string }) => i.indicatorCode)).toEqual([
      'deaths',
      'major_accidents',
      'deaths_per_100m_gdp',
      'deaths_per_100k_workers',
    ]);
    expect(plan.tasks.find((task: { code: string }) => task.code === '3.4.8')).toMatchObject({
      title: '全力加强建设工程安全监管工作',
      lead: '市住房和城乡建设局',
    });
  });

  it('the 安委办 assigns a task to a department with milestones; the department is notified', async () => {
    const response = await call('POST', '/plan/assignments', office, {
      taskId: await taskId(t, '3.4.8'),
      organisationId: await orgId(t, 'city-housing'),
      deadline: '2026-12-31',
      note: '建筑施工安全专项整治',
      milestones: [
        { title: '排查在建工地', deliverable: '排查台账', dueDate: '2026-11-20' },
        { title: '年度总结', deliverable: '年度总结报告', dueDate: '2026-12-31' },
      ],
    });
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json();
    assignment = body.id;
    milestones = body.milestones;
    expect(body).toMatchObject({
      organisationName: '市住房和城乡建设局',
      percent: 0,
      overdueMilestones: 1,
      allowedActions: [],
    });
    expect(body.milestones.map((m: { state: string }) => m.state)).toEqual(['overdue', 'open']);
    const again = await call('POST', '/plan/assignments', office, {
      taskId: await taskId(t, '3.4.8'),
      organisationId: await orgId(t, 'city-housing'),
      deadline: '2026-12-31',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('plan.assignment_exists');
    const notes = await t.db.query(
      "SELECT title_zh FROM notifications WHERE user_id = $1 AND kind = 'plan.assignment'",
      [housingUser],
    );
    expect(notes.rows).toEqual([{ title_zh: '收到规划任务' }]);
  });

  it('only the department it belongs to sees it (another department: 404) and reports progress with evidence', async () => {
    expect((await call('GET', `/plan/assignments/${assignment}`, transport)).statusCode).toBe(404);
    expect((await call('GET', '/plan/assignments', transport)).json().total).toBe(0);
    const list = (await call('GET', '/plan/assignments', housing)).json();
    expect(list.items.map((a: { id: string }) => a.id)).toEqual([assignment]);

    const upload = await t.request({
      method: 'POST',
      url: '/api/v1/uploads?county=530402',
      headers: { 'content-type': 'image/png' },
      payload: EVIDENCE_PNG,
      as: housing,
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const evidence = upload.json().id;
    const report = {
      percent: 60,
      status: 'on_track',
      note: '已完成全市在建工地排查',
      evidence: [evidence],
      milestonesDone: [milestones[0]!.id],
    };
    expect(
      (await call('POST', `/plan/assignments/${assignment}/progress`, transport, report)).statusCode,
    ).toBe(404);
    const wrong = await call('POST', `/plan/assignments/${assignment}/progress`, housing, {
      ...report,
      evidence: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('plan.evidence_not_found');
    expect((await t.db.query('SELECT 1 FROM plan_progress')).rowCount).toBe(0);

    const reported = await call('POST', `/plan/assignments/${assignment}/progress`, housing, report);
    expect(reported.statusCode, reported.body).toBe(200);
    expect(reported.json()).toMatchObject({ percent: 60, status: 'open', overdueMilestones: 0 });
    expect(reported.json().progress[0]).toMatchObject({ percent: 60, evidence: [evidence] });
    expect(reported.json().milestones[0]).toMatchObject({ state: 'done', doneAt: '2026-11-29' });
  });

  it('a milestone past its date climbs the ladder once, with two workers running at once', async () => {
    const worker = () =>
      createPlanEscalationWorker({
        db: t.db,
        clock: t.clock,
        escalation: createPlanEscalationRepository(t.db),
        notifications: createNotificationsRepository(t.db),
      });
    // 2027-01-16: the 2026-12-31 milestone is 16 days overdue (提醒, 警示, 通报).
    const at = new Date('2027-01-16T02:00:00Z');
    const runs = await Promise.all([worker().runOnce(at), worker().runOnce(at)]);
    const fired = runs.flatMap((run) => run ?? []);
    expect(fired.map((step) => step.step).sort()).toEqual(['notice', 'reminder', 'warning']);
    expect((await worker().runOnce(at))!).toEqual([]);
    const escalations = (await call('GET', '/plan/escalations', housing)).json();
    expect(escalations.items.map((e: { stepName: string }) => e.stepName).sort()).toEqual([
      '提醒',
      '警示',
      '通报',
    ]);
    expect((await call('GET', '/plan/escalations', transport)).json().total).toBe(0);
    const notes = await t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND kind = 'plan.escalation'",
      [housingUser],
    );
    expect(notes.rows[0]!.n).toBe(3);
  });

  it('drafts the mid-term evaluation as a DOCX from the data', async () => {
    // A baseline the plan publishes is labelled as such in the indicator table.
    await t.db.query(
      `UPDATE statistics_indicators SET published_baseline = 12, published_baseline_note = '专栏1（测试）'
        WHERE code = 'deaths'`,
    );
    const response = await call('GET', `/plan/plans/${await builtinPlanId(t)}/evaluation?kind=mid`, office);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('wordprocessingml');
    const text = await docxText(response.rawPayload);
    expect(text).toContain('玉溪市“十四五”安全生产规划中期评估报告');
    expect(text).toContain('生产安全事故死亡人数');
    expect(text).toContain('12（规划公布）');
    expect(text).toContain('市住房和城乡建设局');
    expect(text).toContain('国家安全发展示范城市建设工程');
    expect(
      (await call('GET', `/plan/plans/${await builtinPlanId(t)}/evaluation?kind=mid`, housing)).statusCode,
    ).toBe(403);
  });
});
