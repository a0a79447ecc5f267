import { WORKBENCH_TREND_DAYS } from '@anjian/domain';

/** The dates of a trend, oldest first, ending on `today` (YYYY-MM-DD). */
export function trendDays(today: string, days = WORKBENCH_TREND_DAYS): string[] {
  const end = Date.parse(`${today}T00:00:00Z`);
  return Array.from({ length: days }, (_, i) =>
    new Date(end - (days - 1 - i) * 86_400_000).toISOString().slice(0, 10),
  );
}
