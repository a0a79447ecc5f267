import { DomainError } from '../errors/domain-error.ts';

/**
 * The life of a public warning. A working copy moves draft → submitted → approved (or rejected,
 * back to the author) → published; a published warning may be revised (a new draft whose release is
 * a CAP Update), cancelled (a CAP Cancel) or run out (expired). The released versions themselves are
 * archived and never change.
 */
export const warningStatuses = [
  'draft',
  'submitted',
  'rejected',
  'approved',
  'published',
  'cancelled',
  'expired',
] as const;
export type WarningStatus = (typeof warningStatuses)[number];

export const warningActions = ['edit', 'submit', 'approve', 'reject', 'publish', 'revise', 'cancel'] as const;
export type WarningAction = (typeof warningActions)[number];

export interface WarningState {
  readonly status: WarningStatus;
  readonly authorId: string;
  /** Versions already released (0 before the first publication). */
  readonly releasedVersions: number;
  readonly expires: Date;
}

export interface WarningActor {
  readonly userId: string;
  readonly canWrite: boolean;
  readonly canApprove: boolean;
}

const from: Record<WarningAction, readonly WarningStatus[]> = {
  edit: ['draft', 'rejected'],
  submit: ['draft', 'rejected'],
  approve: ['submitted'],
  reject: ['submitted'],
  publish: ['approved'],
  revise: ['published'],
  cancel: ['published', 'draft', 'rejected', 'submitted', 'approved'],
};

const to: Record<WarningAction, WarningStatus> = {
  edit: 'draft',
  submit: 'submitted',
  approve: 'approved',
  reject: 'rejected',
  publish: 'published',
  revise: 'draft',
  cancel: 'cancelled',
};

/** Approving, rejecting, publishing and cancelling are the approver's (warning:approve). */
const approverActions: readonly WarningAction[] = ['approve', 'reject', 'publish', 'cancel'];

/** Whether `action` is allowed; answers the error code when it is not (pure, for the UI's allowed actions too). */
export function checkWarningAction(
  state: WarningState,
  action: WarningAction,
  actor: WarningActor,
  now: Date,
):
  | null
  | 'warning.forbidden_action'
  | 'warning.invalid_transition'
  | 'warning.same_person'
  | 'warning.expired' {
  const needsApprover = approverActions.includes(action);
  if (needsApprover ? !actor.canApprove : !actor.canWrite) return 'warning.forbidden_action';
  if (!from[action].includes(state.status)) return 'warning.invalid_transition';
  // Two-person rule: whoever wrote the warning may not approve, reject or publish it.
  if (
    (action === 'approve' || action === 'reject' || action === 'publish') &&
    actor.userId === state.authorId
  ) {
    return 'warning.same_person';
  }
  if ((action === 'publish' || action === 'revise') && now.getTime() >= state.expires.getTime())
    return 'warning.expired';
  return null;
}

/** The status after `action`, or a DomainError when the step is not allowed. */
export function applyWarningAction(
  state: WarningState,
  action: WarningAction,
  actor: WarningActor,
  now: Date,
): WarningStatus {
  const problem = checkWarningAction(state, action, actor, now);
  if (problem) throw new DomainError(problem);
  return to[action];
}

/** The actions the actor may take now: the server sends these so the web never re-implements the rules. */
export function allowedWarningActions(state: WarningState, actor: WarningActor, now: Date): WarningAction[] {
  return warningActions.filter((action) => checkWarningAction(state, action, actor, now) === null);
}

/** A published warning whose expiry has passed is over by itself. */
export function isWarningExpired(state: Pick<WarningState, 'status' | 'expires'>, now: Date): boolean {
  return state.status === 'published' && now.getTime() >= state.expires.getTime();
}

/** The CAP msgType of the next release: the first is an Alert, later ones Update, a cancel Cancel. */
export function releaseMsgType(releasedVersions: number, cancelling: boolean): 'Alert' | 'Update' | 'Cancel' {
  if (cancelling) return 'Cancel';
  return releasedVersions === 0 ? 'Alert' : 'Update';
}
