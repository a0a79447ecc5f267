import type { HiddenHazardActionName, HiddenHazardSupervisionStep } from '@anjian/domain';

/*
 * Which steps a user may take is the server's decision: it sends `allowedActions` with every hazard
 * (the domain's availableHiddenHazardActions). The page only labels them.
 */

/** Permissions that let a user act on hazards at all (for the "nothing for you to do" hint). */
export const hazardActionPermissions = ['hazard:report', 'hazard:supervise', 'enforcement:write'] as const;

/** Steps of a 挂牌督办 after the listing: 督办检查 and 核销. */
export type SupervisionStep = HiddenHazardSupervisionStep;

/** The i18n key of an action's button. */
export function hazardActionLabelKey(action: HiddenHazardActionName | SupervisionStep): string {
  return `dualPrevention.action.${action}`;
}
