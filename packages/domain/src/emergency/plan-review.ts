/**
 * When an emergency plan is due for evaluation (应急预案评估). 应急管理部令第2号（2019 修正）第三十五条:
 * high-risk enterprises evaluate their plans every three years; the bureau uses the same cycle for its
 * own plans unless a plan names an earlier date. Reminders at 90 and 30 days, as for licences.
 */
export const planReviewStatuses = ['overdue', 'due_30', 'due_90', 'current'] as const;
export type PlanReviewStatus = (typeof planReviewStatuses)[number];

export const PLAN_REVIEW_CYCLE_YEARS = 3;

/** Whole days from `from` to `to`, both YYYY-MM-DD. */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The default review date: the same calendar day three years on (29 February falls to 28 February). */
export function defaultReviewDueOn(revisedOn: string): string {
  const [year, month, day] = revisedOn.split('-').map(Number) as [number, number, number];
  const target = year + PLAN_REVIEW_CYCLE_YEARS;
  const lastDay = new Date(Date.UTC(target, month, 0)).getUTCDate();
  return `${target}-${String(month).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
}

/** Overdue the day after the due date; due_30 on the due date and the 30 days before it; due_90 before that. */
export function planReviewStatus(
  reviewDueOn: string,
  today: string,
): { status: PlanReviewStatus; daysToReview: number } {
  const daysToReview = daysBetween(today, reviewDueOn);
  const status: PlanReviewStatus =
    daysToReview < 0 ? 'overdue' : daysToReview <= 30 ? 'due_30' : daysToReview <= 90 ? 'due_90' : 'current';
  return { status, daysToReview };
}
