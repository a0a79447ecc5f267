import { DomainError, type FieldProblem } from '../../errors/domain-error.ts';

/**
 * Codes of the risk calculators (all 400):
 * - `calc.lec_invalid_score`: L, E or C is not one of the LEC score values.
 * - `calc.ls_invalid_score`: L or S (or a severity dimension) is not an integer from 1 to 5.
 * - `calc.risk_table_invalid`: a configured band, level or colour table is inconsistent.
 * - `calc.grading_invalid_input`: the enterprise grading input is incomplete or out of range.
 */
export type RiskCalculationErrorCode =
  | 'calc.lec_invalid_score'
  | 'calc.ls_invalid_score'
  | 'calc.risk_table_invalid'
  | 'calc.grading_invalid_input';

/** Thrown by the risk calculators; the HTTP layer answers it as a DomainError. */
export class RiskCalculationError extends DomainError {
  declare readonly code: RiskCalculationErrorCode;
  declare readonly fields: readonly FieldProblem[];

  constructor(
    code: RiskCalculationErrorCode,
    options: { fields?: readonly FieldProblem[]; details?: Record<string, unknown> } = {},
  ) {
    super(code, { ...options, fields: options.fields ?? [] });
    this.name = 'RiskCalculationError';
  }
}
