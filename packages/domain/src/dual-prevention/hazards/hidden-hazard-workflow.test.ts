import { describe, expect, it } from 'vitest';
import type { HiddenHazardAction } from './hidden-hazard.schema.ts';
import {
  actors,
  city,
  county,
  dismissed,
  enterprise,
  evidence,
  fullPlan,
  generalPlan,
  generalRectifying,
  generalReported,
  inspector,
  majorClosed,
  majorPending,
  majorRectifying,
  majorReported,
  reported,
  reportedAt,
  step,
} from './hidden-hazard.test-fixtures.ts';
import type { HiddenHazardActor, HiddenHazardState } from './hidden-hazard-state.ts';
import {
  type HiddenHazardActionName,
  type HiddenHazardActorKind,
  type HiddenHazardSource,
  type HiddenHazardStatus,
  hiddenHazardActions,
} from './hidden-hazard-terms.ts';
import { transitionHazard } from './hidden-hazard-workflow.ts';

const now = reportedAt;

function failure(state: HiddenHazardState, action: HiddenHazardAction, actor: HiddenHazardActor) {
  const result = transitionHazard(state, action, { now, actor });
  if (result.ok) throw new Error(`expected ${action.action} to fail`);
  return result.error;
}

const majorWithRequest = step(
  majorRectifying,
  { action: 'request_extension', deadline: '2025-05-31', reason: '注水设施设备到货延迟' },
  enterprise,
);

describe('legal transitions', () => {
  it.each<[string, HiddenHazardState, HiddenHazardAction, HiddenHazardActor, HiddenHazardStatus, string?]>([
    [
      '重大: plan with 五落实',
      majorReported,
      { action: 'submit_plan', plan: fullPlan },
      enterprise,
      'rectifying',
    ],
    [
      '一般: plan',
      generalReported,
      { action: 'submit_plan', plan: generalPlan, note: '立即整改' },
      enterprise,
      'rectifying',
      '立即整改',
    ],
    [
      '挂牌督办 while reported',
      majorReported,
      { action: 'list_supervision', documentNo: '玉应急督〔2025〕3号' },
      county,
      'reported',
      '玉应急督〔2025〕3号',
    ],
    [
      '挂牌督办 while rectifying',
      majorRectifying,
      { action: 'list_supervision', note: '市级挂牌' },
      city,
      'rectifying',
      '市级挂牌',
    ],
    ['挂牌督办 while pending', majorPending, { action: 'list_supervision' }, county, 'pending_acceptance'],
    [
      '申请延期',
      majorRectifying,
      { action: 'request_extension', deadline: '2025-05-31', reason: '设备到货延迟' },
      enterprise,
      'rectifying',
      '2025-05-31: 设备到货延迟',
    ],
    [
      '延期审批',
      majorWithRequest,
      { action: 'decide_extension', approve: true },
      county,
      'rectifying',
      '2025-05-31',
    ],
    ['整改完成', majorRectifying, evidence, enterprise, 'pending_acceptance'],
    [
      '验收通过 / 销号',
      majorPending,
      { action: 'accept', opinion: '现场复核合格' },
      county,
      'closed',
      '现场复核合格',
    ],
    [
      '验收不通过',
      majorPending,
      { action: 'reject', reason: '注水设施未联调' },
      county,
      'rectifying',
      '注水设施未联调',
    ],
    [
      '核查不属实',
      reported({ source: 'public_report' }, county),
      { action: 'dismiss', reason: '举报不属实' },
      inspector,
      'dismissed',
      '举报不属实',
    ],
    [
      '升级为重大 while reported',
      generalReported,
      { action: 'reclassify', tickedCriteria: ['fw-04'] },
      county,
      'reported',
      'fw-04',
    ],
    [
      '升级为重大 while rectifying',
      generalRectifying,
      { action: 'reclassify', tickedCriteria: [], majorJudgement: '需局部停产治理' },
      enterprise,
      'reported',
      '需局部停产治理',
    ],
  ])('%s: %s → %s', (_, state, action, actor, to, note) => {
    const at = new Date(now.getTime() + 3_600_000);
    const result = transitionHazard(state, action, { now: at, actor });
    if (!result.ok) throw result.error;
    const entry = {
      at,
      actorKind: actor.kind,
      actorId: actor.id,
      action: action.action,
      from: state.status,
      to,
    };
    expect(result.entry).toEqual(note === undefined ? entry : { ...entry, note });
    expect(result.state.status).toBe(to);
    expect(result.state.timeline).toEqual([...state.timeline, result.entry]);
  });
});

