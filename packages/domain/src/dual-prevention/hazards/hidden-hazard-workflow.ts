import type { HiddenHazardAction } from './hidden-hazard.schema.ts';
import { HiddenHazardError } from './hidden-hazard.errors.ts';
import { classifyHiddenHazard } from './hidden-hazard-classification.ts';
import { isHiddenHazardDeadlinePast } from './hidden-hazard-deadline.ts';
import { hiddenHazardActionActors, hiddenHazardReviewerKinds } from './hidden-hazard-parties.ts';
import { missingHiddenHazardPlanElements } from './hidden-hazard-plan.ts';
import {
  defaultHiddenHazardWorkflowRules,
  type HiddenHazardActor,
  type HiddenHazardContext,
  type HiddenHazardState,
  type HiddenHazardTimelineEntry,
  type HiddenHazardTransition,
  type HiddenHazardWorkflowRules,
} from './hidden-hazard-state.ts';
import {
  type HiddenHazardActionName,
  type HiddenHazardStatus,
  openHiddenHazardStatuses,
} from './hidden-hazard-terms.ts';

/*
 * The closed loop of a hidden hazard (standards.md §4.6; the state machine is our synthesis):
 *
 *   reported ──submit_plan──▶ rectifying ──submit_rectification──▶ pending_acceptance ──accept──▶ closed
 *    │   ▲                      │   ▲                                        │
 *    │   └──────reclassify──────┘   └───────────reject (with reason)─────────┘
 *    └──dismiss──▶ dismissed
 *
 * In place: list_supervision (挂牌督办; 重大 only, any open status), request_extension and
 * decide_extension (申请延期, while rectifying), report_progress (整改进展 with the temporary control
 * measures, while rectifying), reclassify also while reported (一般 → 重大).
 */

interface StepContext {
  readonly now: Date;
  readonly actor: HiddenHazardActor;
  readonly rules: HiddenHazardWorkflowRules;
}

interface Step {
  readonly state: HiddenHazardState;
  readonly note?: string | undefined;
}

interface ActionSpec<A extends HiddenHazardAction> {
  readonly from: readonly HiddenHazardStatus[];
  readonly apply: (state: HiddenHazardState, action: A, context: StepContext) => Step;
}

type ActionOf<N extends HiddenHazardActionName> = Extract<HiddenHazardAction, { action: N }>;

function requireReason(reason: string | undefined, field: string): string {
  const text = reason?.trim();
  if (!text) {
    throw new HiddenHazardError('hazard.reason_required', { field }, [
      { path: field, code: 'hazard.reason_required', message: 'give the reason' },
    ]);
  }
  return text;
}

function requireOpenDeadline(deadline: string, now: Date, field: string): void {
  if (isHiddenHazardDeadlinePast(deadline, now)) {
    throw new HiddenHazardError('hazard.invalid_deadline', { field, deadline, reason: 'past' });
  }
}

/** 制定整改方案. 16号令: a 重大 hazard's treatment plan must carry the required elements (五落实 …). */
function submitPlan(state: HiddenHazardState, action: ActionOf<'submit_plan'>, context: StepContext): Step {
  const { plan } = action;
  requireOpenDeadline(plan.deadline, context.now, 'plan.deadline');
  // A deadline set by a rectification notice is moved only through an extension request.
  if (state.deadline !== undefined && plan.deadline > state.deadline) {
    throw new HiddenHazardError('hazard.invalid_deadline', {
      field: 'plan.deadline',
      deadline: plan.deadline,
      reason: 'after_notice_deadline',
      noticeDeadline: state.deadline,
    });
  }
  if (state.level === 'major') {
    const missing = missingHiddenHazardPlanElements(plan, context.rules.majorPlanElements);
    if (missing.elements.length > 0) {
      throw new HiddenHazardError('hazard.plan_incomplete', { missing: missing.elements }, missing.fields);
    }
  }
  return {
    state: {
      ...state,
      status: 'rectifying',
      plan: { ...plan, submittedAt: context.now },
      deadline: plan.deadline,
    },
    note: action.note,
  };
}

const supervisionRank = { county: 1, city: 2 } as const;

/** 挂牌督办 at the actor's level; a city may take over a county listing, never the reverse. */
function listSupervision(
  state: HiddenHazardState,
  action: ActionOf<'list_supervision'>,
  context: StepContext,
): Step {
  if (state.level !== 'major') throw new HiddenHazardError('hazard.supervision_requires_major', {});
  const level = context.actor.kind as 'county' | 'city';
  if (state.supervision && supervisionRank[state.supervision.level] >= supervisionRank[level]) {
    throw new HiddenHazardError('hazard.already_listed', { listedAt: state.supervision.level });
  }
  if (action.deadline !== undefined) requireOpenDeadline(action.deadline, context.now, 'deadline');
  const supervision = {
    level,
    listedAt: context.now,
    listedBy: context.actor.id,
    ...(action.documentNo ? { documentNo: action.documentNo } : {}),
    ...(action.notice ? { notice: action.notice } : {}),
    ...(action.supervisingUnit ? { supervisingUnit: action.supervisingUnit } : {}),
    ...(action.deadline ? { deadline: action.deadline } : {}),
  };
  return { state: { ...state, supervision }, note: action.note ?? action.documentNo };
}

