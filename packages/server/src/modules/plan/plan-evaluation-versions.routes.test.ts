import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';
import { builtinPlanId, docxText, planCallers, type PlanDepartmentCaller } from './plan-test-support.ts';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

/** The test clock reads 2026-11-29 10:00 China time; the 安委办 drafts the reports city-wide. */
describe('evaluation report versions: saved with the authors’ text, listed, downloaded unchanged', () => {
  let t: TestContext;
  let office: Caller;
  let housing: Caller;
  let planId: string;

  const call = (method: 'GET' | 'POST', url: string, as: Caller, payload?: object) =>
    t.request({ method, url: `/api/v1${url}`, as, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    const callers = await planCallers(t, ['city-housing']);
    office = callers.office;
    housing = (callers.departments[0] as PlanDepartmentCaller).caller;
    planId = await builtinPlanId(t);
  });
  afterAll(() => t.close());

  it('saves two versions numbered 1 and 2, the second carrying the first’s text, and downloads each unchanged', async () => {
    const first = await call('POST', `/plan/plans/${planId}/evaluation/versions`, office, {
      kind: 'mid',
      note: '征求意见稿',
      text: {
        overall: '规划实施总体顺利。\n主要指标均达到进度要求。',
        problems: '个别单位节点推进缓慢。',
        nextSteps: '加快重点工程建设。',
      },
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ kind: 'mid', year: 2023, version: 1, note: '征求意见稿' });

    const second = await call('POST', `/plan/plans/${planId}/evaluation/versions`, office, {
      kind: 'mid',
      note: '送审稿',
    });
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json()).toMatchObject({
      version: 2,
      note: '送审稿',
      text: {
        overall: '规划实施总体顺利。\n主要指标均达到进度要求。',
        problems: '个别单位节点推进缓慢。',
        nextSteps: '加快重点工程建设。',
      },
    });

    // A final evaluation is numbered on its own, from 1, and starts empty.
    const final = await call('POST', `/plan/plans/${planId}/evaluation/versions`, office, { kind: 'final' });
    expect(final.json()).toMatchObject({ kind: 'final', year: 2025, version: 1, note: '' });
    expect(final.json().text).toEqual({ overall: '', problems: '', nextSteps: '' });

    const list = await call('GET', `/plan/plans/${planId}/evaluation/versions?kind=mid`, office);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const all = await call('GET', `/plan/plans/${planId}/evaluation/versions`, office);
    expect(all.json().items).toHaveLength(3);

    const download = await call('GET', `/plan/evaluation-versions/${first.json().id}/docx`, office);
    expect(download.statusCode, download.body).toBe(200);
    expect(download.headers['content-type']).toContain('wordprocessingml');
    expect(download.rawPayload.length).toBe(first.json().size);
    const stored = await t.db.query<{ docx: Buffer }>(
      'SELECT docx FROM plan_evaluation_versions WHERE id = $1',
      [first.json().id],
    );
    expect(download.rawPayload.equals(stored.rows[0]!.docx)).toBe(true);
    const text = await docxText(download.rawPayload);
    expect(text).toContain('玉溪市“十四五”安全生产规划中期评估报告');
    expect(text).toContain('规划实施总体顺利。\n主要指标均达到进度要求。');
    expect(text).toContain('个别单位节点推进缓慢。');
    expect(text).toContain('加快重点工程建设。');
    expect(text).not.toContain('（本节由起草人填写。）');
    expect(
      await docxText(
        (await call('GET', `/plan/evaluation-versions/${second.json().id}/docx`, office)).rawPayload,
      ),
    ).toContain('加快重点工程建设。');

    // The draft downloaded from the page starts from the newest version's text, figures regenerated.
    const draft = await docxText(
      (await call('GET', `/plan/plans/${planId}/evaluation?kind=mid`, office)).rawPayload,
    );
    expect(draft).toContain('加快重点工程建设。');
    expect(draft).toContain('国家安全发展示范城市建设工程');

    const audit = await t.db.query<{ action: string; target: string }>(
      `SELECT action, target FROM audit_log WHERE action LIKE 'plan.evaluation_version_%' AND outcome = 'success' ORDER BY seq`,
    );
    expect(audit.rows).toEqual([
      { action: 'plan.evaluation_version_save', target: first.json().id },
      { action: 'plan.evaluation_version_save', target: second.json().id },
      { action: 'plan.evaluation_version_save', target: final.json().id },
      { action: 'plan.evaluation_version_download', target: first.json().id },
      { action: 'plan.evaluation_version_download', target: second.json().id },
    ]);
  });

  it('keeps the reports to the 安委办 and answers 404 for an unknown plan or version', async () => {
    const saved = await call('POST', `/plan/plans/${planId}/evaluation/versions`, office, { kind: 'mid' });
    expect(saved.statusCode, saved.body).toBe(201);
    expect((await call('GET', `/plan/plans/${planId}/evaluation/versions`, housing)).statusCode).toBe(403);
    expect(
      (await call('POST', `/plan/plans/${planId}/evaluation/versions`, housing, { kind: 'mid' })).statusCode,
    ).toBe(403);
    expect((await call('GET', `/plan/evaluation-versions/${saved.json().id}/docx`, housing)).statusCode).toBe(
      403,
    );

    const unknownVersion = await call('GET', `/plan/evaluation-versions/${UNKNOWN}/docx`, office);
    expect(unknownVersion.statusCode).toBe(404);
    expect(unknownVersion.json().error.code).toBe('plan.evaluation_version_not_found');
    const unknownPlan = await call('POST', `/plan/plans/${UNKNOWN}/evaluation/versions`, office, {
      kind: 'mid',
    });
    expect(unknownPlan.statusCode).toBe(404);
    expect(unknownPlan.json().error.code).toBe('plan.not_found');
    expect((await call('GET', `/plan/plans/${UNKNOWN}/evaluation/versions`, office)).statusCode).toBe(404);
    const bad = await call('POST', `/plan/plans/${planId}/evaluation/versions`, office, { kind: 'yearly' });
    expect(bad.statusCode).toBe(400);
    const count = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM plan_evaluation_versions');
    expect(count.rows[0]!.n).toBe(4);
  });
});
