import { DomainError, type FieldProblem } from '../../errors/domain-error.ts';

/**
 * Codes of the consequence calculators (all answer 400).
 * - `calc.consequence_invalid_input`: a number is missing, not finite or out of the model's range.
 * - `calc.consequence_unknown_chemical`: the name or CAS number is not in the chemical data table.
 * - `calc.consequence_threshold_unavailable`: the chemical has no value for the threshold asked for.
 * - `calc.consequence_not_flammable`: a fire or explosion model needs a heat of combustion.
 */
export const consequenceErrorCodes = [
  'calc.consequence_invalid_input',
  'calc.consequence_unknown_chemical',
  'calc.consequence_threshold_unavailable',
  'calc.consequence_not_flammable',
] as const;

export type ConsequenceErrorCode = (typeof consequenceErrorCodes)[number];

export class ConsequenceError extends DomainError {
  declare readonly code: ConsequenceErrorCode;
  declare readonly fields: readonly FieldProblem[];
  declare readonly details: Readonly<Record<string, unknown>>;

  constructor(
    code: ConsequenceErrorCode,
    options: { fields?: readonly FieldProblem[]; details?: Record<string, unknown> } = {},
  ) {
    super(code, { fields: options.fields ?? [], details: options.details ?? {} });
    this.name = 'ConsequenceError';
  }
}

/** Throws `calc.consequence_invalid_input` unless `value` is finite and within [min, max]. */
export function requireInRange(path: string, value: number, min: number, max = Infinity): number {
  if (!Number.isFinite(value) || value < min || value > max) {
    const range = max === Infinity ? `≥ ${min}` : `${min} to ${max}`;
    throw new ConsequenceError('calc.consequence_invalid_input', {
      fields: [{ path, code: 'calc.consequence_invalid_input', message: `must be a number ${range}` }],
      details: { field: path, value, min, max: max === Infinity ? null : max },
    });
  }
  return value;
}

/** Throws `calc.consequence_invalid_input` unless `value` is finite and strictly greater than 0. */
export function requirePositive(path: string, value: number, max = Infinity): number {
  if (!Number.isFinite(value) || value <= 0 || value > max) {
    throw new ConsequenceError('calc.consequence_invalid_input', {
      fields: [{ path, code: 'calc.consequence_invalid_input', message: 'must be a number greater than 0' }],
      details: { field: path, value, max: max === Infinity ? null : max },
    });
  }
  return value;
}
