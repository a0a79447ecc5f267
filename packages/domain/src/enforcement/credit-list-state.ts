import type { EnforcementError } from './enforcement.errors.ts';
import type { HolidayCalendar } from './holiday-calendar.ts';
import type { CreditListRules } from './credit-list-rules.ts';
import type { CreditListingActionName, CreditListingRole, CreditListingStatus } from './credit-list-terms.ts';

export interface CreditListingActor {
  readonly role: CreditListingRole;
  readonly id: string;
}

export interface CreditListingTimelineEntry {
  readonly at: Date;
  readonly role: CreditListingRole;
  readonly actorId: string;
  readonly action: CreditListingActionName | 'create';
  readonly from: CreditListingStatus | null;
  readonly to: CreditListingStatus;
  readonly note?: string;
}

/** One enterprise's path through the list after one penalty decision. Dates are YYYY-MM-DD (CST). */
export interface CreditListingState {
  readonly status: CreditListingStatus;
  readonly enterpriseId: string;
  readonly penaltyCaseId: string;
  readonly grounds: readonly string[];
  readonly noticeServedOn?: string;
  readonly objections: readonly { readonly at: Date; readonly summary: string }[];
  readonly objectionWaivedAt?: Date;
  /** The listing decision: the term and the 12 months count from it. */
  readonly listedOn?: string;
  readonly objectionResponse?: string;
  readonly documentNo?: string;
  readonly publishedOn?: string;
  readonly repairApplication?: { readonly at: Date; readonly summary: string };
  readonly endedOn?: string;
  readonly endedReason?: string;
  readonly timeline: readonly CreditListingTimelineEntry[];
}

export interface CreditListingContext {
  readonly now: Date;
  readonly actor: CreditListingActor;
  readonly calendar: HolidayCalendar;
  readonly rules?: Partial<CreditListRules>;
}

export type CreditListingTransition =
  | { readonly ok: true; readonly state: CreditListingState; readonly entry: CreditListingTimelineEntry }
  | { readonly ok: false; readonly error: EnforcementError };
