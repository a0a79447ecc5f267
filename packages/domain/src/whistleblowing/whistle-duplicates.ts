import type { WhistleOutcome, WhistleStatus } from './whistle.schema.ts';

/**
 * Reports about the same enterprise and matter (重复举报): staff link a report to an earlier one;
 * the list suggests reports of the same enterprise and category received within a window
 * (WHISTLE_DUPLICATE_WINDOW_DAYS). Links are one level deep: a report points at the original,
 * never at another duplicate. The reward goes to the first valid reporter (rule `first_valid`,
 * WHISTLE_DUPLICATE_REWARD): a duplicate's proposal is refused unless its original was found
 * untrue or was not accepted. The rule `each` rewards every report on its own.
 */
export const whistleDuplicateRewardRules = ['first_valid', 'each'] as const;
export type WhistleDuplicateRewardRule = (typeof whistleDuplicateRewardRules)[number];

interface Linkable {
  id: string;
  receivedOn: string;
  duplicateOf: string | null;
}

/** Why `report` may not be linked to `original`, as an error code, or null when it may. */
export function whistleDuplicateLinkError(
  report: Linkable & { hasDuplicates: boolean; rewarded: boolean },
  original: Linkable,
): string | null {
  if (report.id === original.id) return 'whistle.duplicate_self';
  if (original.duplicateOf !== null || report.hasDuplicates) return 'whistle.duplicate_chain';
  if (original.receivedOn > report.receivedOn) return 'whistle.duplicate_not_earlier';
  if (report.rewarded) return 'whistle.duplicate_rewarded';
  return null;
}

/** Whether a duplicate's reward is refused: its original is (or may still be) the valid one. */
export function whistleDuplicateRewardRefused(
  rule: WhistleDuplicateRewardRule,
  original: { status: WhistleStatus; outcome: WhistleOutcome | null } | null,
): boolean {
  if (rule === 'each' || original === null) return false;
  if (original.status === 'not_accepted' || original.status === 'transferred') return false;
  return original.outcome !== 'untrue';
}
