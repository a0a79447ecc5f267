import { DomainError, type FieldProblem } from '../../errors/domain-error.ts';

/**
 * Coded errors of the hidden-hazard (事故隐患) rules. The codes, statuses and messages are listed in
 * the error catalogue; `details` carries the offending input or the reason, `fields` the form paths.
 *
 * - 400 `hazard.unknown_criterion`: a ticked code is in none of the criteria lists.
 * - 400 `hazard.criteria_list_invalid`: a criteria list is malformed (duplicate or foreign codes).
 * - 409 `hazard.illegal_transition`: the action is not possible in the hazard's current status.
 * - 403 `hazard.action_not_allowed`: this kind of actor never performs this action.
 * - 403 `hazard.wrong_reviewer`: acceptance, rejection or an extension decision by the wrong party.
 * - 400 `hazard.plan_incomplete`: a 重大 plan lacks one of the required elements (五落实 …).
 * - 400 `hazard.evidence_missing`: a rectification is submitted without the required evidence.
 * - 400 `hazard.invalid_deadline`: a deadline already past, or not later than the current one.
 * - 400 `hazard.supervision_requires_major`: only 重大 hazards are listed for supervision (挂牌督办).
 * - 409 `hazard.already_listed`: already listed at this level or a higher one.
 * - 409 `hazard.extension_pending`: an extension request (申请延期) is already waiting.
 * - 400 `hazard.reason_required`: a rejection, refusal, dismissal or judgement needs a reason.
 * - 400 `hazard.escalation_rules_invalid`: the configured escalation thresholds are inconsistent.
 * - 409 `hazard.not_listed`: a supervision step on a hazard that is not (or no longer) listed.
 * - 403 `hazard.wrong_supervisor`: a supervision step by another level than the listing department.
 * - 409 `hazard.points_not_normal`: acceptance while a linked monitoring point is not back to normal.
 */
export const hiddenHazardErrorCodes = [
  'hazard.unknown_criterion',
  'hazard.criteria_list_invalid',
  'hazard.illegal_transition',
  'hazard.action_not_allowed',
  'hazard.wrong_reviewer',
  'hazard.plan_incomplete',
  'hazard.evidence_missing',
  'hazard.invalid_deadline',
  'hazard.supervision_requires_major',
  'hazard.already_listed',
  'hazard.extension_pending',
  'hazard.reason_required',
  'hazard.escalation_rules_invalid',
  'hazard.not_listed',
  'hazard.wrong_supervisor',
  'hazard.points_not_normal',
] as const;

export type HiddenHazardErrorCode = (typeof hiddenHazardErrorCodes)[number];

export class HiddenHazardError extends DomainError {
  declare readonly code: HiddenHazardErrorCode;
  declare readonly details: Readonly<Record<string, unknown>>;

  constructor(
    code: HiddenHazardErrorCode,
    details: Record<string, unknown> = {},
    fields?: readonly FieldProblem[],
  ) {
    super(code, fields ? { details, fields } : { details });
    this.name = 'HiddenHazardError';
  }
}
