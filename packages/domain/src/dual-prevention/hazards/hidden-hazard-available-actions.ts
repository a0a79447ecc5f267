import { hiddenHazardActionActors, hiddenHazardReviewerKinds } from './hidden-hazard-parties.ts';
import type { HiddenHazardState } from './hidden-hazard-state.ts';
import {
  openHiddenHazardStatuses,
  type HiddenHazardActionName,
  type HiddenHazardActorKind,
  type HiddenHazardSupervisionStep,
} from './hidden-hazard-terms.ts';
import { hiddenHazardActionStatuses } from './hidden-hazard-workflow.ts';

export type HiddenHazardAllowedAction = HiddenHazardActionName | HiddenHazardSupervisionStep;

/** What deciding the buttons needs of a hazard (the stored state, or the API answer). */
export type HiddenHazardActionFacts = Pick<HiddenHazardState, 'status' | 'level' | 'source'> & {
  readonly supervision?:
    { readonly level: 'county' | 'city'; readonly closedAt?: Date | string | undefined } | undefined;
  readonly extensionRequest?: unknown;
};

const supervisionRank = { county: 1, city: 2 } as const;

/** The action's own preconditions beyond status and party (the workflow checks the same). */
function preconditionHolds(
  hazard: HiddenHazardActionFacts,
  action: HiddenHazardActionName,
  actor: HiddenHazardActorKind,
): boolean {
  switch (action) {
    case 'list_supervision':
      if (hazard.level !== 'major' || (actor !== 'county' && actor !== 'city')) return false;
      return !hazard.supervision || supervisionRank[hazard.supervision.level] < supervisionRank[actor];
    case 'request_extension':
      return !hazard.extensionRequest;
    case 'decide_extension':
      return Boolean(hazard.extensionRequest);
    case 'reclassify':
      return hazard.level === 'general';
    default:
      return true;
  }
}

function partyMay(
  hazard: HiddenHazardActionFacts,
  action: HiddenHazardActionName,
  actor: HiddenHazardActorKind,
) {
  const allowed = hiddenHazardActionActors[action];
  return (allowed === 'reviewer' ? hiddenHazardReviewerKinds(hazard) : allowed).includes(actor);
}

/**
 * The steps `actor` can take on the hazard now, in the order of the closed loop: the workflow's
 * statuses and parties, the actions' own preconditions and, for 督办检查/核销, the listing
 * department. The server sends this list with every hazard, so a page offers only the buttons
 * that can succeed and never re-implements the rules. `mayAct`/`maySupervise`: the caller holds a
 * permission of the action route / of hazard:supervise.
 */
export function availableHiddenHazardActions(
  hazard: HiddenHazardActionFacts,
  actor: HiddenHazardActorKind,
  permissions: { readonly mayAct: boolean; readonly maySupervise: boolean },
): HiddenHazardAllowedAction[] {
  const actions: HiddenHazardAllowedAction[] = !permissions.mayAct
    ? []
    : (Object.keys(hiddenHazardActionStatuses) as HiddenHazardActionName[]).filter(
        (action) =>
          hiddenHazardActionStatuses[action].includes(hazard.status) &&
          partyMay(hazard, action, actor) &&
          preconditionHolds(hazard, action, actor),
      );
  const supervision = hazard.supervision;
  if (supervision && !supervision.closedAt && permissions.maySupervise && actor === supervision.level) {
    if (hazard.status === 'closed') actions.push('close_supervision');
    else if (openHiddenHazardStatuses.includes(hazard.status)) actions.push('review_supervision');
  }
  return actions;
}
