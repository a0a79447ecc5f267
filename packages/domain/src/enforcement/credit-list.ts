import { chinaDate } from '../common/china-time.ts';
import { checkCalendarDate } from './calendar-date.ts';
import { EnforcementError } from './enforcement.errors.ts';
import type { CreditListingAction } from './credit-list.schema.ts';
import { creditListingDeadlines } from './credit-list-deadlines.ts';
import { type CreditListRules, defaultCreditListRules } from './credit-list-rules.ts';
import type {
  CreditListingActor,
  CreditListingContext,
  CreditListingState,
  CreditListingTimelineEntry,
  CreditListingTransition,
} from './credit-list-state.ts';
import type { CreditListingActionName, CreditListingRole, CreditListingStatus } from './credit-list-terms.ts';
import type { HolidayCalendar } from './holiday-calendar.ts';

/*
 * The serious-dishonesty list (应急管理部令第11号):
 *
 *   candidate ─notify─▶ notified ─decide(list)─▶ listed ─publish─▶ published ─apply_repair─▶ repair_pending
 *     │                   │                        │                  │    ▲                    │
 *     └─dismiss─▶ dismissed ◀─decide(not_list)─┘   │                  │    └──decide_repair(no)─┤
 *                                                  │                  ▼                         ▼
 *                          cancelled ◀─cancel──────┴──────────── expired (term over)      repaired
 *                                                                                  revoke_repair (fraud)
 *                                                                                  ─▶ published again
 *
 * object and waive_objection happen in place while notified.
 */

interface Ctx {
  readonly now: Date;
  readonly today: string;
  readonly actor: CreditListingActor;
  readonly calendar: HolidayCalendar;
  readonly rules: CreditListRules;
}

interface Step {
  readonly state: CreditListingState;
  readonly note?: string | undefined;
}

type ActionOf<N extends CreditListingActionName> = Extract<CreditListingAction, { action: N }>;

function reasonOf(text: string | undefined, field = 'reason'): string {
  const reason = text?.trim();
  if (!reason) throw new EnforcementError('credit.reason_required', { field });
  return reason;
}

const deadline = (state: CreditListingState, ctx: Ctx, kind: string) =>
  creditListingDeadlines(state, ctx).find((d) => d.kind === kind);

function pastDate(date: string, earliest: string | undefined, ctx: Ctx, field: string): string {
  checkCalendarDate(date, field);
  if ((earliest !== undefined && date < earliest) || date > ctx.today) {
    throw new EnforcementError('enforcement.case_invalid_date', { field, date, earliest, latest: ctx.today });
  }
  return date;
}

function notify(state: CreditListingState, action: ActionOf<'notify'>, ctx: Ctx): Step {
  const noticeServedOn = pastDate(action.servedOn, undefined, ctx, 'servedOn');
  return { state: { ...state, status: 'notified', noticeServedOn }, note: action.note };
}

function object(state: CreditListingState, action: ActionOf<'object'>, ctx: Ctx): Step {
  const period = deadline(state, ctx, 'objection');
  if (period?.overdue) throw new EnforcementError('credit.objection_late', { dueDate: period.dueDate });
  return {
    state: { ...state, objections: [...state.objections, { at: ctx.now, summary: action.summary }] },
    note: action.summary,
  };
}

function waiveObjection(state: CreditListingState, action: ActionOf<'waive_objection'>, ctx: Ctx): Step {
  return { state: { ...state, objectionWaivedAt: ctx.now }, note: action.note };
}

/** 列入决定: after the objection period (or a waiver); objections must be answered (核实). */
function decide(state: CreditListingState, action: ActionOf<'decide'>, ctx: Ctx): Step {
  const period = deadline(state, ctx, 'objection');
  if (!state.objectionWaivedAt && period && !period.overdue) {
    throw new EnforcementError('credit.objection_window_open', { dueDate: period.dueDate });
  }
  if (action.outcome === 'not_list') {
    const reason = reasonOf(action.reason);
    return {
      state: { ...state, status: 'dismissed', endedOn: ctx.today, endedReason: reason },
      note: reason,
    };
  }
  const objectionResponse = action.objectionResponse?.trim();
  if (state.objections.length > 0 && !objectionResponse)
    throw new EnforcementError('credit.objection_unanswered', {});
  const listing = {
    listedOn: ctx.today,
    ...(objectionResponse ? { objectionResponse } : {}),
    ...(action.documentNo ? { documentNo: action.documentNo } : {}),
  };
  return { state: { ...state, status: 'listed', ...listing }, note: action.documentNo };
}