describe('illegal transitions', () => {
  const sample: Readonly<Record<HiddenHazardActionName, readonly [HiddenHazardAction, HiddenHazardActor]>> = {
    submit_plan: [{ action: 'submit_plan', plan: fullPlan }, enterprise],
    list_supervision: [{ action: 'list_supervision' }, county],
    request_extension: [
      { action: 'request_extension', deadline: '2025-05-31', reason: '设备到货延迟' },
      enterprise,
    ],
    decide_extension: [{ action: 'decide_extension', approve: true }, county],
    report_progress: [{ action: 'report_progress', progress: '已完成管道更换', photos: [] }, enterprise],
    submit_rectification: [evidence, enterprise],
    accept: [{ action: 'accept' }, county],
    reject: [{ action: 'reject', reason: '未整改到位' }, county],
    dismiss: [{ action: 'dismiss', reason: '不属实' }, county],
    reclassify: [{ action: 'reclassify', tickedCriteria: ['hc-01'] }, county],
  };
  const legal: Readonly<Record<HiddenHazardStatus, readonly HiddenHazardActionName[]>> = {
    reported: ['submit_plan', 'list_supervision', 'dismiss', 'reclassify'],
    rectifying: [
      'list_supervision',
      'request_extension',
      'decide_extension',
      'report_progress',
      'submit_rectification',
      'reclassify',
    ],
    pending_acceptance: ['list_supervision', 'accept', 'reject'],
    closed: [],
    dismissed: [],
  };
  const fixtures: Readonly<Record<HiddenHazardStatus, HiddenHazardState>> = {
    reported: majorReported,
    rectifying: majorRectifying,
    pending_acceptance: majorPending,
    closed: majorClosed,
    dismissed,
  };
  const cases = Object.entries(legal).flatMap(([status, allowed]) =>
    hiddenHazardActions
      .filter((action) => !allowed.includes(action))
      .map((action) => [status as HiddenHazardStatus, action] as const),
  );

  it('covers every status × action pair outside the legal table', () => {
    expect(cases).toHaveLength(5 * 10 - 4 - 6 - 3);
  });

  it.each(cases)('%s: %s is refused as an illegal transition', (status, name) => {
    const [action, actor] = sample[name];
    const error = failure(fixtures[status], action, actor);
    expect(error.code).toBe('hazard.illegal_transition');
    expect(error.details).toEqual({ status, action: name });
  });

  it('refuses to decide on an extension nobody asked for', () => {
    expect(failure(majorRectifying, { action: 'decide_extension', approve: true }, county).details).toEqual({
      status: 'rectifying',
      action: 'decide_extension',
      reason: 'no_extension_request',
    });
  });

  it('refuses to reclassify a hazard that is already 重大', () => {
    expect(
      failure(majorReported, { action: 'reclassify', tickedCriteria: ['hc-01'] }, county).details,
    ).toEqual({
      action: 'reclassify',
      reason: 'already_major',
    });
  });
});

describe('who may act', () => {
  it.each<[HiddenHazardState, HiddenHazardAction, HiddenHazardActorKind]>([
    [majorReported, { action: 'submit_plan', plan: fullPlan }, 'county'],
    [majorReported, { action: 'submit_plan', plan: fullPlan }, 'inspector'],
    [majorReported, { action: 'list_supervision' }, 'enterprise'],
    [majorReported, { action: 'list_supervision' }, 'inspector'],
    [majorRectifying, { action: 'request_extension', deadline: '2025-05-31', reason: '延期' }, 'county'],
    [majorRectifying, evidence, 'city'],
    [majorRectifying, { action: 'report_progress', progress: '已完成一半', photos: [] }, 'county'],
    [majorRectifying, { action: 'report_progress', progress: '已完成一半', photos: [] }, 'city'],
    [majorRectifying, { action: 'report_progress', progress: '已完成一半', photos: [] }, 'inspector'],
    [majorReported, { action: 'dismiss', reason: '不属实' }, 'enterprise'],
  ])('%#: %j is not for the %s', (state, action, kind) => {
    const error = failure(state, action, actors[kind]);
    expect(error.code).toBe('hazard.action_not_allowed');
    expect(error.details).toMatchObject({ action: action.action, actor: kind });
  });
});

