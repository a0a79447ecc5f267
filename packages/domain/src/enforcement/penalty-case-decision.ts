import { EnforcementError } from './enforcement.errors.ts';
import { penaltyCaseDeadlines } from './penalty-case-deadlines.ts';
import type { PenaltyCaseState } from './penalty-case-state.ts';
import type { ActionOf, Step, StepContext } from './penalty-case-steps.ts';
import { checkPenaltyProposal, isHeavierPenalty } from './penalty-proposal.ts';
import { checkCalendarDate } from './calendar-date.ts';

/** Whether the party's periods after the notice are over (or waived), so the decision may be made. */
function noticePeriodsOver(state: PenaltyCaseState, context: StepContext): boolean {
  if (state.status !== 'notified' || state.rightsWaivedAt) return true;
  const running = penaltyCaseDeadlines(state, {
    now: context.now,
    calendar: context.calendar,
    timeLimits: context.rules.timeLimits,
  }).filter((d) => (d.kind === 'statement' || d.kind === 'hearing_request') && !d.overdue);
  return running.length === 0;
}

function checkPenalty(state: PenaltyCaseState, action: ActionOf<'decide'>) {
  if (!action.penalty || !state.notice) {
    throw new EnforcementError('enforcement.case_proposal_invalid', {
      problems: [action.penalty ? 'no_notice' : 'penalty_missing'],
    });
  }
  const penalty = checkPenaltyProposal(action.penalty);
  if (isHeavierPenalty(penalty, state.notice.proposal)) {
    throw new EnforcementError('enforcement.case_decision_heavier_than_notice', {
      decision: penalty,
      notice: state.notice.proposal,
    });
  }
  return penalty;
}

/**
 * 作出决定 (行政处罚法 Art. 57 [M]). A penalty only after a notice, no heavier than it (Art. 45), once
 * the statement and hearing-request periods are over or waived; 不予处罚 also straight after the
 * investigation (facts not established). A case needing a legal review (Art. 58) needs a passed one.
 */
export function decide(state: PenaltyCaseState, action: ActionOf<'decide'>, context: StepContext): Step {
  if (action.outcome === 'penalty' && state.status === 'investigating') {
    throw new EnforcementError('enforcement.case_illegal_transition', {
      action: action.action,
      reason: 'notice_required',
    });
  }
  if (!noticePeriodsOver(state, context))
    throw new EnforcementError('enforcement.case_notice_period_running', {});
  if (state.requiresLegalReview && !state.legalReview?.passed) {
    throw new EnforcementError('enforcement.case_legal_review_required', {
      reviewed: state.legalReview !== undefined,
    });
  }
  const reason = action.outcome === 'no_penalty' ? action.reason?.trim() : undefined;
  if (action.outcome === 'no_penalty' && !reason) {
    throw new EnforcementError('enforcement.case_reason_required', { field: 'reason' });
  }
  const penalty = action.outcome === 'penalty' ? checkPenalty(state, action) : undefined;
  const decidedOn = checkCalendarDate(action.decidedOn ?? context.today, 'decidedOn');
  const earliest = state.notice?.servedOn ?? state.filedOn;
  if (decidedOn < earliest || decidedOn > context.today) {
    throw new EnforcementError('enforcement.case_invalid_date', {
      field: 'decidedOn',
      date: decidedOn,
      earliest,
    });
  }
  const decision = {
    outcome: action.outcome,
    ...(penalty ? { penalty } : {}),
    decidedOn,
    ...(action.documentNo ? { documentNo: action.documentNo } : {}),
    creditGrounds: action.outcome === 'penalty' ? [...new Set(action.creditGrounds)] : [],
  };
  return { state: { ...state, status: 'decided', decision }, note: reason ?? action.documentNo };
}