function dismiss(state: CreditListingState, action: ActionOf<'dismiss'>, ctx: Ctx): Step {
  const reason = reasonOf(action.reason);
  return { state: { ...state, status: 'dismissed', endedOn: ctx.today, endedReason: reason }, note: reason };
}

function publish(state: CreditListingState, action: ActionOf<'publish'>, ctx: Ctx): Step {
  const publishedOn = pastDate(action.publishedOn, state.listedOn, ctx, 'publishedOn');
  return { state: { ...state, status: 'published', publishedOn }, note: publishedOn };
}

/** 信用修复: not before the 12 months are full. */
function applyRepair(state: CreditListingState, action: ActionOf<'apply_repair'>, ctx: Ctx): Step {
  const opens = deadline(state, ctx, 'repair_opens');
  if (opens && !opens.overdue) {
    throw new EnforcementError('credit.repair_too_early', {
      opensOn: opens.dueDate,
      from: opens.endsAt.toISOString(),
    });
  }
  const repairApplication = { at: ctx.now, summary: action.summary };
  return { state: { ...state, status: 'repair_pending', repairApplication }, note: action.summary };
}

function decideRepair(state: CreditListingState, action: ActionOf<'decide_repair'>, ctx: Ctx): Step {
  if (action.approve)
    return {
      state: { ...state, status: 'repaired', endedOn: ctx.today, endedReason: 'repaired' },
      note: action.reason,
    };
  const reason = reasonOf(action.reason);
  return { state: { ...state, status: 'published', repairApplication: undefined }, note: reason };
}

/** A repair obtained by concealment or fraud is revoked and the listing restored, same term [M]. */
function revokeRepair(state: CreditListingState, action: ActionOf<'revoke_repair'>): Step {
  const reason = reasonOf(action.reason);
  return {
    state: { ...state, status: 'published', endedOn: undefined, endedReason: undefined },
    note: reason,
  };
}

function expire(state: CreditListingState, action: ActionOf<'expire'>, ctx: Ctx): Step {
  const term = deadline(state, ctx, 'term');
  if (!term?.overdue) throw new EnforcementError('credit.not_yet_expired', { dueDate: term?.dueDate });
  return {
    state: { ...state, status: 'expired', endedOn: ctx.today, endedReason: 'term_over' },
    note: action.note,
  };
}

function cancel(state: CreditListingState, action: ActionOf<'cancel'>, ctx: Ctx): Step {
  const reason = reasonOf(action.reason);
  return { state: { ...state, status: 'cancelled', endedOn: ctx.today, endedReason: reason }, note: reason };
}

interface Spec<A extends CreditListingAction> {
  readonly from: readonly CreditListingStatus[];
  readonly roles: readonly CreditListingRole[];
  readonly apply: (state: CreditListingState, action: A, ctx: Ctx) => Step;
}

const onList: readonly CreditListingStatus[] = ['listed', 'published', 'repair_pending'];

const specs: { readonly [N in CreditListingActionName]: Spec<ActionOf<N>> } = {
  notify: { from: ['candidate'], roles: ['handler'], apply: notify },
  object: { from: ['notified'], roles: ['party', 'handler'], apply: object },
  waive_objection: { from: ['notified'], roles: ['party', 'handler'], apply: waiveObjection },
  decide: { from: ['notified'], roles: ['head'], apply: decide },
  dismiss: { from: ['candidate'], roles: ['head'], apply: dismiss },
  publish: { from: ['listed'], roles: ['handler'], apply: publish },
  apply_repair: { from: ['published'], roles: ['party', 'handler'], apply: applyRepair },
  decide_repair: { from: ['repair_pending'], roles: ['head'], apply: decideRepair },
  revoke_repair: { from: ['repaired'], roles: ['head'], apply: revokeRepair },
  expire: { from: onList, roles: ['system', 'handler'], apply: expire },
  cancel: { from: onList, roles: ['head'], apply: cancel },
};

