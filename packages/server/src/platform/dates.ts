/** Calendar dates as the bureau reads them: China Standard Time, from the domain's one home for it. */
export { chinaDate as beijingDate, chinaDateTime as beijingDateTime } from '@anjian/domain';

/** Whole days from `from` to `to`, both YYYY-MM-DD. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