/** 申请延期: one request at a time, for a later deadline. */
function requestExtension(
  state: HiddenHazardState,
  action: ActionOf<'request_extension'>,
  context: StepContext,
): Step {
  if (state.extensionRequest) throw new HiddenHazardError('hazard.extension_pending', {});
  const reason = requireReason(action.reason, 'reason');
  requireOpenDeadline(action.deadline, context.now, 'deadline');
  if (state.deadline !== undefined && action.deadline <= state.deadline) {
    throw new HiddenHazardError('hazard.invalid_deadline', {
      field: 'deadline',
      deadline: action.deadline,
      reason: 'not_later',
      currentDeadline: state.deadline,
    });
  }
  const extensionRequest = {
    deadline: action.deadline,
    reason,
    requestedAt: context.now,
    requestedBy: context.actor.id,
  };
  return { state: { ...state, extensionRequest }, note: `${action.deadline}: ${reason}` };
}

/** 延期审批 by the party that will accept the rectification. */
function decideExtension(
  state: HiddenHazardState,
  action: ActionOf<'decide_extension'>,
  context: StepContext,
): Step {
  const request = state.extensionRequest;
  if (!request) {
    throw new HiddenHazardError('hazard.illegal_transition', {
      status: state.status,
      action: action.action,
      reason: 'no_extension_request',
    });
  }
  if (!action.approve) {
    const reason = requireReason(action.reason, 'reason');
    return { state: { ...state, extensionRequest: undefined }, note: reason };
  }
  const extension = {
    from: state.deadline ?? request.deadline,
    to: request.deadline,
    approvedAt: context.now,
    approvedBy: context.actor.id,
  };
  return {
    state: {
      ...state,
      deadline: request.deadline,
      extensionRequest: undefined,
      extensions: [...state.extensions, extension],
    },
    note: action.reason ?? request.deadline,
  };
}

/** 整改进展: the enterprise records how far it is, and the temporary measures; the status stays. */
function reportProgress(
  state: HiddenHazardState,
  action: ActionOf<'report_progress'>,
  context: StepContext,
): Step {
  const progress = requireReason(action.progress, 'progress');
  const temporaryMeasures = action.temporaryMeasures?.trim();
  const report = {
    at: context.now,
    by: context.actor.id,
    progress,
    ...(action.percent !== undefined ? { percent: action.percent } : {}),
    ...(temporaryMeasures ? { temporaryMeasures } : {}),
    photos: action.photos,
  };
  const note = action.percent !== undefined ? `${action.percent}%: ${progress}` : progress;
  return { state: { ...state, progressReports: [...(state.progressReports ?? []), report] }, note };
}

/** 整改完成，申请验收: photos or documents; for 重大 also the evaluation report (§4.6 steps 3–4). */
function submitRectification(
  state: HiddenHazardState,
  action: ActionOf<'submit_rectification'>,
  context: StepContext,
): Step {
  const missing: string[] = [];
  if (action.photos.length + action.documents.length === 0) missing.push('photos');
  if (state.level === 'major' && context.rules.majorRequiresEvaluationReport && !action.evaluationReport) {
    missing.push('evaluationReport');
  }
  if (!action.description.trim()) missing.push('description');
  if (missing.length > 0) {
    throw new HiddenHazardError(
      'hazard.evidence_missing',
      { missing },
      missing.map((path) => ({ path, code: 'hazard.evidence_missing', message: `${path} is required` })),
    );
  }
  const rectification = {
    description: action.description.trim(),
    photos: action.photos,
    documents: action.documents,
    ...(action.evaluationReport ? { evaluationReport: action.evaluationReport } : {}),
    submittedAt: context.now,
  };
  // A pending extension request is moot once the work is reported done.
  return { state: { ...state, status: 'pending_acceptance', rectification, extensionRequest: undefined } };
}

function accept(state: HiddenHazardState, action: ActionOf<'accept'>, context: StepContext): Step {
  return { state: { ...state, status: 'closed', closedAt: context.now }, note: action.opinion };
}

