import { chinaDate, chinaDayEnd, chinaDayStart } from '../../common/china-time.ts';
import { HiddenHazardError } from './hidden-hazard.errors.ts';

/**
 * The instant a deadline date (YYYY-MM-DD, China Standard Time) runs out: 00:00 +08:00 of the next
 * day, so the whole deadline day is still in time. China has no daylight saving, so a day is 24 h.
 */
export function hiddenHazardDeadlineEndsAt(deadline: string): Date {
  const start = chinaDayStart(deadline);
  // Date.parse rolls 02-30 over into March; a real date reads back unchanged.
  const real = !Number.isNaN(start.getTime()) && chinaDate(start) === deadline;
  if (!real) throw new HiddenHazardError('hazard.invalid_deadline', { deadline, reason: 'not_a_date' });
  return chinaDayEnd(deadline);
}

/** Whether the deadline day has ended at `now`. */
export function isHiddenHazardDeadlinePast(deadline: string, now: Date): boolean {
  return hiddenHazardDeadlineEndsAt(deadline).getTime() <= now.getTime();
}
