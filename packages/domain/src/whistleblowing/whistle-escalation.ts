import { daysBetween } from '../plan/milestone-escalation.ts';
import type { WhistleStatus } from './whistle.schema.ts';

/**
 * The ladder an unhandled report climbs when its deadline nears and passes (like the hazards' and
 * the plan's ladders): 提醒 before the deadline to the handling county, 警示 the day after it to the
 * county, 通报 later to the city bureau as well. Two deadlines have a ladder: acceptance (a report
 * still `received`) and verification (an `accepted` report: the county's assignment deadline when
 * it is earlier, else 60 days from acceptance). The deadline is the ladder's version: a new
 * assignment deadline starts a new ladder. Dates are China calendar dates (YYYY-MM-DD).
 */
export const whistleEscalationSubjects = ['acceptance', 'verification'] as const;
export type WhistleEscalationSubject = (typeof whistleEscalationSubjects)[number];

export const whistleEscalationSteps = ['reminder', 'warning', 'notice'] as const;
export type WhistleEscalationStep = (typeof whistleEscalationSteps)[number];

/** Days from the deadline at which each step fires (negative: before it). */
export const whistleEscalationOffsets: Readonly<
  Record<WhistleEscalationSubject, Readonly<Record<WhistleEscalationStep, number>>>
> = {
  acceptance: { reminder: -1, warning: 1, notice: 5 },
  verification: { reminder: -7, warning: 1, notice: 15 },
};

export const whistleEscalationStepNames: Readonly<Record<WhistleEscalationStep, { zh: string; en: string }>> =
  {
    reminder: { zh: '提醒', en: 'Reminder' },
    warning: { zh: '警示', en: 'Warning' },
    notice: { zh: '通报', en: 'Notice' },
  };

export const whistleEscalationSubjectNames: Readonly<
  Record<WhistleEscalationSubject, { zh: string; en: string }>
> = {
  acceptance: { zh: '受理期限', en: 'acceptance deadline' },
  verification: { zh: '核查期限', en: 'verification deadline' },
};

/** Who hears a step: the handling county's staff, and from 通报 on the city bureau. */
export function whistleEscalationAudience(step: WhistleEscalationStep): ('county' | 'city')[] {
  return step === 'notice' ? ['county', 'city'] : ['county'];
}

/** The deadline a report's ladder runs against now, or null when none runs. */
export function whistleEscalationDeadline(report: {
  status: WhistleStatus;
  acceptanceDue: string;
  verificationDue: string | null;
  assignedDeadline: string | null;
}): { subject: WhistleEscalationSubject; deadline: string } | null {
  if (report.status === 'received') return { subject: 'acceptance', deadline: report.acceptanceDue };
  if (report.status !== 'accepted') return null;
  const dates = [report.assignedDeadline, report.verificationDue].filter((d): d is string => d !== null);
  if (dates.length === 0) return null;
  return { subject: 'verification', deadline: dates.sort()[0]! };
}

/** The steps due on `today` for a report, lowest first (each fires once: the caller records it). */
export function dueWhistleEscalationSteps(
  report: Parameters<typeof whistleEscalationDeadline>[0],
  today: string,
): { subject: WhistleEscalationSubject; deadline: string; steps: WhistleEscalationStep[] } | null {
  const current = whistleEscalationDeadline(report);
  if (!current) return null;
  const days = daysBetween(current.deadline, today);
  const offsets = whistleEscalationOffsets[current.subject];
  return { ...current, steps: whistleEscalationSteps.filter((step) => days >= offsets[step]) };
}
