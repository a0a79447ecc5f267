/**
 * Settings for facts the research notes mark as not confirmed against the official text of
 * GB 18218-2018 (standards.md §1.5, §1.6). The defaults are the notes' reading.
 */
export interface MajorHazardOptions {
  /**
   * β for a Table 1 chemical that is not a Table 3 toxic gas when the caller names no hazard
   * category. Table 4 gives β by category, and the category is the assessor's call, so the default
   * (null) refuses to guess and asks for it (`major_hazard.beta_category_required`). A decimal such
   * as "1" makes the calculator assume that β instead, and the steps say so.
   */
  readonly fallbackBeta: string | null;
  /**
   * Whether Table 1 row 13 (煤气, whose name covers CO) takes Table 3's 一氧化碳 β = 2. Our reading of
   * the tables; when false, row 13 needs a category like any other row outside Table 3.
   */
  readonly applyInferredTable3Beta: boolean;
  /** Radius around the plant boundary within which exposed people are counted (500 m, marked [M]). */
  readonly exposureRadiusMetres: number;
  /**
   * Decimals of S, q/Q and R in the answer. Display values are truncated, never rounded up, so a
   * shown value reaches a threshold (S = 1, R = 10/50/100) only when the exact value does.
   */
  readonly displayPlaces: number;
}

export const defaultMajorHazardOptions: MajorHazardOptions = Object.freeze({
  fallbackBeta: null,
  applyInferredTable3Beta: true,
  exposureRadiusMetres: 500,
  displayPlaces: 4,
});
