import type { HolidayCalendar } from './holiday-calendar.ts';
import { defaultPenaltyCaseRules, type PenaltyCaseTimeLimits } from './penalty-case-rules.ts';
import type { PenaltyCaseState } from './penalty-case-state.ts';
import { penaltyCasePreDecisionStatuses } from './penalty-case-terms.ts';
import { type Deadline, deadlineOf, periodLastDay } from './time-limit.ts';

export const penaltyDeadlineKinds = [
  'decision',
  'statement',
  'hearing_request',
  'decision_service',
  'payment',
  'reconsideration',
  'litigation',
  'enforcement_application',
] as const;
export type PenaltyDeadlineKind = (typeof penaltyDeadlineKinds)[number];

export interface PenaltyDeadlineContext {
  readonly now: Date;
  readonly calendar: HolidayCalendar;
  readonly timeLimits?: PenaltyCaseTimeLimits;
}

type State = Pick<PenaltyCaseState, 'status' | 'filedOn' | 'notice' | 'decisionExtensions' | 'decision'>;

/** Decision period: the statutory days plus every approved extension, counted from filing. */
export function penaltyDecisionDeadline(state: State, context: PenaltyDeadlineContext): Deadline<'decision'> {
  const limits = context.timeLimits ?? defaultPenaltyCaseRules.timeLimits;
  const extended = state.decisionExtensions.reduce((sum, e) => sum + e.days, 0);
  return deadlineOf(
    'decision',
    state.filedOn,
    { ...limits.decision, amount: limits.decision.amount + extended },
    context,
  );
}

function noticeDeadlines(
  state: State,
  context: PenaltyDeadlineContext,
  limits: PenaltyCaseTimeLimits,
): Deadline<PenaltyDeadlineKind>[] {
  const notice = state.notice;
  if (state.status !== 'notified' || !notice) return [];
  return [
    deadlineOf('statement', notice.servedOn, limits.statement, context),
    ...(notice.hearingRight
      ? [deadlineOf('hearing_request', notice.servedOn, limits.hearingRequest, context)]
      : []),
  ];
}

function decisionDeadlines(
  state: State,
  context: PenaltyDeadlineContext,
  limits: PenaltyCaseTimeLimits,
): Deadline<PenaltyDeadlineKind>[] {
  const decision = state.decision;
  if (state.status !== 'decided' || !decision) return [];
  if (!decision.servedOn)
    return [deadlineOf('decision_service', decision.decidedOn, limits.decisionService, context)];
  if (decision.outcome !== 'penalty') return [];
  const litigation = deadlineOf('litigation', decision.servedOn, limits.litigation, context);
  return [
    ...(decision.penalty?.fineYuan
      ? [deadlineOf('payment', decision.servedOn, limits.payment, context)]
      : []),
    deadlineOf('reconsideration', decision.servedOn, limits.reconsideration, context),
    litigation,
    deadlineOf('enforcement_application', litigation.dueDate, limits.enforcementApplication, context),
  ];
}

/**
 * The deadlines running in the case's current status, for the deadline worker's timers and the case
 * page: the decision period before the decision; the statement and hearing-request periods after the
 * notice; service of the decision; then payment, the appeal periods and the window to apply for court
 * enforcement (which opens when the suit period ends).
 */
export function penaltyCaseDeadlines(
  state: State,
  context: PenaltyDeadlineContext,
): Deadline<PenaltyDeadlineKind>[] {
  const limits = context.timeLimits ?? defaultPenaltyCaseRules.timeLimits;
  return [
    ...(penaltyCasePreDecisionStatuses.includes(state.status)
      ? [penaltyDecisionDeadline(state, context)]
      : []),
    ...noticeDeadlines(state, context, limits),
    ...decisionDeadlines(state, context, limits),
  ];
}

/** The earliest lawful hearing date when the party is told on `notifiedOn` (Art. 64(2) [M]). */
export function earliestHearingDate(
  notifiedOn: string,
  calendar: HolidayCalendar,
  timeLimits: PenaltyCaseTimeLimits = defaultPenaltyCaseRules.timeLimits,
): string {
  return periodLastDay(notifiedOn, timeLimits.hearingNotice, calendar).date;
}
