import { Rational } from '../major-hazards/rational.ts';

/*
 * Readings and thresholds arrive as decimals (JSON numbers). Comparing two of them directly is
 * exact: both are the nearest doubles of their decimals, and rounding keeps the order. Arithmetic
 * is not: 0.3 − 0.1 is 0.19999999999999998, so a reading of exactly 0.2 would miss a clear bound.
 * Wherever a bound is computed (deadband, factor, rate) the comparison is made on exact decimals
 * (ARCHITECTURE.md §3: no binary floating-point comparison at a threshold).
 */

const decimal = (value: number): Rational => Rational.fromDecimal(value);

/** Sign of `value − (base + offset)`, computed on the exact decimals. */
export function compareWithOffset(value: number, base: number, offset: number): -1 | 0 | 1 {
  const approximate = value - (base + offset);
  const scale = Math.max(1, Math.abs(value), Math.abs(base), Math.abs(offset));
  if (Math.abs(approximate) > scale * 1e-9) return approximate > 0 ? 1 : -1;
  return decimal(value).compare(decimal(base).add(decimal(offset)));
}

/** Sign of |a − b| − epsilon, exactly. */
export function compareDistance(a: number, b: number, epsilon: number): -1 | 0 | 1 {
  const difference = decimal(a).subtract(decimal(b));
  const magnitude = difference.sign() < 0 ? difference.negate() : difference;
  return magnitude.compare(decimal(epsilon));
}

/**
 * Sign of (Δvalue per minute) − (limit − slack) for a change from `from` to `to` over `elapsedMs`
 * milliseconds (> 0), exactly: Δvalue × 60 000 compared with (limit − slack) × elapsedMs.
 */
export function compareRatePerMinute(
  from: number,
  to: number,
  elapsedMs: number,
  limit: number,
  slack = 0,
): -1 | 0 | 1 {
  const change = decimal(to).subtract(decimal(from)).multiply(Rational.of(60_000));
  const bound = decimal(limit).subtract(decimal(slack)).multiply(Rational.of(elapsedMs));
  return change.compare(bound);
}

/** `value × factor` as the nearest double of the exact decimal product (1.1 × 2.2 = 2.42, not 2.4200000000000004). */
export function multiplyDecimal(value: number, factor: number): number {
  return Number(decimal(value).multiply(decimal(factor)).toDecimalString(12));
}

/** `value × percent / 100`, exactly as above. */
export function percentOf(value: number, percent: number): number {
  return Number(decimal(value).multiply(decimal(percent)).divide(Rational.of(100)).toDecimalString(12));
}

/** `value` reduced by `percent` %, exactly as above. */
export function reduceByPercent(value: number, percent: number): number {
  const kept = Rational.of(100).subtract(decimal(percent)).divide(Rational.of(100));
  return Number(decimal(value).multiply(kept).toDecimalString(12));
}
