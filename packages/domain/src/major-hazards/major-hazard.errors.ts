import { DomainError } from '../errors/domain-error.ts';

/**
 * Coded errors of the GB 18218 calculator. All answer 400; `details` carries the offending input.
 */
export const majorHazardErrorCodes = [
  'major_hazard.unknown_substance',
  'major_hazard.ambiguous_substance',
  'major_hazard.unknown_category',
  'major_hazard.beta_category_required',
  'major_hazard.invalid_quantity',
  'major_hazard.invalid_population',
] as const;

export type MajorHazardErrorCode = (typeof majorHazardErrorCodes)[number];

export class MajorHazardError extends DomainError {
  declare readonly code: MajorHazardErrorCode;
  declare readonly details: Readonly<Record<string, unknown>>;

  constructor(code: MajorHazardErrorCode, details: Record<string, unknown>) {
    super(code, { details });
    this.name = 'MajorHazardError';
  }
}
