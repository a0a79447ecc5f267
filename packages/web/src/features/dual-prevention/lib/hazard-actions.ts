import {
  hiddenHazardActionActors,
  hiddenHazardReviewerKinds,
  type DataScope,
  type HiddenHazardActionName,
  type HiddenHazardActorKind,
  type HiddenHazardResponse,
  type HiddenHazardStatus,
} from '@anjian/domain';

/**
 * The statuses each action starts from, as in the domain's workflow (hidden-hazard-workflow.ts).
 * The server decides; the page only offers the buttons that can succeed.
 */
const actionFrom: Readonly<Record<HiddenHazardActionName, readonly HiddenHazardStatus[]>> = {
  submit_plan: ['reported'],
  list_supervision: ['reported', 'rectifying', 'pending_acceptance'],
  request_extension: ['rectifying'],
  decide_extension: ['rectifying'],
  report_progress: ['rectifying'],
  submit_rectification: ['rectifying'],
  accept: ['pending_acceptance'],
  reject: ['pending_acceptance'],
  dismiss: ['reported'],
  reclassify: ['reported', 'rectifying'],
};

/** Permissions that let a user act on hazards at all (POST /hazards/:id/actions). */
export const hazardActionPermissions = ['hazard:report', 'hazard:supervise', 'enforcement:write'] as const;

interface ActingUser {
  readonly scope: { readonly kind: DataScope['kind'] };
  readonly roles: readonly string[];
  readonly permissions: readonly string[];
}

/** The party the user acts as, as the server derives it (hazards.service.ts hazardActorOf). */
export function hazardActorKindOf(user: ActingUser): HiddenHazardActorKind {
  if (user.scope.kind === 'enterprise') return 'enterprise';
  if (user.roles.includes('inspector') && !user.permissions.includes('hazard:supervise')) return 'inspector';
  return user.scope.kind === 'city' ? 'city' : 'county';
}

type HazardFacts = Pick<HiddenHazardResponse, 'status' | 'level' | 'source'> & {
  readonly supervision?: { readonly level: 'county' | 'city' } | undefined;
  readonly extensionRequest?: unknown;
};

function actorMayDo(
  hazard: HazardFacts,
  action: HiddenHazardActionName,
  actor: HiddenHazardActorKind,
): boolean {
  const allowed = hiddenHazardActionActors[action];
  const parties = allowed === 'reviewer' ? hiddenHazardReviewerKinds(hazard) : allowed;
  return parties.includes(actor);
}

const supervisionRank = { county: 1, city: 2 } as const;

/** Whether the action's own preconditions hold (beyond status and party). */
function preconditionHolds(
  hazard: HazardFacts,
  action: HiddenHazardActionName,
  actor: HiddenHazardActorKind,
) {
  switch (action) {
    case 'list_supervision':
      if (hazard.level !== 'major') return false;
      if (actor !== 'county' && actor !== 'city') return false;
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

/** The actions this user may take on the hazard now, in the order of the closed loop. */
export function availableHazardActions(hazard: HazardFacts, user: ActingUser): HiddenHazardActionName[] {
  if (!hazardActionPermissions.some((p) => user.permissions.includes(p))) return [];
  const actor = hazardActorKindOf(user);
  return (Object.keys(actionFrom) as HiddenHazardActionName[]).filter(
    (action) =>
      actionFrom[action].includes(hazard.status) &&
      actorMayDo(hazard, action, actor) &&
      preconditionHolds(hazard, action, actor),
  );
}

/** Steps of a 挂牌督办 after the listing: 督办检查 and 核销 (POST /hazards/:id/supervision/…). */
export type SupervisionStep = 'review_supervision' | 'close_supervision';

/**
 * The supervision steps the user may take: only the listing department, a review while the hazard
 * is open, the closing (核销, 摘牌) once the rectification is accepted (hazard-supervision.ts).
 */
export function availableSupervisionSteps(
  hazard: Pick<HiddenHazardResponse, 'status'> & {
    readonly supervision?:
      { readonly level: 'county' | 'city'; readonly closedAt?: string | undefined } | undefined;
  },
  user: ActingUser,
): SupervisionStep[] {
  const supervision = hazard.supervision;
  if (!supervision || supervision.closedAt || !user.permissions.includes('hazard:supervise')) return [];
  if (hazardActorKindOf(user) !== supervision.level) return [];
  if (hazard.status === 'closed') return ['close_supervision'];
  return actionFrom.list_supervision.includes(hazard.status) ? ['review_supervision'] : [];
}

/** The i18n key of an action's button. */
export function hazardActionLabelKey(action: HiddenHazardActionName | SupervisionStep): string {
  return `dualPrevention.action.${action}`;
}
