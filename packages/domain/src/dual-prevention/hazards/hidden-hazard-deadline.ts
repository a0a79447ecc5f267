import { HiddenHazardError } from './hidden-hazard.errors.ts';

const day = 86_400_000;
const beijingOffset = 8 * 3_600_000;

/**
 * The instant a deadline date (YYYY-MM-DD, China Standard Time) runs out: 00:00 +08:00 of the next
 * day, so the whole deadline day is still in time. China has no daylight saving, so a day is 24 h.
 */
export function hiddenHazardDeadlineEndsAt(deadline: string): Date {
  const start = /^\d{4}-\d{2}-\d{2}$/.test(deadline) ? Date.parse(`${deadline}T00:00:00+08:00`) : NaN;
  // Date.parse rolls 02-30 over into March; a real date reads back unchanged.
  const real = !Number.isNaN(start) && new Date(start + beijingOffset).toISOString().startsWith(deadline);
  if (!real) throw new HiddenHazardError('hazard.invalid_deadline', { deadline, reason: 'not_a_date' });
  return new Date(start + day);
}

/** Whether the deadline day has ended at `now`. */
export function isHiddenHazardDeadlinePast(deadline: string, now: Date): boolean {
  return hiddenHazardDeadlineEndsAt(deadline).getTime() <= now.getTime();
}
