import { fenOf } from '../money/rmb-amount.ts';
import { formatRmbForDocument } from '../money/rmb-format.ts';
import { EnforcementError } from './enforcement.errors.ts';
import type { HearingRightRules } from './penalty-case-rules.ts';
import type { PenaltyKind, PenaltyPartyKind } from './penalty-case-terms.ts';

/** A penalty as proposed in the notice (告知) or imposed by the decision. Amounts in yuan. */
export interface PenaltyProposal {
  readonly kinds: readonly PenaltyKind[];
  readonly fineYuan?: string;
  readonly confiscationYuan?: string;
  /** Violation codes of the discretion table the penalty rests on. */
  readonly violationCodes?: readonly string[];
}

function amountProblem(
  kinds: readonly PenaltyKind[],
  kind: PenaltyKind,
  yuan: string | undefined,
): string | null {
  const has = kinds.includes(kind);
  if (has && (yuan === undefined || fenOf(yuan) === 0n)) return `${kind}_amount_missing`;
  if (!has && yuan !== undefined) return `${kind}_amount_without_kind`;
  return null;
}

/**
 * Throws `enforcement.case_proposal_invalid` unless the kinds are listed once each and exactly the
 * money kinds (fine, confiscation) carry a positive amount.
 */
export function checkPenaltyProposal(proposal: PenaltyProposal): PenaltyProposal {
  const problems = [
    proposal.kinds.length === 0 ? 'no_kind' : null,
    new Set(proposal.kinds).size !== proposal.kinds.length ? 'duplicate_kind' : null,
    amountProblem(proposal.kinds, 'fine', proposal.fineYuan),
    amountProblem(proposal.kinds, 'confiscation', proposal.confiscationYuan),
  ].filter((p): p is string => p !== null);
  if (problems.length > 0) throw new EnforcementError('enforcement.case_proposal_invalid', { problems });
  return proposal;
}

/** Whether the proposal carries the right to a hearing (行政处罚法 Art. 63 [M]). */
export function hearingRightApplies(
  proposal: PenaltyProposal,
  partyKind: PenaltyPartyKind,
  rules: HearingRightRules,
): boolean {
  const large = fenOf(rules.largeAmountYuan[partyKind]);
  const isLarge = (yuan: string | undefined) => yuan !== undefined && fenOf(yuan) >= large;
  return (
    proposal.kinds.some((kind) => rules.kinds.includes(kind)) ||
    isLarge(proposal.fineYuan) ||
    isLarge(proposal.confiscationYuan)
  );
}

/**
 * Whether `decision` is heavier than `notice` in any respect: a kind not in the notice, or a larger
 * amount. 行政处罚法 Art. 45 [M]: the statement or defence may not lead to a heavier penalty — a heavier
 * one needs a new notice.
 */
export function isHeavierPenalty(decision: PenaltyProposal, notice: PenaltyProposal): boolean {
  const more = (a: string | undefined, b: string | undefined) => fenOf(a ?? '0') > fenOf(b ?? '0');
  return (
    decision.kinds.some((kind) => !notice.kinds.includes(kind)) ||
    more(decision.fineYuan, notice.fineYuan) ||
    more(decision.confiscationYuan, notice.confiscationYuan)
  );
}

/** The money of a penalty as written in 文书: '罚款人民币叁万元整（¥30,000.00）'. */
export function describePenaltyAmounts(proposal: PenaltyProposal): string[] {
  return [
    proposal.fineYuan !== undefined ? `罚款${formatRmbForDocument(proposal.fineYuan)}` : null,
    proposal.confiscationYuan !== undefined
      ? `没收违法所得${formatRmbForDocument(proposal.confiscationYuan)}`
      : null,
  ].filter((line): line is string => line !== null);
}
