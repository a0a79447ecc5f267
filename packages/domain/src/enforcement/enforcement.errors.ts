import { DomainError, type FieldProblem } from '../errors/domain-error.ts';

/**
 * Coded errors of the enforcement (执法) and credit-list (失信) rules, with the HTTP status and the
 * messages the error catalogue should carry. `details` carries the offending input or the reason,
 * `fields` the form paths. Codes never change once published.
 */
export const enforcementErrorCodes = [
  'enforcement.invalid_date',
  'enforcement.calendar_invalid',
  'enforcement.calendar_not_covered',
  'enforcement.draw_record_invalid',
  'enforcement.draw_seed_invalid',
  'enforcement.draw_pool_too_small',
  'enforcement.draw_inspectors_unavailable',
  'enforcement.risk_weight_formula_invalid',
  'enforcement.document_type_unknown',
  'enforcement.document_number_invalid',
  'enforcement.document_sequence_mismatch',
  'enforcement.case_illegal_transition',
  'enforcement.case_action_not_allowed',
  'enforcement.case_reason_required',
  'enforcement.case_too_few_investigators',
  'enforcement.case_proposal_invalid',
  'enforcement.case_invalid_date',
  'enforcement.case_hearing_not_available',
  'enforcement.case_hearing_request_late',
  'enforcement.case_hearing_too_early',
  'enforcement.case_hearing_presider_conflict',
  'enforcement.case_notice_period_running',
  'enforcement.case_legal_review_required',
  'enforcement.case_decision_heavier_than_notice',
  'enforcement.case_extension_exceeded',
  'enforcement.discretion_unknown_violation',
  'enforcement.discretion_table_invalid',
  'credit.illegal_transition',
  'credit.action_not_allowed',
  'credit.not_listable',
  'credit.objection_late',
  'credit.objection_window_open',
  'credit.objection_unanswered',
  'credit.repair_too_early',
  'credit.not_yet_expired',
  'credit.reason_required',
] as const;

export type EnforcementErrorCode = (typeof enforcementErrorCodes)[number];

/**
 * The error of these rules. Shaped like DomainError (code, details, fields, status); once the codes
 * are in the error catalogue it extends DomainError:
 * `super(code, fields ? { details, fields } : { details })`.
 */
export class EnforcementError extends DomainError {
  declare readonly code: EnforcementErrorCode;
  declare readonly details: Readonly<Record<string, unknown>>;

  constructor(
    code: EnforcementErrorCode,
    details: Record<string, unknown> = {},
    fields?: readonly FieldProblem[],
  ) {
    super(code, fields ? { details, fields } : { details });
    this.name = 'EnforcementError';
  }
}
