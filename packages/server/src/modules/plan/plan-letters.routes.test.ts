import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';
import { readWorkbook } from '../../../test/read-workbook.ts';
import { docxText, orgId, taskId } from './plan-test-support.ts';

/** The test clock reads 2026-11-29 10:00 China time. */
describe('督办函: numbered supervision letters on overdue work, answered by the unit', () => {
  let t: TestContext;
  let office: Caller;
  let housing: Caller;
  let transport: Caller;
  let housingUser: string;
  let assignment: string;
  let overdue: string;
  let notYetDue: string;
  let letter: string;

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, as: Caller, payload?: object) =>
    t.request({ method, url: `/api/v1${url}`, as, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    office = await t.sessionFor(await t.createUser({ roles: ['safety_office'], scope: { kind: 'city' } }));
    const housingAccount = await t.createUser({ roles: ['department_officer'], scope: { kind: 'city' } });
    housingUser = housingAccount.id;
    housing = await t.sessionFor(housingAccount);
    transport = await t.sessionFor(
      await t.createUser({ roles: ['department_officer'], scope: { kind: 'city' } }),
    );
    await call('PUT', `/plan/organisations/${await orgId(t, 'city-housing')}/members`, office, {
      userIds: [housingUser],
    });
    const created = await call('POST', '/plan/assignments', office, {
      taskId: await taskId(t, '3.4.8'),
      organisationId: await orgId(t, 'city-housing'),
      deadline: '2026-12-31',
      milestones: [
        { title: '排查在建工地', deliverable: '排查台账', dueDate: '2026-11-20' },
        { title: '年度总结', deliverable: '年度总结报告', dueDate: '2026-12-31' },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    assignment = created.json().id;
    [overdue, notYetDue] = created.json().milestones.map((m: { id: string }) => m.id);
  });
  afterAll(() => t.close());

  it('refuses a letter on work that is not overdue, or with a reply deadline in the past', async () => {
    const early = await call('POST', `/plan/assignments/${assignment}/letters`, office, {
      milestoneId: notYetDue,
      requirement: '加快推进',
      replyBy: '2026-12-10',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('plan.letter_not_overdue');
    const past = await call('POST', `/plan/assignments/${assignment}/letters`, office, {
      milestoneId: overdue,
      requirement: '加快推进',
      replyBy: '2026-11-01',
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.code).toBe('plan.letter_reply_by');
    const foreign = await call('POST', `/plan/assignments/${assignment}/letters`, office, {
      milestoneId: '00000000-0000-4000-8000-000000000001',
      requirement: '加快推进',
      replyBy: '2026-12-10',
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.code).toBe('plan.milestone_not_in_assignment');
    expect((await t.db.query('SELECT 1 FROM plan_supervision_letters')).rowCount).toBe(0);
  });

  it('issues numbered letters (no two alike when issued at once) and notifies the unit', async () => {
    const first = await call('POST', `/plan/assignments/${assignment}/letters`, office, {
      milestoneId: overdue,
      requirement: '立即组织排查在建工地\n报送排查台账',
      replyBy: '2026-12-10',
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      number: '玉安委办督〔2026〕1号',
      milestoneTitle: '排查在建工地',
      replyBy: '2026-12-10',
      state: 'awaiting',
      organisationName: '市住房和城乡建设局',
      taskCode: '3.4.8',
    });
    letter = first.json().id;
    const together = await Promise.all(
      [1, 2, 3, 4].map(() =>
        call('POST', `/plan/assignments/${assignment}/letters`, office, {
          requirement: '再次督办',
          replyBy: '2026-12-15',
        }),
      ),
    );
    expect(together.map((r) => r.statusCode)).toEqual([201, 201, 201, 201]);
    expect(together.map((r) => r.json().number).sort()).toEqual(
      [2, 3, 4, 5].map((n) => `玉安委办督〔2026〕${n}号`),
    );
    const notes = await t.db.query<{ title_zh: string }>(
      "SELECT title_zh FROM notifications WHERE user_id = $1 AND kind = 'plan.letter' ORDER BY title_zh",
      [housingUser],
    );
    expect(notes.rows).toHaveLength(5);
    expect(notes.rows[0]!.title_zh).toBe('督办函 玉安委办督〔2026〕1号');
  });

  it('shows the letters to the unit addressed, not to another unit (404)', async () => {
    const mine = (await call('GET', `/plan/letters?assignmentId=${assignment}`, housing)).json();
    expect(mine.total).toBe(5);
    expect((await call('GET', '/plan/letters', transport)).json().total).toBe(0);
    expect((await call('GET', `/plan/letters/${letter}/docx`, transport)).statusCode).toBe(404);
    const foreign = await call('POST', `/plan/letters/${letter}/reply`, transport, { reply: '不是我们的' });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('plan.letter_not_found');
  });

  it('the unit replies once; the letter shows the reply', async () => {
    const replied = await call('POST', `/plan/letters/${letter}/reply`, housing, {
      reply: '已完成 126 个在建工地排查，台账已报送',
    });
    expect(replied.statusCode, replied.body).toBe(200);
    expect(replied.json()).toMatchObject({
      state: 'replied',
      reply: '已完成 126 个在建工地排查，台账已报送',
      repliedAt: expect.any(String),
    });
    const again = await call('POST', `/plan/letters/${letter}/reply`, housing, { reply: '再回复' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('plan.letter_replied');
  });

  it('downloads the letter as a DOCX that opens, and the letters as Excel', async () => {
    const docx = await call('GET', `/plan/letters/${letter}/docx`, housing);
    expect(docx.statusCode).toBe(200);
    const text = await docxText(docx.rawPayload);
    expect(text).toContain('督 办 函');
    expect(text).toContain('玉安委办督〔2026〕1号');
    expect(text).toContain('市住房和城乡建设局：');
    expect(text).toContain('节点“排查在建工地”（应于 2026-11-20 完成）已逾期');
    expect(text).toContain('请于 2026-12-10 前将办理情况书面回复市安委办');
    expect(text).toContain('2026年11月29日');
    const excel = await call('GET', '/plan/letters/export', office);
    expect(excel.statusCode).toBe(200);
    const rows = await readWorkbook(excel.rawPayload);
    expect(rows.find((r) => r[0] === '玉安委办督〔2026〕1号')).toEqual(
      expect.arrayContaining(['市住房和城乡建设局', '已回复', '已完成 126 个在建工地排查，台账已报送']),
    );
  });
});
