import { addCalendarDays, addCalendarMonths, beijingDayEndsAt } from './calendar-date.ts';
import type { HolidayCalendar } from './holiday-calendar.ts';
import { addWorkingDaysProvisionally, type CountedDay, nextWorkingDayFrom } from './working-days.ts';

/**
 * How sure a statutory figure is, with the marks of shared/reference/standards.md §0: V2 two or more
 * sources, V1 one source, M from memory of the official text (check before release), NF not found
 * (our assumption). Figures not V1/V2 are configurable and shown as unconfirmed.
 */
export type VerificationMark = 'V2' | 'V1' | 'M' | 'NF';

export const timeLimitUnits = ['working_days', 'calendar_days', 'months', 'years'] as const;
export type TimeLimitUnit = (typeof timeLimitUnits)[number];

/** A statutory time limit (法定期限) with its legal basis. */
export interface TimeLimit {
  readonly amount: number;
  readonly unit: TimeLimitUnit;
  /**
   * For calendar periods: when the last day is a day off, the period ends on the next working day
   * (the rule of 民事诉讼法 Art. 85 and 行政诉讼法 Art. 51 [M]) — set for periods a party must keep.
   */
  readonly endsOnWorkingDay?: boolean;
  readonly basisZh: string;
  readonly basisEn: string;
  readonly verification: VerificationMark;
}

/** A deadline for the timers and the case page: the last day and the instant it runs out. */
export interface Deadline<K extends string = string> {
  readonly kind: K;
  /** The day the period counts from; that day itself is not counted. */
  readonly countsFrom: string;
  /** The last day of the period (YYYY-MM-DD, China Standard Time). */
  readonly dueDate: string;
  /** 00:00 +08:00 after the last day. */
  readonly endsAt: Date;
  readonly limit: TimeLimit;
  readonly overdue: boolean;
  /** The holiday calendar did not cover the whole period; see {@link periodLastDay}. */
  readonly provisional: boolean;
}

/**
 * Last day of a period of `limit` counted from `countsFrom` (the start day is not counted). Where the
 * period runs past the holiday calendar's years, only weekends are skipped there and the day is
 * marked provisional: recompute it once the year's arrangements are added.
 */
export function periodLastDay(countsFrom: string, limit: TimeLimit, calendar: HolidayCalendar): CountedDay {
  if (limit.unit === 'working_days') return addWorkingDaysProvisionally(countsFrom, limit.amount, calendar);
  const last =
    limit.unit === 'calendar_days'
      ? addCalendarDays(countsFrom, limit.amount)
      : addCalendarMonths(countsFrom, limit.unit === 'months' ? limit.amount : 12 * limit.amount);
  return limit.endsOnWorkingDay ? nextWorkingDayFrom(last, calendar) : { date: last, provisional: false };
}

/** The deadline of `kind`, with `overdue` judged at `now`. */
export function deadlineOf<K extends string>(
  kind: K,
  countsFrom: string,
  limit: TimeLimit,
  context: { readonly calendar: HolidayCalendar; readonly now: Date },
): Deadline<K> {
  const { date: dueDate, provisional } = periodLastDay(countsFrom, limit, context.calendar);
  const endsAt = beijingDayEndsAt(dueDate);
  const overdue = endsAt.getTime() <= context.now.getTime();
  return { kind, countsFrom, dueDate, endsAt, limit, overdue, provisional };
}
