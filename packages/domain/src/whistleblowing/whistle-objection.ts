import { whistleAddDays } from './whistle-workflow.ts';
import type { WhistleRewardStatus, WhistleStatus } from './whistle.schema.ts';

/**
 * 异议与复核 (应急〔2023〕106号, reference §1.2 [verified: S7]): the reporter may object within 10 days
 * of being served the bureau's decision; the objection is reviewed within 30 days, and a county's
 * conclusion is reviewed at city level. One objection per report: the review's answer is final.
 * The periods are dated data, like the reward rules: a window is measured by the set in force on
 * the day the decision was shown, so a later change never reopens or shortens a running window.
 */
export interface WhistleObjectionRuleSet {
  readonly id: string;
  readonly validFrom: string;
  /** Calendar days after the day the decision was shown; the last of them still counts. */
  readonly windowDays: number;
  readonly reviewDays: number;
  readonly source: string;
}

export const whistleObjectionRuleSets: readonly WhistleObjectionRuleSet[] = [
  {
    id: 'mem-2023-106',
    validFrom: '2023-10-18',
    windowDays: 10,
    reviewDays: 30,
    source: '应急管理部《关于进一步加强安全生产举报工作的指导意见》（应急〔2023〕106号）',
  },
];

/** The set in force on a date: the latest that began on or before it (else the earliest). */
export function whistleObjectionRulesOn(
  date: string,
  sets: readonly WhistleObjectionRuleSet[] = whistleObjectionRuleSets,
): WhistleObjectionRuleSet {
  const applicable = sets
    .filter((set) => set.validFrom <= date)
    .sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1));
  return applicable[0] ?? [...sets].sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1))[0]!;
}

export const whistleObjectionStatuses = ['pending', 'upheld', 'rejected'] as const;
export type WhistleObjectionStatus = (typeof whistleObjectionStatuses)[number];

/**
 * not_open: nothing decided yet that may be objected to; open: within the window; under_review: an
 * objection waits for the city's review; reopened: upheld, the case is handled again; final: the
 * window closed without objection, or the objection was answered.
 */
export const whistleObjectionPhases = ['not_open', 'open', 'under_review', 'reopened', 'final'] as const;
export type WhistleObjectionPhase = (typeof whistleObjectionPhases)[number];

export interface WhistleObjectionFacts {
  readonly status: WhistleStatus;
  /** The day of the acceptance decision (a refusal is served that day). */
  readonly decidedOn: string | null;
  /** The day the outcome was replied. */
  readonly repliedOn: string | null;
  /** The day a reward was proposed (the reporter sees it through the code from then on). */
  readonly rewardProposedOn: string | null;
  readonly objection: { readonly status: WhistleObjectionStatus } | null;
}

/**
 * The day the decision that may be objected to was shown: a refusal (不予受理) on its decision day;
 * the outcome on the reply day, or the reward proposal's day when that came later. A transfer is
 * not the bureau's decision on the matter, so it opens no window.
 */
export function whistleDecisionShownOn(facts: WhistleObjectionFacts): string | null {
  if (facts.status === 'not_accepted') return facts.decidedOn;
  if (facts.status !== 'replied' || facts.repliedOn === null) return null;
  const reward = facts.rewardProposedOn;
  return reward !== null && reward > facts.repliedOn ? reward : facts.repliedOn;
}

export interface WhistleObjectionWindow {
  readonly phase: WhistleObjectionPhase;
  /** The last day an objection is received, when a decision was shown. */
  readonly endsOn: string | null;
}

export function whistleObjectionWindow(
  facts: WhistleObjectionFacts,
  today: string,
  sets: readonly WhistleObjectionRuleSet[] = whistleObjectionRuleSets,
): WhistleObjectionWindow {
  const shownOn = whistleDecisionShownOn(facts);
  const endsOn =
    shownOn === null ? null : whistleAddDays(shownOn, whistleObjectionRulesOn(shownOn, sets).windowDays);
  const objection = facts.objection?.status ?? null;
  if (objection === 'pending') return { phase: 'under_review', endsOn };
  if (endsOn === null) return { phase: objection === 'upheld' ? 'reopened' : 'not_open', endsOn };
  if (objection !== null || today > endsOn) return { phase: 'final', endsOn };
  return { phase: 'open', endsOn };
}

/** Why an objection filed on `today` is refused, or null when it is received. */
export function whistleObjectionRefusal(
  facts: WhistleObjectionFacts,
  today: string,
  sets: readonly WhistleObjectionRuleSet[] = whistleObjectionRuleSets,
):
  | 'whistle.objection_already_filed'
  | 'whistle.objection_not_open'
  | 'whistle.objection_window_closed'
  | null {
  if (facts.objection !== null) return 'whistle.objection_already_filed';
  const { phase } = whistleObjectionWindow(facts, today, sets);
  if (phase === 'open') return null;
  return phase === 'final' ? 'whistle.objection_window_closed' : 'whistle.objection_not_open';
}

/** The review's last day: `reviewDays` after filing, under the set in force when it was filed. */
export function whistleObjectionReviewDue(
  filedOn: string,
  sets: readonly WhistleObjectionRuleSet[] = whistleObjectionRuleSets,
): string {
  return whistleAddDays(filedOn, whistleObjectionRulesOn(filedOn, sets).reviewDays);
}

/**
 * Where an upheld objection sends the case: a refusal back to the acceptance decision, an outcome
 * (with its reward) back to verification. A paid reward cannot be taken back by reopening.
 */
export function whistleObjectionReopen(report: {
  status: WhistleStatus;
  rewardStatus: WhistleRewardStatus | null;
}):
  | { ok: true; to: 'received' | 'accepted'; dropReward: boolean }
  | { ok: false; code: 'whistle.objection_reward_paid' | 'whistle.action_not_allowed' } {
  if (report.status === 'not_accepted') return { ok: true, to: 'received', dropReward: false };
  if (report.status !== 'replied') return { ok: false, code: 'whistle.action_not_allowed' };
  if (report.rewardStatus === 'paid') return { ok: false, code: 'whistle.objection_reward_paid' };
  return { ok: true, to: 'accepted', dropReward: report.rewardStatus !== null };
}
