import { checkCalendarDate } from './calendar-date.ts';
import { EnforcementError } from './enforcement.errors.ts';
import type { HolidayCalendar } from './holiday-calendar.ts';
import type { PenaltyCaseAction } from './penalty-case.schema.ts';
import { earliestHearingDate, penaltyCaseDeadlines } from './penalty-case-deadlines.ts';
import type { PenaltyCaseRules } from './penalty-case-rules.ts';
import type { PenaltyCaseActor, PenaltyCaseState } from './penalty-case-state.ts';
import type { PenaltyCaseActionName } from './penalty-case-terms.ts';
import { checkPenaltyProposal, hearingRightApplies } from './penalty-proposal.ts';

/* The rules of each step of a penalty case; penalty-case.ts checks status and role first. */

export interface StepContext {
  readonly now: Date;
  readonly today: string;
  readonly actor: PenaltyCaseActor;
  readonly calendar: HolidayCalendar;
  readonly rules: PenaltyCaseRules;
}

export interface Step {
  readonly state: PenaltyCaseState;
  readonly note?: string | undefined;
}

export type ActionOf<N extends PenaltyCaseActionName> = Extract<PenaltyCaseAction, { action: N }>;

function reasonOf(text: string | undefined, field = 'reason'): string {
  const reason = text?.trim();
  if (!reason) {
    throw new EnforcementError('enforcement.case_reason_required', { field }, [
      { path: field, code: 'enforcement.case_reason_required', message: 'give the reason' },
    ]);
  }
  return reason;
}

/** A date a step happened on: a real date, not before `earliest`, not after today. */
function pastDate(date: string, earliest: string, today: string, field: string): string {
  checkCalendarDate(date, field);
  if (date < earliest || date > today) {
    throw new EnforcementError('enforcement.case_invalid_date', { field, date, earliest, latest: today });
  }
  return date;
}

const deadlineOfKind = (state: PenaltyCaseState, context: StepContext, kind: string) =>
  penaltyCaseDeadlines(state, {
    now: context.now,
    calendar: context.calendar,
    timeLimits: context.rules.timeLimits,
  }).find((d) => d.kind === kind);

export function startInvestigation(
  state: PenaltyCaseState,
  action: ActionOf<'start_investigation'>,
  context: StepContext,
): Step {
  const investigatorIds = [...new Set(action.investigatorIds)];
  if (investigatorIds.length < context.rules.minimumInvestigators) {
    throw new EnforcementError('enforcement.case_too_few_investigators', {
      given: investigatorIds.length,
      required: context.rules.minimumInvestigators,
    });
  }
  return { state: { ...state, status: 'investigating', investigatorIds }, note: action.note };
}

/** 告知: the proposal, whether it carries a hearing right, and a fresh statement/hearing period. */
export function issueNotice(
  state: PenaltyCaseState,
  action: ActionOf<'issue_notice'>,
  context: StepContext,
): Step {
  const proposal = checkPenaltyProposal(action.proposal);
  const servedOn = pastDate(action.servedOn, state.filedOn, context.today, 'servedOn');
  const hearingRight = hearingRightApplies(proposal, state.partyKind, context.rules.hearingRight);
  const notice = {
    proposal,
    servedOn,
    hearingRight,
    ...(action.documentNo ? { documentNo: action.documentNo } : {}),
  };
  return {
    // A new proposal needs a new review (Art. 58 reviews the decision as proposed).
    state: {
      ...state,
      status: 'notified',
      notice,
      rightsWaivedAt: undefined,
      hearing: undefined,
      legalReview: undefined,
    },
    note: action.note ?? action.documentNo,
  };
}

/** 陈述、申辩 are always heard; one made after the period is marked late, not refused. */
export function recordStatement(
  state: PenaltyCaseState,
  action: ActionOf<'record_statement'>,
  context: StepContext,
): Step {
  const late = deadlineOfKind(state, context, 'statement')?.overdue ?? false;
  const statement = { at: context.now, by: context.actor.role, late };
  return { state: { ...state, statements: [...state.statements, statement] }, note: action.summary };
}

export function waiveRights(
  state: PenaltyCaseState,
  action: ActionOf<'waive_rights'>,
  context: StepContext,
): Step {
  return { state: { ...state, rightsWaivedAt: context.now }, note: action.note };
}

/** Art. 63–64 [M]: only for a penalty that carries the right, and within the period. */
export function requestHearing(
  state: PenaltyCaseState,
  action: ActionOf<'request_hearing'>,
  context: StepContext,
): Step {
  if (!state.notice?.hearingRight) throw new EnforcementError('enforcement.case_hearing_not_available', {});
  const deadline = deadlineOfKind(state, context, 'hearing_request');
  if (deadline?.overdue) {
    throw new EnforcementError('enforcement.case_hearing_request_late', { dueDate: deadline.dueDate });
  }
  return { state: { ...state, status: 'hearing', hearing: { requestedAt: context.now } }, note: action.note };
}

