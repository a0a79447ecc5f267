export interface PastDrawSelection {
  readonly enterpriseId: string;
  /** When the draw that picked it ran. */
  readonly drawnAt: Date;
}

/**
 * Enterprises a new draw may not pick: those picked by a draw less than `periodDays` × 24 h before
 * `now` (the exclusion list of the public record), sorted and without repeats. 0 days excludes none.
 */
export function recentlyDrawnEnterpriseIds(
  history: readonly PastDrawSelection[],
  now: Date,
  periodDays: number,
): string[] {
  const since = now.getTime() - periodDays * 86_400_000;
  const ids = history.filter((s) => s.drawnAt.getTime() > since && s.drawnAt.getTime() <= now.getTime());
  return [...new Set(ids.map((s) => s.enterpriseId))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
