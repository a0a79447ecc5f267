import { z } from 'zod';
import { codedIssue } from '../errors/coded-issue.ts';

/**
 * The years a date in a record may fall in. A schema-valid date such as 9999-12-31 made records
 * unreadable (a deadline three years on is year 10002, which ISO 8601 cannot write in four digits)
 * (issue 19, defect 4); nothing this platform records lies outside these years.
 */
export const DATE_RANGE = Object.freeze({ minYear: 1900, maxYear: 2100 });

const outOfRange = () => ({
  ...codedIssue('request.date_out_of_range', {
    min: `${DATE_RANGE.minYear}-01-01`,
    max: `${DATE_RANGE.maxYear}-12-31`,
  }),
  abort: true,
});
const inRange = (value: string) => {
  const year = Number(value.slice(0, 4));
  return year >= DATE_RANGE.minYear && year <= DATE_RANGE.maxYear;
};

/** A calendar date, YYYY-MM-DD, within DATE_RANGE. */
export const isoDate = () => z.iso.date().refine(inRange, outOfRange());

/** An instant, ISO 8601 with an offset, within DATE_RANGE. */
export const isoInstant = () => z.iso.datetime({ offset: true }).refine(inRange, outOfRange());