/** 验收不通过: back to rectification, optionally with a new deadline. */
function reject(state: HiddenHazardState, action: ActionOf<'reject'>, context: StepContext): Step {
  const reason = requireReason(action.reason, 'reason');
  if (action.deadline !== undefined) requireOpenDeadline(action.deadline, context.now, 'deadline');
  return {
    state: {
      ...state,
      status: 'rectifying',
      deadline: action.deadline ?? state.deadline,
      rejectionCount: state.rejectionCount + 1,
    },
    note: reason,
  };
}

function dismiss(state: HiddenHazardState, action: ActionOf<'dismiss'>): Step {
  return { state: { ...state, status: 'dismissed' }, note: requireReason(action.reason, 'reason') };
}

/** 一般 → 重大. The plan made for a 一般 hazard does not meet the 重大 elements, so it starts over. */
function reclassify(state: HiddenHazardState, action: ActionOf<'reclassify'>, context: StepContext): Step {
  if (state.level === 'major') {
    throw new HiddenHazardError('hazard.illegal_transition', {
      action: action.action,
      reason: 'already_major',
    });
  }
  const classification = classifyHiddenHazard(action, context.rules.criteriaLists);
  if (classification.level !== 'major') {
    throw new HiddenHazardError('hazard.reason_required', { field: 'majorJudgement' }, [
      {
        path: 'majorJudgement',
        code: 'hazard.reason_required',
        message: 'tick a criterion or give the reason',
      },
    ]);
  }
  const note = classification.majorJudgement ?? classification.criteria.map((c) => c.code).join(', ');
  return {
    state: { ...state, ...classification, status: 'reported', plan: undefined, extensionRequest: undefined },
    note,
  };
}

const specs: { readonly [N in HiddenHazardActionName]: ActionSpec<ActionOf<N>> } = {
  submit_plan: { from: ['reported'], apply: submitPlan },
  list_supervision: { from: openHiddenHazardStatuses, apply: listSupervision },
  request_extension: { from: ['rectifying'], apply: requestExtension },
  decide_extension: { from: ['rectifying'], apply: decideExtension },
  report_progress: { from: ['rectifying'], apply: reportProgress },
  submit_rectification: { from: ['rectifying'], apply: submitRectification },
  accept: { from: ['pending_acceptance'], apply: accept },
  reject: { from: ['pending_acceptance'], apply: reject },
  dismiss: { from: ['reported'], apply: dismiss },
  reclassify: { from: ['reported', 'rectifying'], apply: reclassify },
};

/** The statuses each action can start from (the workflow's own table, for the allowed-actions list). */
export const hiddenHazardActionStatuses: Readonly<
  Record<HiddenHazardActionName, readonly HiddenHazardState['status'][]>
> = Object.fromEntries(Object.entries(specs).map(([action, spec]) => [action, spec.from])) as Record<
  HiddenHazardActionName,
  readonly HiddenHazardState['status'][]
>;

function checkActor(
  state: HiddenHazardState,
  action: HiddenHazardActionName,
  actor: HiddenHazardActor,
): void {
  const allowed = hiddenHazardActionActors[action];
  if (allowed === 'reviewer') {
    const reviewers = hiddenHazardReviewerKinds(state);
    if (!reviewers.includes(actor.kind)) {
      throw new HiddenHazardError('hazard.wrong_reviewer', { action, actor: actor.kind, reviewers });
    }
  } else if (!allowed.includes(actor.kind)) {
    throw new HiddenHazardError('hazard.action_not_allowed', { action, actor: actor.kind, allowed });
  }
}

/**
 * Applies one action to a hazard: the next state with the new timeline entry appended (and the
 * entry itself, for the service to store), or a typed error. Checks, in order: the action is possible
 * in the current status (`hazard.illegal_transition`), the actor is the right party, then the
 * action's own rules. Pure: `now` and the actor come from the context.
 */
export function transitionHazard(
  state: HiddenHazardState,
  action: HiddenHazardAction,
  context: HiddenHazardContext,
): HiddenHazardTransition {
  const rules = { ...defaultHiddenHazardWorkflowRules, ...context.rules };
  const spec = specs[action.action] as ActionSpec<HiddenHazardAction>;
  try {
    if (!spec.from.includes(state.status)) {
      throw new HiddenHazardError('hazard.illegal_transition', {
        status: state.status,
        action: action.action,
      });
    }
    checkActor(state, action.action, context.actor);
    const step = spec.apply(state, action, { now: context.now, actor: context.actor, rules });
    const entry: HiddenHazardTimelineEntry = {
      at: context.now,
      actorKind: context.actor.kind,
      actorId: context.actor.id,
      action: action.action,
      from: state.status,
      to: step.state.status,
      ...(step.note ? { note: step.note } : {}),
    };
    return { ok: true, state: { ...step.state, timeline: [...state.timeline, entry] }, entry };
  } catch (error) {
    if (error instanceof HiddenHazardError) return { ok: false, error };
    throw error;
  }
}
