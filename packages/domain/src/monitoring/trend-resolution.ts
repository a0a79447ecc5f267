/**
 * Which stored series a point's trend reads (docs/monitoring.md, aggregates): raw readings up to
 * 6 hours, the per-minute aggregates up to 7 days, the per-hour aggregates beyond (at most 400 days).
 * A series with more than TREND_MAX_POINTS rows is re-bucketed to about 1,000 buckets, each a whole
 * number of the resolution's own step, so that an aggregate stays exact.
 */
export type TrendResolution = 'raw' | 'minute' | 'hour';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export const TREND_RAW_MAX_MS = 6 * HOUR_MS;
export const TREND_MINUTE_MAX_MS = 7 * DAY_MS;
export const TREND_MAX_SPAN_MS = 400 * DAY_MS;
export const TREND_MAX_POINTS = 2_000;

/** The resolution of a trend over `spanMs`: raw ≤ 6 h < minute ≤ 7 d < hour. */
export function trendResolution(spanMs: number): TrendResolution {
  if (spanMs > TREND_MINUTE_MAX_MS) return 'hour';
  if (spanMs > TREND_RAW_MAX_MS) return 'minute';
  return 'raw';
}

/** Seconds of one step of a resolution (raw: 1, the finest a bucket may be). */
export const trendStepSeconds: Record<TrendResolution, number> = { raw: 1, minute: 60, hour: 3_600 };

/**
 * The bucket (seconds) a trend of `rows` rows over `spanMs` is drawn with: 0 (as stored) up to
 * TREND_MAX_POINTS rows, else about 1,000 buckets rounded up to a whole number of steps.
 */
export function trendBucketSeconds(resolution: TrendResolution, spanMs: number, rows: number): number {
  if (rows <= TREND_MAX_POINTS) return 0;
  const step = trendStepSeconds[resolution];
  return Math.ceil(spanMs / 1000 / 1000 / step) * step;
}
