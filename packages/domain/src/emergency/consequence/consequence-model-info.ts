/** A sentence in both languages of the platform. */
export interface BilingualText {
  readonly zh: string;
  readonly en: string;
}

/**
 * What a consequence result was computed with: every answer names its model, the source of its
 * formulas, the assumptions behind it and the limits outside which it must not be trusted.
 */
export interface ConsequenceModelInfo {
  /** Stable identifier, e.g. `gaussian_plume_briggs`. */
  readonly id: string;
  readonly zh: string;
  readonly en: string;
  /** Where the formulas and coefficients come from. */
  readonly source: string;
  readonly assumptions: readonly BilingualText[];
  readonly limits: readonly BilingualText[];
}

/** The model info as a response carries it (plain arrays). */
export function modelInfoResponse(info: ConsequenceModelInfo) {
  return { ...info, assumptions: [...info.assumptions], limits: [...info.limits] };
}
