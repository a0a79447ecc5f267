import type { HolidayCalendar } from './holiday-calendar.ts';
import { type CreditListRules, defaultCreditListRules } from './credit-list-rules.ts';
import type { CreditListingState } from './credit-list-state.ts';
import { creditListedStatuses } from './credit-list-terms.ts';
import { type Deadline, deadlineOf } from './time-limit.ts';

export const creditDeadlineKinds = ['objection', 'publication', 'repair_opens', 'term'] as const;
export type CreditDeadlineKind = (typeof creditDeadlineKinds)[number];

export interface CreditDeadlineContext {
  readonly now: Date;
  readonly calendar: HolidayCalendar;
  readonly rules?: Partial<CreditListRules>;
}

type State = Pick<CreditListingState, 'status' | 'noticeServedOn' | 'listedOn' | 'publishedOn'>;

/**
 * Dates running for a listing: the objection period after the notice; publication after the
 * decision; while listed, the day early removal may be applied for (`repair_opens` — "overdue" here
 * means the window has opened, so it is the day after the 12 months) and the end of the term.
 */
export function creditListingDeadlines(
  state: State,
  context: CreditDeadlineContext,
): Deadline<CreditDeadlineKind>[] {
  const rules = { ...defaultCreditListRules, ...context.rules };
  const deadlines: Deadline<CreditDeadlineKind>[] = [];
  if (state.status === 'notified' && state.noticeServedOn) {
    deadlines.push(deadlineOf('objection', state.noticeServedOn, rules.objectionPeriod, context));
  }
  if (state.status === 'listed' && state.listedOn) {
    deadlines.push(deadlineOf('publication', state.listedOn, rules.publicationPeriod, context));
  }
  if (creditListedStatuses.includes(state.status) && state.listedOn) {
    if (state.status !== 'repair_pending') {
      deadlines.push(deadlineOf('repair_opens', state.listedOn, rules.repairAfter, context));
    }
    deadlines.push(deadlineOf('term', state.listedOn, rules.listingTerm, context));
  }
  return deadlines;
}

/**
 * Whether the enterprise is on the list at `now`: decided, published or awaiting a repair decision,
 * and its term not yet over. The draw pool reads this into the credit-listed risk-weight factor.
 */
export function isCreditListedAt(state: State, context: CreditDeadlineContext): boolean {
  if (!creditListedStatuses.includes(state.status)) return false;
  const term = creditListingDeadlines(state, context).find((d) => d.kind === 'term');
  return term !== undefined && !term.overdue;
}