describe('acceptance only by the right party', () => {
  type Case = [
    string,
    HiddenHazardSource,
    string[],
    'county' | 'city' | undefined,
    HiddenHazardActorKind,
    boolean,
  ];
  const cases: Case[] = [
    ['重大 not listed', 'self_check', ['hc-06'], undefined, 'county', true],
    ['重大 not listed', 'self_check', ['hc-06'], undefined, 'city', true],
    ['重大 not listed', 'self_check', ['hc-06'], undefined, 'enterprise', false],
    ['重大 not listed', 'inspection', ['hc-06'], undefined, 'inspector', false],
    ['重大 listed by the county', 'self_check', ['hc-06'], 'county', 'county', true],
    ['重大 listed by the county', 'self_check', ['hc-06'], 'county', 'city', false],
    ['重大 listed by the county', 'self_check', ['hc-06'], 'county', 'enterprise', false],
    ['重大 listed by the city', 'self_check', ['hc-06'], 'city', 'city', true],
    ['重大 listed by the city', 'self_check', ['hc-06'], 'city', 'county', false],
    ['一般 self-check', 'self_check', [], undefined, 'enterprise', true],
    ['一般 self-check', 'self_check', [], undefined, 'county', false],
    ['一般 self-check', 'self_check', [], undefined, 'inspector', false],
    ['一般 sensor alarm', 'sensor_alarm', [], undefined, 'enterprise', true],
    ['一般 inspection', 'inspection', [], undefined, 'inspector', true],
    ['一般 inspection', 'inspection', [], undefined, 'county', true],
    ['一般 inspection', 'inspection', [], undefined, 'enterprise', false],
    ['一般 public report', 'public_report', [], undefined, 'city', true],
    ['一般 public report', 'public_report', [], undefined, 'enterprise', false],
  ];

  function pending(source: HiddenHazardSource, ticked: string[], listed: 'county' | 'city' | undefined) {
    let state = reported({ source, tickedCriteria: ticked });
    if (listed) state = step(state, { action: 'list_supervision' }, actors[listed]);
    state = step(
      state,
      { action: 'submit_plan', plan: ticked.length > 0 ? fullPlan : generalPlan },
      enterprise,
    );
    return step(state, evidence, enterprise);
  }

  it.each(cases)('%s (%s, listed: %s … ): %s may accept → %s', (_, source, ticked, listed, kind, allowed) => {
    const state = pending(source, ticked, listed);
    for (const action of [{ action: 'accept' }, { action: 'reject', reason: '整改不到位' }] as const) {
      const result = transitionHazard(state, action, { now, actor: actors[kind] });
      expect(result.ok).toBe(allowed);
      if (!result.ok) expect(result.error.code).toBe('hazard.wrong_reviewer');
    }
  });

  it('names the parties that may accept', () => {
    const error = failure(majorPending, { action: 'accept' }, enterprise);
    expect(error.details).toEqual({ action: 'accept', actor: 'enterprise', reviewers: ['county', 'city'] });
  });
});

describe('rejection loops back to rectification', () => {
  it('goes rectifying → pending → rectifying → pending → closed and keeps every step', () => {
    const rejected = step(majorPending, { action: 'reject', reason: '注水设施未联调' }, county);
    expect(rejected).toMatchObject({ status: 'rectifying', rejectionCount: 1, deadline: '2025-04-30' });
    expect(rejected.rectification?.description).toBe('注水设施已安装并调试完成');
    const again = step(rejected, { ...evidence, description: '已联调，附调试记录' }, enterprise);
    const closed = step(again, { action: 'accept' }, county, new Date('2025-04-20T10:00:00+08:00'));
    expect(closed.status).toBe('closed');
    expect(closed.closedAt).toEqual(new Date('2025-04-20T10:00:00+08:00'));
    expect(closed.rejectionCount).toBe(1);
    expect(closed.timeline.map((entry) => [entry.action, entry.from, entry.to])).toEqual([
      ['report', null, 'reported'],
      ['submit_plan', 'reported', 'rectifying'],
      ['submit_rectification', 'rectifying', 'pending_acceptance'],
      ['reject', 'pending_acceptance', 'rectifying'],
      ['submit_rectification', 'rectifying', 'pending_acceptance'],
      ['accept', 'pending_acceptance', 'closed'],
    ]);
    expect(closed.timeline[3]?.note).toBe('注水设施未联调');
  });

  it('may set a new deadline for the further rectification', () => {
    const rejected = step(
      majorPending,
      { action: 'reject', reason: '未整改到位', deadline: '2025-05-15' },
      county,
    );
    expect(rejected.deadline).toBe('2025-05-15');
  });

  it.each<[HiddenHazardAction, string, Record<string, unknown>]>([
    [{ action: 'reject', reason: '  ' }, 'hazard.reason_required', { field: 'reason' }],
    [
      { action: 'reject', reason: '未整改到位', deadline: '2025-02-28' },
      'hazard.invalid_deadline',
      { field: 'deadline', deadline: '2025-02-28', reason: 'past' },
    ],
  ])('refuses %j', (action, code, details) => {
    const error = failure(majorPending, action, county);
    expect([error.code, error.details]).toEqual([code, details]);
  });
});

describe('purity', () => {
  it('leaves the given state untouched', () => {
    const before = structuredClone(majorRectifying);
    transitionHazard(majorRectifying, evidence, { now, actor: enterprise });
    transitionHazard(majorRectifying, { action: 'list_supervision' }, { now, actor: city });
    expect(majorRectifying).toEqual(before);
  });

  it('gives the same answer for the same input', () => {
    const run = () => transitionHazard(majorPending, { action: 'accept' }, { now, actor: county });
    expect(run()).toEqual(run());
  });
});
