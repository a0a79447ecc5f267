/**
 * Exact arithmetic for scores: a number with at most two decimals as an integer count of
 * hundredths, so that thresholds are compared without binary floating-point error
 * (0.1 × 6 × 100 is 60.00000000000001 in floating point, 6000 hundredths here).
 */
export function toHundredths(value: number): number | null {
  if (!Number.isFinite(value)) return null;
  const scaled = Math.round(value * 100);
  return Number.isSafeInteger(scaled) && Math.abs(value * 100 - scaled) < 1e-6 ? scaled : null;
}

export function fromHundredths(hundredths: number): number {
  return hundredths / 100;
}
