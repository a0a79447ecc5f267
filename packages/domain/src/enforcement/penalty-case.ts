import { chinaDate } from '../common/china-time.ts';
import { checkCalendarDate } from './calendar-date.ts';
import { EnforcementError } from './enforcement.errors.ts';
import type { PenaltyCaseAction } from './penalty-case.schema.ts';
import { decide } from './penalty-case-decision.ts';
import { defaultPenaltyCaseRules } from './penalty-case-rules.ts';
import type {
  PenaltyCaseContext,
  PenaltyCaseState,
  PenaltyCaseTimelineEntry,
  PenaltyCaseTransition,
} from './penalty-case-state.ts';
import {
  type ActionOf,
  closeCase,
  completeLegalReview,
  concludeHearing,
  endCase,
  extendDecisionPeriod,
  issueNotice,
  recordExecution,
  recordStatement,
  requestHearing,
  scheduleHearing,
  serveDecision,
  type Step,
  type StepContext,
  startInvestigation,
  waiveRights,
} from './penalty-case-steps.ts';
import {
  type PenaltyCaseActionName,
  type PenaltyCaseRole,
  type PenaltyCaseStatus,
  type PenaltyPartyKind,
  penaltyCasePreDecisionStatuses,
} from './penalty-case-terms.ts';

/*
 * The penalty case (行政处罚法, 2021; article numbers M):
 *
 *   filed ─start_investigation─▶ investigating ─issue_notice─▶ notified ─request_hearing─▶ hearing
 *     │                            │                             │                          │
 *     └─withdraw─▶ withdrawn ◀─────┘                             │          conclude_hearing│
 *                                                                ▼                          ▼
 *   closed ◀─close─ executed ◀─record_execution─ decided ◀──────decide──────────────────── heard
 *     ▲                                            │
 *     └────close (不予处罚, once served)──────────┘
 *
 * decide from investigating only for 不予处罚; issue_notice again from notified or heard (a heavier
 * penalty needs a new notice); terminate (终结) from any open status. In place: record_statement,
 * waive_rights, schedule_hearing, complete_legal_review, extend_decision_period, serve_decision.
 */

interface ActionSpec<A extends PenaltyCaseAction> {
  readonly from: readonly PenaltyCaseStatus[];
  readonly roles: readonly PenaltyCaseRole[];
  readonly apply: (state: PenaltyCaseState, action: A, context: StepContext) => Step;
}

const handler = ['handler'] as const;
const head = ['head'] as const;
const partyOrHandler = ['handler', 'party'] as const;
const reviewable: readonly PenaltyCaseStatus[] = ['investigating', 'notified', 'heard'];

const specs: { readonly [N in PenaltyCaseActionName]: ActionSpec<ActionOf<N>> } = {
  start_investigation: { from: ['filed'], roles: handler, apply: startInvestigation },
  issue_notice: { from: reviewable, roles: handler, apply: issueNotice },
  record_statement: { from: ['notified', 'hearing', 'heard'], roles: partyOrHandler, apply: recordStatement },
  waive_rights: { from: ['notified'], roles: partyOrHandler, apply: waiveRights },
  request_hearing: { from: ['notified'], roles: partyOrHandler, apply: requestHearing },
  schedule_hearing: { from: ['hearing'], roles: handler, apply: scheduleHearing },
  conclude_hearing: { from: ['hearing'], roles: handler, apply: concludeHearing },
  complete_legal_review: { from: reviewable, roles: ['legal_reviewer'], apply: completeLegalReview },
  extend_decision_period: { from: penaltyCasePreDecisionStatuses, roles: head, apply: extendDecisionPeriod },
  decide: { from: reviewable, roles: head, apply: decide },
  serve_decision: { from: ['decided'], roles: handler, apply: serveDecision },
  record_execution: { from: ['decided'], roles: handler, apply: recordExecution },
  close: { from: ['decided', 'executed'], roles: head, apply: closeCase },
  withdraw: { from: ['filed', 'investigating'], roles: head, apply: endCase },
  terminate: { from: [...penaltyCasePreDecisionStatuses, 'decided'], roles: head, apply: endCase },
};