/** Art. 64(2) and (4) [M]: told 7 days before; presided over by someone who did not investigate. */
export function scheduleHearing(
  state: PenaltyCaseState,
  action: ActionOf<'schedule_hearing'>,
  context: StepContext,
): Step {
  const notifiedOn = pastDate(action.notifiedOn, state.notice!.servedOn, context.today, 'notifiedOn');
  checkCalendarDate(action.date, 'date');
  const earliest = earliestHearingDate(notifiedOn, context.calendar, context.rules.timeLimits);
  if (action.date < earliest) {
    throw new EnforcementError('enforcement.case_hearing_too_early', { date: action.date, earliest });
  }
  if (state.investigatorIds.includes(action.presiderId)) {
    throw new EnforcementError('enforcement.case_hearing_presider_conflict', {
      presiderId: action.presiderId,
    });
  }
  const hearing = { ...state.hearing!, date: action.date, notifiedOn, presiderId: action.presiderId };
  return { state: { ...state, hearing }, note: action.note ?? action.date };
}

export function concludeHearing(
  state: PenaltyCaseState,
  action: ActionOf<'conclude_hearing'>,
  context: StepContext,
): Step {
  const hearing = state.hearing!;
  if (action.outcome !== 'request_withdrawn' && (!hearing.date || context.today < hearing.date)) {
    throw new EnforcementError('enforcement.case_illegal_transition', {
      status: state.status,
      action: action.action,
      reason: hearing.date ? 'hearing_date_not_reached' : 'hearing_not_scheduled',
    });
  }
  const reviewed = action.outcome === 'held' && context.rules.legalReviewAfterHearing;
  return {
    state: {
      ...state,
      status: 'heard',
      hearing: { ...hearing, outcome: action.outcome },
      requiresLegalReview: state.requiresLegalReview || reviewed,
    },
    note: action.note ?? action.outcome,
  };
}

export function completeLegalReview(
  state: PenaltyCaseState,
  action: ActionOf<'complete_legal_review'>,
  context: StepContext,
): Step {
  const legalReview = {
    at: context.now,
    reviewerId: context.actor.id,
    passed: action.passed,
    opinion: action.opinion,
  };
  return { state: { ...state, legalReview }, note: action.opinion };
}

export function extendDecisionPeriod(
  state: PenaltyCaseState,
  action: ActionOf<'extend_decision_period'>,
  context: StepContext,
): Step {
  const reason = reasonOf(action.reason);
  const total = state.decisionExtensions.reduce((sum, e) => sum + e.days, 0) + action.days;
  const max = context.rules.timeLimits.maxDecisionExtensionDays;
  if (total > max) throw new EnforcementError('enforcement.case_extension_exceeded', { total, max });
  const extension = { days: action.days, reason, approvedAt: context.now, approvedBy: context.actor.id };
  return { state: { ...state, decisionExtensions: [...state.decisionExtensions, extension] }, note: reason };
}

export function serveDecision(
  state: PenaltyCaseState,
  action: ActionOf<'serve_decision'>,
  context: StepContext,
): Step {
  const decision = state.decision!;
  if (decision.servedOn) {
    throw new EnforcementError('enforcement.case_illegal_transition', {
      action: action.action,
      reason: 'already_served',
    });
  }
  const servedOn = pastDate(action.servedOn, decision.decidedOn, context.today, 'servedOn');
  return { state: { ...state, decision: { ...decision, servedOn } }, note: servedOn };
}

export function recordExecution(
  state: PenaltyCaseState,
  action: ActionOf<'record_execution'>,
  context: StepContext,
): Step {
  const decision = state.decision!;
  if (decision.outcome !== 'penalty' || !decision.servedOn) {
    throw new EnforcementError('enforcement.case_illegal_transition', {
      action: action.action,
      reason: decision.outcome !== 'penalty' ? 'no_penalty' : 'not_served',
    });
  }
  const completedOn = pastDate(action.completedOn, decision.servedOn, context.today, 'completedOn');
  const execution = {
    method: action.method,
    completedOn,
    ...(action.paidYuan ? { paidYuan: action.paidYuan } : {}),
  };
  return { state: { ...state, status: 'executed', execution }, note: action.note };
}

export function closeCase(state: PenaltyCaseState, action: ActionOf<'close'>): Step {
  if (state.status === 'decided' && state.decision?.outcome !== 'no_penalty') {
    throw new EnforcementError('enforcement.case_illegal_transition', {
      action: action.action,
      reason: 'not_executed',
    });
  }
  if (state.status === 'decided' && !state.decision?.servedOn) {
    throw new EnforcementError('enforcement.case_illegal_transition', {
      action: action.action,
      reason: 'not_served',
    });
  }
  return { state: { ...state, status: 'closed' }, note: action.note };
}

export function endCase(state: PenaltyCaseState, action: ActionOf<'withdraw'> | ActionOf<'terminate'>): Step {
  const reason = reasonOf(action.reason);
  return {
    state: {
      ...state,
      status: action.action === 'withdraw' ? 'withdrawn' : 'terminated',
      endedReason: reason,
    },
    note: reason,
  };
}
