import {
  chinaHolidayCalendar,
  creditListingDeadlines,
  penaltyCaseDeadlines,
  type CreditDeadlineKind,
  type CreditListingState,
  type Deadline,
  type PenaltyCaseState,
  type PenaltyDeadlineKind,
} from '@anjian/domain';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** A state as JSON carries instants as ISO strings; the domain rules take Dates. */
export function reviveInstants<T>(value: unknown): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return INSTANT.test(v) ? new Date(v) : v;
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}

/**
 * The statutory time limits running in a penalty case now (行政处罚法 periods counted with the
 * holiday calendar), from the case state the server answers — the same pure rules the server uses.
 */
export function penaltyCaseTimeLimits(state: unknown, now: Date): Deadline<PenaltyDeadlineKind>[] {
  return penaltyCaseDeadlines(reviveInstants<PenaltyCaseState>(state), {
    now,
    calendar: chinaHolidayCalendar,
  });
}

/** The objection, publication, repair and term dates of a credit listing. */
export function creditListingTimeLimits(state: unknown, now: Date): Deadline<CreditDeadlineKind>[] {
  return creditListingDeadlines(reviveInstants<CreditListingState>(state), {
    now,
    calendar: chinaHolidayCalendar,
  });
}
