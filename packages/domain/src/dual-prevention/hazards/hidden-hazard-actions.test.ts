import { describe, expect, it } from 'vitest';
import type { HiddenHazardAction } from './hidden-hazard.schema.ts';
import {
  city,
  county,
  enterprise,
  evidence,
  fullPlan,
  generalRectifying,
  generalReported,
  majorPending,
  majorRectifying,
  majorReported,
  reportedAt,
  step,
} from './hidden-hazard.test-fixtures.ts';
import type { HiddenHazardActor, HiddenHazardState } from './hidden-hazard-state.ts';
import { transitionHazard } from './hidden-hazard-workflow.ts';

const now = reportedAt;

function refusal(state: HiddenHazardState, action: HiddenHazardAction, actor: HiddenHazardActor, rules = {}) {
  const result = transitionHazard(state, action, { now, actor, rules });
  if (result.ok) throw new Error(`expected ${action.action} to be refused`);
  return [result.error.code, result.error.details] as const;
}

describe('挂牌督办 (listed supervision)', () => {
  it('records who listed it and at which level, without changing the status', () => {
    const listed = step(
      majorRectifying,
      { action: 'list_supervision', documentNo: '玉应急督〔2025〕3号' },
      county,
    );
    expect(listed.status).toBe('rectifying');
    expect(listed.supervision).toEqual({
      level: 'county',
      listedAt: now,
      listedBy: 'user-county',
      documentNo: '玉应急督〔2025〕3号',
    });
  });

  it('lets the city take over a county listing, and then only the city accepts', () => {
    const byCity = step(
      step(majorPending, { action: 'list_supervision' }, county),
      { action: 'list_supervision' },
      city,
    );
    expect(byCity.supervision?.level).toBe('city');
    expect(refusal(byCity, { action: 'accept' }, county)[0]).toBe('hazard.wrong_reviewer');
    expect(step(byCity, { action: 'accept' }, city).status).toBe('closed');
  });

  it.each<[string, HiddenHazardState, HiddenHazardActor, string]>([
    ['a 一般 hazard', generalReported, county, 'hazard.supervision_requires_major'],
    [
      'twice at the county',
      step(majorReported, { action: 'list_supervision' }, county),
      county,
      'hazard.already_listed',
    ],
    [
      'by the county after the city',
      step(majorReported, { action: 'list_supervision' }, city),
      county,
      'hazard.already_listed',
    ],
    [
      'twice at the city',
      step(majorReported, { action: 'list_supervision' }, city),
      city,
      'hazard.already_listed',
    ],
  ])('refuses to list %s', (_, state, actor, code) => {
    expect(refusal(state, { action: 'list_supervision' }, actor)[0]).toBe(code);
  });
});

describe('申请延期 (deadline extension)', () => {
  const request = { action: 'request_extension', deadline: '2025-05-31', reason: '设备到货延迟' } as const;
  const requested = step(majorRectifying, request, enterprise);

  it('keeps the request pending until the reviewer decides', () => {
    expect(requested.extensionRequest).toEqual({
      deadline: '2025-05-31',
      reason: '设备到货延迟',
      requestedAt: now,
      requestedBy: 'user-enterprise',
    });
    expect(requested.deadline).toBe('2025-04-30');
  });

  it('moves the deadline when approved and keeps the history', () => {
    const approved = step(requested, { action: 'decide_extension', approve: true }, county);
    expect(approved.deadline).toBe('2025-05-31');
    expect(approved.extensionRequest).toBeUndefined();
    expect(approved.extensions).toEqual([
      { from: '2025-04-30', to: '2025-05-31', approvedAt: now, approvedBy: 'user-county' },
    ]);
  });

  it('keeps the deadline when refused with a reason', () => {
    const refused = step(
      requested,
      { action: 'decide_extension', approve: false, reason: '理由不充分' },
      county,
    );
    expect([refused.deadline, refused.extensionRequest, refused.extensions]).toEqual([
      '2025-04-30',
      undefined,
      [],
    ]);
    expect(refused.timeline.at(-1)?.note).toBe('理由不充分');
  });

  it('lets a 一般 self-check hazard’s enterprise decide on its own extension', () => {
    const own = step(generalRectifying, { ...request, deadline: '2025-03-20' }, enterprise);
    expect(step(own, { action: 'decide_extension', approve: true }, enterprise).deadline).toBe('2025-03-20');
  });

  it.each<
    [string, HiddenHazardState, HiddenHazardAction, HiddenHazardActor, string, Record<string, unknown>]
  >([
    ['a second request', requested, request, enterprise, 'hazard.extension_pending', {}],
    [
      'a deadline not later than the current one',
      majorRectifying,
      { ...request, deadline: '2025-04-30' },
      enterprise,
      'hazard.invalid_deadline',
      { field: 'deadline', deadline: '2025-04-30', reason: 'not_later', currentDeadline: '2025-04-30' },
    ],
    [
      'a blank reason',
      majorRectifying,
      { ...request, reason: ' ' },
      enterprise,
      'hazard.reason_required',
      { field: 'reason' },
    ],
    [
      'a refusal without a reason',
      requested,
      { action: 'decide_extension', approve: false },
      county,
      'hazard.reason_required',
      { field: 'reason' },
    ],
    [
      'a decision by the enterprise on a 重大 hazard',
      requested,
      { action: 'decide_extension', approve: true },
      enterprise,
      'hazard.wrong_reviewer',
      { action: 'decide_extension', actor: 'enterprise', reviewers: ['county', 'city'] },
    ],
  ])('refuses %s', (_, state, action, actor, code, details) => {
    expect(refusal(state, action, actor)).toEqual([code, details]);
  });

  it('drops a pending request when the rectification is submitted', () => {
    const submitted = step(requested, evidence, enterprise);
    expect(submitted.extensionRequest).toBeUndefined();
  });
});

