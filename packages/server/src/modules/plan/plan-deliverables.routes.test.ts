import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';
import { seedPlanReferenceData } from './plan-reference.repository.ts';
import {
  EVIDENCE_PNG,
  builtinPlanId,
  docxText,
  orgId,
  planCallers,
  taskId,
  type PlanDepartmentCaller,
} from './plan-test-support.ts';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

/** The test clock reads 2026-11-29 10:00 China time. */
describe('a plan task’s deliverables (成果): listed in scope, marked delivered by the responsible unit', () => {
  let t: TestContext;
  let office: Caller;
  let housing: Caller;
  let transport: Caller;

  const call = (method: 'GET' | 'POST', url: string, as: Caller, payload?: object, language = 'zh-CN') =>
    t.request({
      method,
      url: `/api/v1${url}`,
      as,
      headers: { 'accept-language': language },
      ...(payload ? { payload } : {}),
    });

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    const callers = await planCallers(t, ['city-housing', 'city-transport']);
    office = callers.office;
    const [h, tr] = callers.departments as [PlanDepartmentCaller, PlanDepartmentCaller];
    housing = h.caller;
    transport = tr.caller;
    // 市住房和城乡建设局 is assigned task 3.1 (专栏2's four documents).
    const assigned = await call('POST', '/plan/assignments', office, {
      taskId: await taskId(t, '3.1'),
      organisationId: await orgId(t, 'city-housing'),
      deadline: '2026-12-31',
    });
    expect(assigned.statusCode, assigned.body).toBe(201);
  });
  afterAll(() => t.close());

  it('lists a task’s deliverables from the plan text for the 安委办 and the responsible units only', async () => {
    const all = await call('GET', `/plan/tasks/${await taskId(t, '3.1')}/deliverables`, office);
    expect(all.statusCode, all.body).toBe(200);
    expect(
      all.json().map((d: Record<string, unknown>) => [d.what, d.kind, d.columnNo, d.dueYear, d.demo]),
    ).toEqual([
      ['《玉溪市人民政府领导安全生产工作职责任务分工》', 'document', 2, 2023, false],
      ['《玉溪市市直有关单位安全生产工作职责任务清单》', 'document', 2, 2023, false],
      ['《玉溪市安全生产工作年度目标责任考核办法》', 'document', 2, 2023, false],
      ['《玉溪市生产经营单位安全生产主体责任实施意见》', 'document', 2, 2023, false],
    ]);
    // Due in 2023, not delivered by 2026: overdue; the 安委办 follows but does not mark.
    expect(all.json()[0]).toMatchObject({ overdue: true, deliveredOn: null, allowedActions: [] });

    // The assigned unit sees 3.1's and may mark them; 市交通运输局 leads 4.5 (7 bridges).
    const mine = await call('GET', `/plan/tasks/${await taskId(t, '3.1')}/deliverables`, housing);
    expect(mine.json().map((d: { allowedActions: string[] }) => d.allowedActions)).toEqual([
      ['deliver'],
      ['deliver'],
      ['deliver'],
      ['deliver'],
    ]);
    const bridges = await call('GET', `/plan/tasks/${await taskId(t, '4.5')}/deliverables`, transport);
    expect(bridges.json()).toMatchObject([{ kind: 'site', targetCount: 7, columnNo: 15, dueYear: 2025 }]);

    // Another unit's task, or an unknown one, answers 404.
    for (const [url, as] of [
      [`/plan/tasks/${await taskId(t, '4.5')}/deliverables`, housing],
      [`/plan/tasks/${await taskId(t, '3.1')}/deliverables`, transport],
      [`/plan/tasks/${UNKNOWN}/deliverables`, office],
    ] as const) {
      const refused = await call('GET', url, as);
      expect(refused.statusCode).toBe(404);
      expect(refused.json().error).toMatchObject({ code: 'plan.task_not_found', message: '规划任务不存在' });
    }
  });

  it('marks a deliverable delivered with evidence in one step, once, and only by its unit', async () => {
    const list = (await call('GET', `/plan/tasks/${await taskId(t, '3.1')}/deliverables`, housing)).json();
    const [first, second] = list as { id: string }[];
    const upload = await t.request({
      method: 'POST',
      url: '/api/v1/uploads?county=530402',
      headers: { 'content-type': 'image/png' },
      payload: EVIDENCE_PNG,
      as: housing,
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const url = (id: string) => `/plan/deliverables/${id}/delivered`;

    // Neither an upload nor a link; a link outside Anjian; a date after today; a missing upload.
    for (const body of [
      { deliveredOn: '2026-11-20' },
      { deliveredOn: '2026-11-20', link: 'https://example.com/x' },
    ]) {
      const bad = await call('POST', url(first!.id), housing, body);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.code).toBe('request.invalid');
    }
    const future = await call('POST', url(first!.id), housing, {
      deliveredOn: '2026-11-30',
      evidence: [upload.json().id],
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error).toMatchObject({
      code: 'plan.deliverable_date_future',
      message: '完成日期不能晚于今天',
    });
    const missing = await call('POST', url(first!.id), housing, {
      deliveredOn: '2026-11-20',
      evidence: [UNKNOWN],
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.code).toBe('plan.evidence_not_found');

    // Another unit: 404; the 安委办: 403 (the unit marks).
    const foreign = await call('POST', url(first!.id), transport, {
      deliveredOn: '2026-11-20',
      link: '/plan',
    });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('plan.deliverable_not_found');
    expect(
      (await call('POST', url(first!.id), office, { deliveredOn: '2026-11-20', link: '/plan' })).statusCode,
    ).toBe(403);

    const marked = await call('POST', url(first!.id), housing, {
      deliveredOn: '2026-11-20',
      evidence: [upload.json().id],
      note: '市政府常务会议审议通过',
    });
    expect(marked.statusCode, marked.body).toBe(200);
    expect(marked.json()[0]).toMatchObject({
      deliveredOn: '2026-11-20',
      deliveredOrganisation: '市住房和城乡建设局',
      evidence: [upload.json().id],
      link: null,
      note: '市政府常务会议审议通过',
      overdue: false,
      allowedActions: ['undo'],
    });
    const linked = await call('POST', url(second!.id), housing, {
      deliveredOn: '2026-10-01',
      link: '/plan/responsibility',
    });
    expect(linked.json()[1]).toMatchObject({
      deliveredOn: '2026-10-01',
      evidence: [],
      link: '/plan/responsibility',
    });

    const again = await call(
      'POST',
      url(first!.id),
      housing,
      { deliveredOn: '2026-11-21', link: '/plan' },
      'en',
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: 'plan.deliverable_delivered',
      message: 'This deliverable is already marked delivered',
    });
    const audit = await t.db.query<{ target: string }>(
      "SELECT target FROM audit_log WHERE action = 'plan.deliverable_deliver' AND outcome = 'success' ORDER BY seq",
    );
    expect(audit.rows.map((r) => r.target)).toEqual([first!.id, second!.id]);
  });

  it('counts delivered and total deliverables per chapter in the evaluation report', async () => {
    const response = await call('GET', `/plan/plans/${await builtinPlanId(t)}/evaluation?kind=mid`, office);
    expect(response.statusCode, response.body).toBe(200);
    const text = await docxText(response.rawPayload);
    expect(text).toContain('成果（已完成/总数）');
    // Chapter 三: 2 of the 12 documents of the 专栏; chapter 四: none of its 6.
    expect(text).toMatch(/3\. 主要任务\n\d+\n\d+\n\d+\n\d+%\n2\/12\n/);
    expect(text).toMatch(/4\. 重点工程\n\d+\n\d+\n\d+\n[^\n]+%\n0\/6\n/);
  });

  it('undoes a delivered mark made in error, with a reason, by its unit only, and audits what it cleared', async () => {
    const list = (await call('GET', `/plan/tasks/${await taskId(t, '3.1')}/deliverables`, housing)).json();
    const [, second, third] = list as { id: string }[];
    const undo = (id: string, as: Caller, body: object = { reason: '链接的不是该文件，重新报送' }) =>
      call('POST', `/plan/deliverables/${id}/undo`, as, body);

    // No reason, another unit, the 安委办, an unknown one, one not delivered: refused, nothing changed.
    const reasonless = await undo(second!.id, housing, { reason: ' ' });
    expect(reasonless.statusCode).toBe(400);
    expect(reasonless.json().error.code).toBe('request.invalid');
    expect((await undo(second!.id, transport)).json().error.code).toBe('plan.deliverable_not_found');
    expect((await undo(second!.id, office)).statusCode).toBe(403);
    expect((await undo(UNKNOWN, housing)).statusCode).toBe(404);
    const pending = await undo(third!.id, housing);
    expect(pending.statusCode).toBe(409);
    expect(pending.json().error).toMatchObject({
      code: 'plan.deliverable_not_delivered',
      message: '该成果尚未标记完成，无需撤销',
    });
    const still = (await call('GET', `/plan/tasks/${await taskId(t, '3.1')}/deliverables`, housing)).json();
    expect(still[1]).toMatchObject({ deliveredOn: '2026-10-01', link: '/plan/responsibility' });

    const undone = await undo(second!.id, housing);
    expect(undone.statusCode, undone.body).toBe(200);
    expect(undone.json()[1]).toMatchObject({
      deliveredOn: null,
      deliveredBy: null,
      deliveredOrganisation: null,
      evidence: [],
      link: null,
      note: '',
      overdue: true,
      allowedActions: ['deliver'],
    });
    // The first stays delivered; the audit log holds what was cleared and why.
    expect(undone.json()[0]).toMatchObject({ deliveredOn: '2026-11-20', allowedActions: ['undo'] });
    const audit = await t.db.query<{ target: string; detail: string }>(
      "SELECT target, detail FROM audit_log WHERE action = 'plan.deliverable_undo' AND outcome = 'success'",
    );
    expect(audit.rows).toEqual([
      { target: second!.id, detail: '2026-10-01 市住房和城乡建设局: 链接的不是该文件，重新报送' },
    ]);

    // Marked again, correctly.
    const remarked = await call('POST', `/plan/deliverables/${second!.id}/delivered`, housing, {
      deliveredOn: '2026-10-02',
      link: '/plan/letters',
    });
    expect(remarked.json()[1]).toMatchObject({ deliveredOn: '2026-10-02', link: '/plan/letters' });
  });

  it('gives a database that loaded the built-in plan before deliverables were stored its 18, once', async () => {
    const plan = await builtinPlanId(t);
    const count = async () =>
      (
        await t.db.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM plan_deliverables WHERE plan_id = $1',
          [plan],
        )
      ).rows[0]!.n;
    expect(await count()).toBe(18);
    await seedPlanReferenceData(t.db, t.clock);
    expect(await count()).toBe(18);
    await t.db.query('DELETE FROM plan_deliverables WHERE plan_id = $1', [plan]);
    await seedPlanReferenceData(t.db, t.clock);
    expect(await count()).toBe(18);
  });
});
