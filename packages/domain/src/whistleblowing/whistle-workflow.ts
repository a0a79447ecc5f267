import type { WhistleAction, WhistleRewardStatus, WhistleStatus } from './whistle.schema.ts';

/**
 * The handling of a report (应急〔2023〕106号, reference §1.2): accept or not (or transfer) within
 * the acceptance period, assign, verify within 60 days of acceptance, reply; then the reward with
 * two approvals by different people and its payment.
 */
export interface WhistleWorkflowState {
  readonly status: WhistleStatus;
  readonly assignedCounty: string | null;
  readonly rewardStatus: WhistleRewardStatus | null;
  readonly rewardApprovers: readonly string[];
  readonly rewardProposedBy: string | null;
  readonly outcomeRewardable: boolean;
  /** An objection waits for review: the case stands still until the city answers it. */
  readonly objectionPending: boolean;
  /** 应急〔2023〕106号: a county's conclusion is reviewed at city level. */
  readonly cityReviewer: boolean;
}

/** Which steps the caller may take next; the server sends these, the page shows the buttons. */
export function availableWhistleActions(state: WhistleWorkflowState, userId: string): WhistleAction[] {
  if (state.objectionPending) return state.cityReviewer ? ['review_objection'] : [];
  switch (state.status) {
    case 'received':
      return ['accept', 'not_accept', 'transfer'];
    case 'accepted':
      return state.assignedCounty ? ['assign', 'verify'] : ['assign'];
    case 'verified':
      return ['reply'];
    case 'replied':
      return rewardActions(state, userId);
    default:
      return [];
  }
}

function rewardActions(state: WhistleWorkflowState, userId: string): WhistleAction[] {
  if (!state.outcomeRewardable) return [];
  if (state.rewardStatus === null) return ['propose_reward'];
  const mayApprove = state.rewardProposedBy !== userId && !state.rewardApprovers.includes(userId);
  if (state.rewardStatus === 'proposed' || state.rewardStatus === 'approved_once')
    return mayApprove ? ['approve_reward'] : [];
  if (state.rewardStatus === 'approved') return ['pay_reward'];
  return [];
}

/** The date `days` calendar days after a date (YYYY-MM-DD). */
export function whistleAddDays(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/**
 * Whether a report is past its deadline on `today`: acceptance (configurable: no national period
 * is confirmed, reference §1.2), the county's assignment deadline, and verification (60 days from
 * acceptance, 安监总局 2012 rule [verified: S3]).
 */
export function whistleOverdue(
  report: {
    status: WhistleStatus;
    acceptanceDue: string;
    verificationDue: string | null;
    assignedDeadline: string | null;
  },
  today: string,
): boolean {
  if (report.status === 'received') return today > report.acceptanceDue;
  if (report.status !== 'accepted') return false;
  if (report.assignedDeadline && today > report.assignedDeadline) return true;
  return report.verificationDue !== null && today > report.verificationDue;
}

export const WHISTLE_VERIFICATION_DAYS = 60;

/** 居民身份证号码 check digit (GB 11643-1999 §6.2, ISO 7064 MOD 11-2). */
export function idNumberValid(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((total, weight, i) => total + weight * Number(id[i]), 0);
  return '10X98765432'[sum % 11] === id[17]!.toUpperCase();
}