describe('rectification evidence', () => {
  it('stores the evidence and waits for acceptance', () => {
    const submitted = step(majorRectifying, evidence, enterprise);
    expect(submitted.rectification).toEqual({
      description: '注水设施已安装并调试完成',
      photos: ['photo-after-1'],
      documents: [],
      evaluationReport: 'report-1',
      submittedAt: now,
    });
  });

  it.each<[string, HiddenHazardState, HiddenHazardAction, string[]]>([
    ['no photo or document', majorRectifying, { ...evidence, photos: [] }, ['photos']],
    [
      'no evaluation report for 重大',
      majorRectifying,
      { ...evidence, evaluationReport: undefined },
      ['evaluationReport'],
    ],
    [
      'nothing at all',
      majorRectifying,
      { ...evidence, photos: [], evaluationReport: undefined, description: ' ' },
      ['photos', 'evaluationReport', 'description'],
    ],
    [
      'no photo or document for 一般',
      generalRectifying,
      { ...evidence, photos: [], evaluationReport: undefined },
      ['photos'],
    ],
  ])('refuses %s', (_, state, action, missing) => {
    expect(refusal(state, action, enterprise)).toEqual(['hazard.evidence_missing', { missing }]);
  });

  it('accepts documents instead of photos, and no evaluation report for 一般', () => {
    const action = { ...evidence, photos: [], documents: ['doc-1'], evaluationReport: undefined };
    expect(step(generalRectifying, action, enterprise).status).toBe('pending_acceptance');
  });

  it('drops the evaluation report requirement when the bureau does', () => {
    const action = { ...evidence, evaluationReport: undefined };
    const result = transitionHazard(majorRectifying, action, {
      now,
      actor: enterprise,
      rules: { majorRequiresEvaluationReport: false },
    });
    expect(result.ok).toBe(true);
  });
});

describe('reclassification 一般 → 重大', () => {
  it('keeps the criteria and asks for a full treatment plan again', () => {
    const raised = step(
      generalRectifying,
      { action: 'reclassify', tickedCriteria: ['gm-confined-02'] },
      county,
    );
    expect(raised).toMatchObject({ status: 'reported', level: 'major', deadline: '2025-03-10' });
    expect(raised.plan).toBeUndefined();
    expect(raised.criteria.map((criterion) => criterion.code)).toEqual(['gm-confined-02']);
    expect(
      refusal(
        raised,
        { action: 'submit_plan', plan: { ...fullPlan, deadline: '2025-03-10', measures: undefined } },
        enterprise,
      )[0],
    ).toBe('hazard.plan_incomplete');
    // The 一般 deadline still binds: the new plan may not push it back without an extension.
    expect(refusal(raised, { action: 'submit_plan', plan: fullPlan }, enterprise)).toEqual([
      'hazard.invalid_deadline',
      {
        field: 'plan.deadline',
        deadline: '2025-04-30',
        reason: 'after_notice_deadline',
        noticeDeadline: '2025-03-10',
      },
    ]);
  });

  it.each<[HiddenHazardAction, string]>([
    [{ action: 'reclassify', tickedCriteria: [] }, 'hazard.reason_required'],
    [{ action: 'reclassify', tickedCriteria: ['xx-01'] }, 'hazard.unknown_criterion'],
  ])('refuses %j', (action, code) => {
    expect(refusal(generalReported, action, county)[0]).toBe(code);
  });
});
