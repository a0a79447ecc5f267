import { CHINA_OFFSET_MS } from '../common/china-time.ts';
import { EnforcementError } from './enforcement.errors.ts';

/*
 * Calendar dates (YYYY-MM-DD) in China Standard Time, the unit every statutory period of the
 * enforcement rules is counted in. China has no daylight saving, so a day is always 24 h at +08:00.
 */

const dayMs = 86_400_000;

function utcMidnight(date: string, field: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const time = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
  // Date.UTC rolls 02-30 over into March; a real date reads back unchanged.
  if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== date) {
    throw new EnforcementError('enforcement.invalid_date', { field, date }, [
      { path: field, code: 'enforcement.invalid_date', message: 'a real date, YYYY-MM-DD' },
    ]);
  }
  return time;
}

const isoDate = (time: number): string => new Date(time).toISOString().slice(0, 10);

/** Throws `enforcement.invalid_date` unless `date` is a real YYYY-MM-DD date. */
export function checkCalendarDate(date: string, field = 'date'): string {
  utcMidnight(date, field);
  return date;
}

/** The instant a day runs out: 00:00 +08:00 of the next day, so the whole day is still in time. */
export function beijingDayEndsAt(date: string): Date {
  return new Date(utcMidnight(date, 'date') - CHINA_OFFSET_MS + dayMs);
}

export function addCalendarDays(date: string, days: number): string {
  return isoDate(utcMidnight(date, 'date') + days * dayMs);
}

/**
 * The same day `months` later; when that month is shorter, its last day (民法典 Art. 202 [M]: a
 * period in months ends on the corresponding day, or on the month's last day if there is none).
 */
export function addCalendarMonths(date: string, months: number): string {
  const start = new Date(utcMidnight(date, 'date'));
  const target = start.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(start.getUTCFullYear(), target + 1, 0)).getUTCDate();
  return isoDate(Date.UTC(start.getUTCFullYear(), target, Math.min(start.getUTCDate(), lastDay)));
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  return new Date(utcMidnight(date, 'date')).getUTCDay();
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: string, to: string): number {
  return Math.round((utcMidnight(to, 'to') - utcMidnight(from, 'from')) / dayMs);
}
