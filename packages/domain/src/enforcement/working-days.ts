import { addCalendarDays, weekdayOf } from './calendar-date.ts';
import { EnforcementError } from './enforcement.errors.ts';
import type { HolidayCalendar } from './holiday-calendar.ts';

/** A day found by counting, and whether the count left the years the calendar covers. */
export interface CountedDay {
  readonly date: string;
  /** True when a day outside the calendar's years was judged by the weekend alone. */
  readonly provisional: boolean;
}

function judge(
  date: string,
  calendar: HolidayCalendar,
  strict: boolean,
): { working: boolean; covered: boolean } {
  const covered = calendar.years.includes(Number(date.slice(0, 4)));
  if (!covered && strict)
    throw new EnforcementError('enforcement.calendar_not_covered', { year: Number(date.slice(0, 4)), date });
  if (calendar.makeUpWorkdays.includes(date)) return { working: true, covered };
  if (calendar.daysOff.includes(date)) return { working: false, covered };
  const weekday = weekdayOf(date);
  return { working: weekday !== 0 && weekday !== 6, covered };
}

/**
 * Whether `date` is a working day (工作日): see {@link HolidayCalendar}. Throws
 * `enforcement.calendar_not_covered` outside the calendar's years.
 */
export function isWorkingDay(date: string, calendar: HolidayCalendar): boolean {
  return judge(date, calendar, true).working;
}

function walk(date: string, count: number, calendar: HolidayCalendar, strict: boolean): CountedDay {
  let day = date;
  let provisional = false;
  for (let left = count; left > 0;) {
    day = addCalendarDays(day, 1);
    const { working, covered } = judge(day, calendar, strict);
    provisional ||= !covered;
    if (working) left -= 1;
  }
  return { date: day, provisional };
}

/**
 * The `count`-th working day after `date`. The start day itself is not counted (期间开始的日不计算在内),
 * so 5 working days from a Monday notice end on the next Monday. `count` 0 gives `date`. Throws
 * `enforcement.calendar_not_covered` when the count runs outside the calendar's years.
 */
export function addWorkingDays(date: string, count: number, calendar: HolidayCalendar): string {
  return walk(date, count, calendar, true).date;
}

/** As {@link addWorkingDays}, but outside the calendar's years only weekends are skipped (provisional). */
export function addWorkingDaysProvisionally(
  date: string,
  count: number,
  calendar: HolidayCalendar,
): CountedDay {
  return walk(date, count, calendar, false);
}

/** `date` itself when it is a working day, else the first working day after it; provisional outside the calendar. */
export function nextWorkingDayFrom(date: string, calendar: HolidayCalendar): CountedDay {
  const today = judge(date, calendar, false);
  if (today.working) return { date, provisional: !today.covered };
  const next = walk(date, 1, calendar, false);
  return { date: next.date, provisional: next.provisional || !today.covered };
}
