import { describe, expect, it } from 'vitest';
import {
  addCalendarMonths,
  beijingDayEndsAt,
  calendarDaysBetween,
  checkCalendarDate,
} from './calendar-date.ts';
import { chinaDate } from '../common/china-time.ts';
import { EnforcementError } from './enforcement.errors.ts';
import { chinaHolidayCalendar, checkHolidayCalendar, type HolidayCalendar } from './holiday-calendar.ts';
import {
  addWorkingDays,
  addWorkingDaysProvisionally,
  isWorkingDay,
  nextWorkingDayFrom,
} from './working-days.ts';

const calendar = chinaHolidayCalendar;

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof EnforcementError) return error.code;
    throw error;
  }
  return 'no error';
}

describe('working days (工作日) under the holiday calendar', () => {
  it.each<[string, boolean, string]>([
    ['2026-03-16', true, 'a Monday'],
    ['2026-03-21', false, 'a Saturday'],
    ['2026-01-01', false, '元旦'],
    ['2026-01-04', true, 'Sunday worked for 元旦 (调休上班)'],
    ['2026-02-14', true, 'Saturday worked before 春节'],
    ['2026-02-23', false, 'Monday inside 春节'],
    ['2026-02-28', true, 'Saturday worked after 春节'],
    ['2026-05-05', false, 'Tuesday of 劳动节'],
    ['2026-05-09', true, 'Saturday worked after 劳动节'],
    ['2026-09-25', false, '中秋, a Friday'],
    ['2026-10-10', true, 'Saturday worked after 国庆'],
    ['2025-10-08', false, '国庆 + 中秋 2025, a Wednesday'],
    ['2025-10-11', true, 'Saturday worked after 国庆 2025'],
  ])('%s is %s (%s)', (date, working) => {
    expect(isWorkingDay(date, calendar)).toBe(working);
  });

  it.each<[string, number, string, string]>([
    ['2026-03-16', 5, '2026-03-23', 'a plain week: Monday + 5 = next Monday'],
    ['2026-03-16', 3, '2026-03-19', 'Monday + 3 = Thursday'],
    ['2026-03-20', 1, '2026-03-23', 'Friday + 1 = Monday'],
    ['2026-04-30', 5, '2026-05-11', 'across 劳动节, counting the Saturday worked'],
    ['2026-04-30', 3, '2026-05-08', 'across 劳动节'],
    ['2026-02-13', 5, '2026-02-27', 'across 春节, counting 02-14'],
    ['2026-09-24', 7, '2026-10-12', 'across 中秋 and 国庆, counting 10-10'],
    ['2026-03-16', 0, '2026-03-16', 'zero days'],
  ])('%s + %i working days = %s (%s)', (from, count, expected) => {
    expect(addWorkingDays(from, count, calendar)).toBe(expected);
  });

  it('refuses to count in a year the calendar does not cover', () => {
    expect(codeOf(() => isWorkingDay('2027-01-04', calendar))).toBe('enforcement.calendar_not_covered');
    expect(codeOf(() => addWorkingDays('2026-12-30', 5, calendar))).toBe('enforcement.calendar_not_covered');
  });

  it('counts weekends only, and says so, past the calendar when asked to', () => {
    expect(addWorkingDaysProvisionally('2026-12-30', 5, calendar)).toEqual({
      date: '2027-01-06',
      provisional: true,
    });
    expect(addWorkingDaysProvisionally('2026-03-16', 5, calendar)).toEqual({
      date: '2026-03-23',
      provisional: false,
    });
    expect(nextWorkingDayFrom('2026-10-03', calendar)).toEqual({ date: '2026-10-08', provisional: false });
    expect(nextWorkingDayFrom('2026-03-16', calendar)).toEqual({ date: '2026-03-16', provisional: false });
    expect(nextWorkingDayFrom('2027-03-13', calendar)).toEqual({ date: '2027-03-15', provisional: true });
  });
});

describe('the holiday calendar data', () => {
  it('holds the published arrangements of 2025 and 2026', () => {
    expect(checkHolidayCalendar(calendar)).toBe(calendar);
    // 2025: 1 + 8 + 3 + 5 + 3 + 8 days off; 2026: 3 + 9 + 3 + 5 + 3 + 3 + 7.
    expect(calendar.daysOff.filter((d) => d.startsWith('2025'))).toHaveLength(28);
    expect(calendar.daysOff.filter((d) => d.startsWith('2026'))).toHaveLength(33);
    expect(
      calendar.makeUpWorkdays.every((d) => [0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay())),
    ).toBe(true);
  });

  it.each<[string, HolidayCalendar]>([
    ['a day twice', { years: [2026], daysOff: ['2026-01-01', '2026-01-01'], makeUpWorkdays: [] }],
    ['a day both off and worked', { years: [2026], daysOff: ['2026-01-03'], makeUpWorkdays: ['2026-01-03'] }],
    ['a day outside its years', { years: [2026], daysOff: ['2027-01-01'], makeUpWorkdays: [] }],
    ['an impossible day', { years: [2026], daysOff: ['2026-02-30'], makeUpWorkdays: [] }],
  ])('refuses a calendar with %s', (_name, bad) => {
    expect(codeOf(() => checkHolidayCalendar(bad))).toMatch(/^enforcement\.(calendar_invalid|invalid_date)$/);
  });
});

describe('calendar dates in China Standard Time', () => {
  it.each<[string, string]>([
    ['2026-03-15T16:00:00Z', '2026-03-16'],
    ['2026-03-15T15:59:59Z', '2026-03-15'],
  ])('%s falls on %s in Beijing', (instant, date) => {
    expect(chinaDate(new Date(instant))).toBe(date);
  });

  it('ends a day at 00:00 +08:00 of the next day', () => {
    expect(beijingDayEndsAt('2026-03-23').toISOString()).toBe('2026-03-23T16:00:00.000Z');
  });

  it.each<[string, number, string]>([
    ['2026-03-10', 6, '2026-09-10'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2027-08-31', 6, '2028-02-29'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-03-16', 36, '2029-03-16'],
  ])('%s + %i months = %s (the month-end rule)', (from, months, expected) => {
    expect(addCalendarMonths(from, months)).toBe(expected);
  });

  it('counts days between dates', () => {
    expect(calendarDaysBetween('2026-03-02', '2026-05-31')).toBe(90);
    expect(calendarDaysBetween('2026-05-31', '2026-03-02')).toBe(-90);
  });

  it.each(['2026-02-29', '2026-13-01', '26-03-01', '2026-3-1', ''])('refuses %j as a date', (date) => {
    expect(codeOf(() => checkCalendarDate(date))).toBe('enforcement.invalid_date');
  });
});
