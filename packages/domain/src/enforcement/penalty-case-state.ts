import type { HolidayCalendar } from './holiday-calendar.ts';
import type { EnforcementError } from './enforcement.errors.ts';
import type { PenaltyCaseRules } from './penalty-case-rules.ts';
import type {
  PenaltyCaseActionName,
  PenaltyCaseRole,
  PenaltyCaseStatus,
  PenaltyPartyKind,
} from './penalty-case-terms.ts';
import type { PenaltyProposal } from './penalty-proposal.ts';

export interface PenaltyCaseActor {
  readonly role: PenaltyCaseRole;
  readonly id: string;
}

/** One line of the case file: who did what, when, from which status to which. */
export interface PenaltyCaseTimelineEntry {
  readonly at: Date;
  readonly role: PenaltyCaseRole;
  readonly actorId: string;
  readonly action: PenaltyCaseActionName | 'file';
  readonly from: PenaltyCaseStatus | null;
  readonly to: PenaltyCaseStatus;
  readonly note?: string;
}

/** The served 行政处罚告知书. Dates are YYYY-MM-DD in China Standard Time. */
export interface PenaltyNotice {
  readonly proposal: PenaltyProposal;
  readonly servedOn: string;
  readonly hearingRight: boolean;
  readonly documentNo?: string;
}

export interface PenaltyHearing {
  readonly requestedAt: Date;
  readonly date?: string;
  /** When the party was told the time and place. */
  readonly notifiedOn?: string;
  readonly presiderId?: string;
  readonly outcome?: 'held' | 'request_withdrawn' | 'party_absent';
}

export interface PenaltyLegalReview {
  readonly at: Date;
  readonly reviewerId: string;
  readonly passed: boolean;
  readonly opinion: string;
}

export interface PenaltyDecision {
  readonly outcome: 'penalty' | 'no_penalty';
  readonly penalty?: PenaltyProposal;
  readonly decidedOn: string;
  readonly servedOn?: string;
  readonly documentNo?: string;
  /** Grounds of the serious-dishonesty list (失信) the decision meets, see credit-list.ts. */
  readonly creditGrounds: readonly string[];
}

export interface PenaltyExecution {
  readonly method: 'voluntary' | 'compulsory';
  readonly completedOn: string;
  readonly paidYuan?: string;
}

export interface PenaltyDecisionExtension {
  readonly days: number;
  readonly reason: string;
  readonly approvedAt: Date;
  readonly approvedBy: string;
}

/** What the rules need to know about one case; the facts and evidence live beside it. */
export interface PenaltyCaseState {
  readonly status: PenaltyCaseStatus;
  readonly partyKind: PenaltyPartyKind;
  readonly filedOn: string;
  /** Art. 58 [M]: major public interest, complex case … — a legal review before the decision. */
  readonly requiresLegalReview: boolean;
  readonly investigatorIds: readonly string[];
  readonly notice?: PenaltyNotice;
  readonly statements: readonly { readonly at: Date; readonly by: PenaltyCaseRole; readonly late: boolean }[];
  readonly rightsWaivedAt?: Date;
  readonly hearing?: PenaltyHearing;
  readonly legalReview?: PenaltyLegalReview;
  readonly decisionExtensions: readonly PenaltyDecisionExtension[];
  readonly decision?: PenaltyDecision;
  readonly execution?: PenaltyExecution;
  readonly endedReason?: string;
  readonly timeline: readonly PenaltyCaseTimelineEntry[];
}

export interface PenaltyCaseContext {
  readonly now: Date;
  readonly actor: PenaltyCaseActor;
  readonly calendar: HolidayCalendar;
  readonly rules?: Partial<PenaltyCaseRules>;
}

export type PenaltyCaseTransition =
  | { readonly ok: true; readonly state: PenaltyCaseState; readonly entry: PenaltyCaseTimelineEntry }
  | { readonly ok: false; readonly error: EnforcementError };