/** Who may take each step. */
export const penaltyCaseActionRoles: Readonly<Record<PenaltyCaseActionName, readonly PenaltyCaseRole[]>> =
  Object.fromEntries(Object.entries(specs).map(([name, spec]) => [name, spec.roles])) as Record<
    PenaltyCaseActionName,
    readonly PenaltyCaseRole[]
  >;

/** The statuses each step is possible in. */
export const penaltyCaseActionStatuses: Readonly<
  Record<PenaltyCaseActionName, readonly PenaltyCaseStatus[]>
> = Object.fromEntries(Object.entries(specs).map(([name, spec]) => [name, spec.from])) as Record<
  PenaltyCaseActionName,
  readonly PenaltyCaseStatus[]
>;

function entryOf(
  state: PenaltyCaseState,
  next: PenaltyCaseState,
  action: PenaltyCaseActionName | 'file',
  context: PenaltyCaseContext,
  note: string | undefined,
): PenaltyCaseTimelineEntry {
  return {
    at: context.now,
    role: context.actor.role,
    actorId: context.actor.id,
    action,
    from: action === 'file' ? null : state.status,
    to: next.status,
    ...(note ? { note } : {}),
  };
}

/**
 * Applies one step to a case: the next state with the timeline entry appended, or a typed error.
 * Checks in order: the step is possible in the current status (`enforcement.case_illegal_transition`),
 * the actor's role may take it (`enforcement.case_action_not_allowed`), then the step's own rules
 * and time limits. Pure: `now`, the actor and the holiday calendar come from the context.
 */
export function transitionPenaltyCase(
  state: PenaltyCaseState,
  action: PenaltyCaseAction,
  context: PenaltyCaseContext,
): PenaltyCaseTransition {
  const spec = specs[action.action] as ActionSpec<PenaltyCaseAction>;
  try {
    if (!spec.from.includes(state.status)) {
      throw new EnforcementError('enforcement.case_illegal_transition', {
        status: state.status,
        action: action.action,
      });
    }
    if (!spec.roles.includes(context.actor.role)) {
      throw new EnforcementError('enforcement.case_action_not_allowed', {
        action: action.action,
        role: context.actor.role,
        allowed: spec.roles,
      });
    }
    const rules = { ...defaultPenaltyCaseRules, ...context.rules };
    const step = spec.apply(state, action, { ...context, rules, today: chinaDate(context.now) });
    const entry = entryOf(state, step.state, action.action, context, step.note);
    return { ok: true, state: { ...step.state, timeline: [...state.timeline, entry] }, entry };
  } catch (error) {
    if (error instanceof EnforcementError) return { ok: false, error };
    throw error;
  }
}

export interface PenaltyCaseFiling {
  readonly partyKind: PenaltyPartyKind;
  /** Filing date; today (China Standard Time) when left out. */
  readonly filedOn?: string;
  readonly requiresLegalReview?: boolean;
  readonly summary?: string;
}

/** 立案, approved by the head of the department [M]. The decision period counts from `filedOn`. */
export function filePenaltyCase(
  filing: PenaltyCaseFiling,
  context: PenaltyCaseContext,
): PenaltyCaseTransition {
  try {
    if (context.actor.role !== 'head') {
      throw new EnforcementError('enforcement.case_action_not_allowed', {
        action: 'file',
        role: context.actor.role,
        allowed: head,
      });
    }
    const today = chinaDate(context.now);
    const filedOn = checkCalendarDate(filing.filedOn ?? today, 'filedOn');
    if (filedOn > today)
      throw new EnforcementError('enforcement.case_invalid_date', { field: 'filedOn', date: filedOn });
    const state: PenaltyCaseState = {
      status: 'filed',
      partyKind: filing.partyKind,
      filedOn,
      requiresLegalReview: filing.requiresLegalReview ?? false,
      investigatorIds: [],
      statements: [],
      decisionExtensions: [],
      timeline: [],
    };
    const entry = entryOf(state, state, 'file', context, filing.summary);
    return { ok: true, state: { ...state, timeline: [entry] }, entry };
  } catch (error) {
    if (error instanceof EnforcementError) return { ok: false, error };
    throw error;
  }
}
