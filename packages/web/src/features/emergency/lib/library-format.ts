import type { PlanReviewStatus } from '@anjian/domain';

const ROMAN: Record<string, string> = { I: 'Ⅰ', II: 'Ⅱ', III: 'Ⅲ', IV: 'Ⅳ' };

/** Response levels as written in plans: Ⅰ, Ⅱ, Ⅲ, Ⅳ. */
export const romanLevel = (level: string) => ROMAN[level] ?? level;

/** Overdue red, within 30 days orange, within 90 days blue-grey, current green. */
export function reviewTagType(status: PlanReviewStatus): 'danger' | 'warning' | 'info' | 'success' {
  return status === 'overdue'
    ? 'danger'
    : status === 'due_30'
      ? 'warning'
      : status === 'due_90'
        ? 'info'
        : 'success';
}

/** Monday of the week holding `date` (YYYY-MM-DD), and the seven dates from it. */
export function weekOf(date: string): string[] {
  const day = new Date(`${date}T00:00:00Z`);
  const monday = day.getTime() - ((day.getUTCDay() + 6) % 7) * 86_400_000;
  return Array.from({ length: 7 }, (_, i) => new Date(monday + i * 86_400_000).toISOString().slice(0, 10));
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Lines of a textarea, trimmed, empty ones dropped. */
export const linesOf = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
