/** How far into the year the figures run: day `elapsedDays` of `daysInYear` (China calendar days). */
export interface YearProgress {
  readonly elapsedDays: number;
  readonly daysInYear: number;
}

export interface ProjectedCount {
  readonly mid: number;
  readonly low: number;
  readonly high: number;
}

/** z of a two-sided 95 % band. */
const Z95 = 1.96;

/**
 * Year-end projection of a count known to date (docs/statistics.md, "Projection"): the rest of the
 * year follows the year's run rate so far (count ÷ days elapsed); when nothing has happened yet and
 * last year is known, last year's daily rate stands in, so a quiet January does not promise zero.
 * Accidents are rare, independent events, so the remainder is treated as Poisson: its band is
 * ± 1.96 √remainder (normal approximation), never below what has already happened.
 * A complete year (or a past one) projects to itself with no band.
 */
export function projectCount(
  actual: number,
  progress: YearProgress | null,
  lastYearTotal: number | null = null,
): ProjectedCount | null {
  if (progress === null || progress.elapsedDays >= progress.daysInYear)
    return { mid: actual, low: actual, high: actual };
  if (progress.elapsedDays <= 0) return null;
  const daily =
    actual === 0 && lastYearTotal !== null
      ? lastYearTotal / progress.daysInYear
      : actual / progress.elapsedDays;
  const remainder = daily * (progress.daysInYear - progress.elapsedDays);
  const spread = Z95 * Math.sqrt(remainder);
  return {
    mid: actual + remainder,
    low: actual + Math.max(0, remainder - spread),
    high: actual + remainder + spread,
  };
}