/** Who may take each step on the list. */
export const creditListingActionRoles: Readonly<
  Record<CreditListingActionName, readonly CreditListingRole[]>
> = Object.fromEntries(Object.entries(specs).map(([n, s]) => [n, s.roles])) as Record<
  CreditListingActionName,
  readonly CreditListingRole[]
>;

/** The statuses each step is possible in. */
export const creditListingActionStatuses: Readonly<
  Record<CreditListingActionName, readonly CreditListingStatus[]>
> = Object.fromEntries(Object.entries(specs).map(([n, s]) => [n, s.from])) as Record<
  CreditListingActionName,
  readonly CreditListingStatus[]
>;

function entryOf(
  from: CreditListingStatus | null,
  to: CreditListingStatus,
  action: CreditListingActionName | 'create',
  context: CreditListingContext,
  note?: string,
): CreditListingTimelineEntry {
  return {
    at: context.now,
    role: context.actor.role,
    actorId: context.actor.id,
    action,
    from,
    to,
    ...(note ? { note } : {}),
  };
}

/**
 * Applies one step to a listing: the next state with the timeline entry appended, or a typed error
 * (`credit.illegal_transition`, `credit.action_not_allowed`, then the step's own rules). Pure.
 */
export function transitionCreditListing(
  state: CreditListingState,
  action: CreditListingAction,
  context: CreditListingContext,
): CreditListingTransition {
  const spec = specs[action.action] as Spec<CreditListingAction>;
  try {
    if (!spec.from.includes(state.status)) {
      throw new EnforcementError('credit.illegal_transition', {
        status: state.status,
        action: action.action,
      });
    }
    if (!spec.roles.includes(context.actor.role)) {
      throw new EnforcementError('credit.action_not_allowed', {
        action: action.action,
        role: context.actor.role,
        allowed: spec.roles,
      });
    }
    const rules = { ...defaultCreditListRules, ...context.rules };
    const step = spec.apply(state, action, { ...context, rules, today: chinaDate(context.now) });
    const entry = entryOf(state.status, step.state.status, action.action, context, step.note);
    return { ok: true, state: { ...step.state, timeline: [...state.timeline, entry] }, entry };
  } catch (error) {
    if (error instanceof EnforcementError) return { ok: false, error };
    throw error;
  }
}

export interface CreditCandidate {
  readonly enterpriseId: string;
  readonly penaltyCaseId: string;
  /** Grounds the penalty decision met (PenaltyDecision.creditGrounds). */
  readonly grounds: readonly string[];
}

/**
 * A listing candidate from a penalty decision whose grounds include a listable one; the grounds that
 * are not listable are dropped. `credit.not_listable` when none is. Taken by the system when the
 * decision is made, or by a handler.
 */
export function createCreditCandidate(
  candidate: CreditCandidate,
  context: CreditListingContext,
): CreditListingTransition {
  const rules = { ...defaultCreditListRules, ...context.rules };
  const grounds = [...new Set(candidate.grounds)].filter((g) => rules.listableGrounds.includes(g));
  if (!['system', 'handler'].includes(context.actor.role)) {
    return {
      ok: false,
      error: new EnforcementError('credit.action_not_allowed', {
        action: 'create',
        role: context.actor.role,
      }),
    };
  }
  if (grounds.length === 0) {
    return { ok: false, error: new EnforcementError('credit.not_listable', { grounds: candidate.grounds }) };
  }
  const state: CreditListingState = {
    status: 'candidate',
    enterpriseId: candidate.enterpriseId,
    penaltyCaseId: candidate.penaltyCaseId,
    grounds,
    objections: [],
    timeline: [],
  };
  const entry = entryOf(null, 'candidate', 'create', context, grounds.join(', '));
  return { ok: true, state: { ...state, timeline: [entry] }, entry };
}
