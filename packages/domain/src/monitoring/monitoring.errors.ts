import { DomainError, type FieldProblem } from '../errors/domain-error.ts';

/**
 * Coded errors of the monitoring rules. `details` carries the offending input or the reason,
 * `fields` the form paths.
 *
 * - 400 `monitoring.point_invalid`: a point definition is inconsistent (unit, range, thresholds).
 * - 400 `monitoring.rule_invalid`: an alarm rule is malformed or does not fit its point.
 * - 400 `monitoring.rollup_invalid`: a roll-up preset is malformed.
 * - 400 `monitoring.escalation_rules_invalid`: the response and escalation times are inconsistent.
 * - 400 `monitoring.repeat_rules_invalid`: the repeated-alarm count or period is out of range.
 * - 409 `monitoring.illegal_transition`: the action is not possible in the alarm's current status.
 * - 403 `monitoring.action_not_allowed`: this kind of actor never performs this action.
 * - 400 `monitoring.reason_required`: a manual clear (消警) needs a reason.
 * - 400 `monitoring.assignee_required`: handling needs an assignee and disposal notes.
 * - 400 `monitoring.disposal_required`: closing needs the disposal feedback (cause and measures).
 *
 * Until the codes are in the error catalogue this class extends Error with DomainError's shape
 * (code, fields, details, name); it then extends DomainError unchanged otherwise.
 */
export const monitoringErrorCodes = [
  'monitoring.point_invalid',
  'monitoring.rule_invalid',
  'monitoring.rollup_invalid',
  'monitoring.escalation_rules_invalid',
  'monitoring.repeat_rules_invalid',
  'monitoring.illegal_transition',
  'monitoring.action_not_allowed',
  'monitoring.reason_required',
  'monitoring.assignee_required',
  'monitoring.disposal_required',
] as const;

export type MonitoringErrorCode = (typeof monitoringErrorCodes)[number];

export class MonitoringError extends DomainError {
  declare readonly code: MonitoringErrorCode;
  declare readonly fields: readonly FieldProblem[];
  declare readonly details: Readonly<Record<string, unknown>>;

  constructor(
    code: MonitoringErrorCode,
    options: { fields?: readonly FieldProblem[]; details?: Record<string, unknown> } = {},
  ) {
    super(code, { fields: options.fields ?? [], details: options.details ?? {} });
    this.name = 'MonitoringError';
  }
}
