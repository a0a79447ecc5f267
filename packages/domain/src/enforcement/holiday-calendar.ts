import { EnforcementError } from './enforcement.errors.ts';
import { checkCalendarDate } from './calendar-date.ts';

/**
 * The State Council's yearly holiday arrangements (国务院办公厅关于部分节假日安排的通知) as data. A
 * working day (工作日) is Monday to Friday, except the days off of those arrangements (放假调休),
 * plus the weekend days worked in exchange (调休上班). Working days can only be counted inside the
 * listed years: the arrangement for a year is published in the November before it.
 */
export interface HolidayCalendar {
  /** Years whose arrangements are complete in this calendar. */
  readonly years: readonly number[];
  /** Every day off of the arrangements, weekends inside a holiday period included. */
  readonly daysOff: readonly string[];
  /** Weekend days that are working days (调休上班). */
  readonly makeUpWorkdays: readonly string[];
}

function range(from: string, days: number): string[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  return Array.from({ length: days }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
}

/**
 * 2025: 国办发明电〔2024〕12号 (published 2024-11-12); 2026: the notice of 2025-11-04. Both V2 (the
 * full texts as republished by 新华社 and several news sites). Add each new year when it is published.
 */
export const chinaHolidayCalendar: HolidayCalendar = Object.freeze({
  years: [2025, 2026],
  daysOff: [
    // 2025: 元旦; 春节 (除夕–初七); 清明; 劳动节; 端午; 国庆 + 中秋.
    '2025-01-01',
    ...range('2025-01-28', 8),
    ...range('2025-04-04', 3),
    ...range('2025-05-01', 5),
    ...range('2025-05-31', 3),
    ...range('2025-10-01', 8),
    // 2026: 元旦; 春节 (腊月二十八–正月初七); 清明; 劳动节; 端午; 中秋; 国庆.
    ...range('2026-01-01', 3),
    ...range('2026-02-15', 9),
    ...range('2026-04-04', 3),
    ...range('2026-05-01', 5),
    ...range('2026-06-19', 3),
    ...range('2026-09-25', 3),
    ...range('2026-10-01', 7),
  ],
  makeUpWorkdays: [
    '2025-01-26',
    '2025-02-08',
    '2025-04-27',
    '2025-09-28',
    '2025-10-11',
    '2026-01-04',
    '2026-02-14',
    '2026-02-28',
    '2026-05-09',
    '2026-09-20',
    '2026-10-10',
  ],
});

/**
 * Throws `enforcement.calendar_invalid` for a calendar with a malformed or duplicate day, a day outside
 * its years, or a day both off and worked. Run it when a bureau saves its own calendar.
 */
export function checkHolidayCalendar(calendar: HolidayCalendar): HolidayCalendar {
  const seen = new Set<string>();
  const all = [...calendar.daysOff, ...calendar.makeUpWorkdays];
  all.forEach((day, index) => {
    checkCalendarDate(day, index < calendar.daysOff.length ? 'daysOff' : 'makeUpWorkdays');
    const problem = seen.has(day)
      ? 'duplicate'
      : !calendar.years.includes(Number(day.slice(0, 4)))
        ? 'outside_years'
        : undefined;
    if (problem) throw new EnforcementError('enforcement.calendar_invalid', { day, problem });
    seen.add(day);
  });
  return calendar;
}
