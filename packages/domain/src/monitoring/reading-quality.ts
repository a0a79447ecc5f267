/*
 * Quality of one reading against its point. A reading is never dropped for its quality: it is
 * stored with its flags, shown greyed, and left out of alarm evaluation (ARCHITECTURE.md §4; the
 * issue: "flagged and kept, never silently dropped").
 */

/** Problems a reading can have; a reading can have several. */
export const readingFlags = ['nan', 'future', 'out_of_range'] as const;
export type ReadingFlag = (typeof readingFlags)[number];

/** One word per reading: `ok`, or its most serious flag (nan, then future, then out_of_range). */
export const readingQualities = ['ok', ...readingFlags] as const;
export type ReadingQuality = (typeof readingQualities)[number];

export interface ReadingClassification {
  readonly quality: ReadingQuality;
  readonly flags: readonly ReadingFlag[];
}

/**
 * How far a device clock may run ahead of the server before its readings count as from the future.
 * Our assumption (no value in the reference): 60 s, one default reporting interval.
 */
export const defaultAllowedClockSkewSeconds = 60;

export interface ReadingToClassify {
  /** The reading's time (a Date, or epoch milliseconds). */
  readonly at: Date | number;
  /** null, NaN or ±Infinity when the device sent no usable number. */
  readonly value: number | null;
}

/**
 * Boundaries: a value exactly at range.min or range.max is ok; a timestamp exactly `skew` seconds
 * ahead of `now` is ok, one millisecond later is future. A non-number is `nan` and not range-checked.
 */
const OK: ReadingClassification = Object.freeze({ quality: 'ok', flags: Object.freeze([]) });

export function classifyReading(
  point: { readonly range: { readonly min: number; readonly max: number } },
  reading: ReadingToClassify,
  now: Date,
  allowedSkewSeconds: number = defaultAllowedClockSkewSeconds,
): ReadingClassification {
  const value = reading.value;
  const isNumber = value !== null && Number.isFinite(value);
  const at = typeof reading.at === 'number' ? reading.at : reading.at.getTime();
  const future = at > now.getTime() + allowedSkewSeconds * 1000;
  const outOfRange = isNumber && (value < point.range.min || value > point.range.max);
  // Nearly every reading is fine: one shared answer, nothing allocated (the ingest's hot path).
  if (isNumber && !future && !outOfRange) return OK;
  const flags: ReadingFlag[] = [];
  if (!isNumber) flags.push('nan');
  if (future) flags.push('future');
  if (outOfRange) flags.push('out_of_range');
  return { quality: flags[0] ?? 'ok', flags };
}
