import { DomainError } from '../../errors/domain-error.ts';

/**
 * Coded errors of the accident rules. All answer 400; `details` carries the offending input.
 */
export const accidentErrorCodes = [
  'accident.invalid_figures',
  'accident.unknown_type',
  'accident.change_before_accident',
  'accident.invalid_time',
  'accident.type_version_mismatch',
] as const;

export type AccidentErrorCode = (typeof accidentErrorCodes)[number];

export class AccidentError extends DomainError {
  declare readonly code: AccidentErrorCode;
  declare readonly details: Readonly<Record<string, unknown>>;

  constructor(code: AccidentErrorCode, details: Record<string, unknown>) {
    super(code, { details });
    this.name = 'AccidentError';
  }
}
