/**
 * Splits readings into the first of each (point, instant) and the repeats (ARCHITECTURE.md §4:
 * de-duplicate on point and time). The first wins, also when a repeat carries another value:
 * a reading once acknowledged is never replaced by a later message.
 */
export function dedupeReadings<R extends { readonly point: string; readonly at: Date }>(
  readings: readonly R[],
): { readonly unique: R[]; readonly duplicates: R[] } {
  const seen = new Set<string>();
  const unique: R[] = [];
  const duplicates: R[] = [];
  for (const reading of readings) {
    const key = `${reading.point}\u0000${reading.at.getTime()}`;
    if (seen.has(key)) {
      duplicates.push(reading);
    } else {
      seen.add(key);
      unique.push(reading);
    }
  }
  return { unique, duplicates };
}
