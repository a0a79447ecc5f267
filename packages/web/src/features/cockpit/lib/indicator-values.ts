/** An indicator's value as the screens show it: at most two decimals, none as the given word. */
export function indicatorValue(value: number | null, none: string): string {
  if (value === null) return none;
  return String(Math.round(value * 100) / 100);
}

/**
 * How far along its milestone an indicator's year-end projection is, in percent (a gauge's
 * needle): 100 is exactly on the milestone, over 100 is above it. Null without both figures.
 */
export function milestoneShare(projected: number | null, milestone: number | null): number | null {
  if (projected === null || milestone === null || milestone === 0) return null;
  return Math.round((projected / milestone) * 1000) / 10;
}
