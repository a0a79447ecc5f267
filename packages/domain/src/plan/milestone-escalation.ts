/**
 * The ladder a plan milestone climbs when its date passes unfinished (seed text 三（一）: 完善安全生产
 * 工作提醒、警示、通报、督办、约谈等制度), addressed to the unit it is assigned to and to the 安委办:
 * 提醒 a week before the date, 警示 the day after it, 通报 after 15 days overdue, 约谈 after 30.
 * Dates are China calendar dates (YYYY-MM-DD); `today` comes from the caller's clock.
 */
export const planEscalationSteps = ['reminder', 'warning', 'notice', 'interview'] as const;
export type PlanEscalationStep = (typeof planEscalationSteps)[number];

/** Days from the due date at which each step fires (negative: before it). */
export const planEscalationOffsets: Readonly<Record<PlanEscalationStep, number>> = {
  reminder: -7,
  warning: 1,
  notice: 15,
  interview: 30,
};

export const planEscalationStepNames: Readonly<Record<PlanEscalationStep, { zh: string; en: string }>> = {
  reminder: { zh: '提醒', en: 'Reminder' },
  warning: { zh: '警示', en: 'Warning' },
  notice: { zh: '通报', en: 'Notice' },
  interview: { zh: '约谈', en: 'Interview' },
};

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (China dates). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The steps due for an unfinished milestone on `today`, lowest first. */
export function dueMilestoneSteps(dueDate: string, today: string): PlanEscalationStep[] {
  const days = daysBetween(dueDate, today);
  return planEscalationSteps.filter((step) => days >= planEscalationOffsets[step]);
}

export type MilestoneState = 'done' | 'overdue' | 'open';

/** A milestone is overdue from the day after its date until it is done. */
export function milestoneState(dueDate: string, doneAt: string | null, today: string): MilestoneState {
  if (doneAt !== null) return 'done';
  return daysBetween(dueDate, today) > 0 ? 'overdue' : 'open';
}
