/*
 * China Standard Time (UTC+8, Asia/Shanghai, no daylight saving): the one clock every calendar date
 * of the bureau is read in — deadlines, report days, statistics months, file names. The offset is
 * written here and nowhere else.
 */

export const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** `2026-11-29`: the calendar date in China of an instant. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** `2026-11-29 08:05:03`: the wall time in China of an instant, as tables and exports show it. */
export function chinaDateTime(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** `20261129080503`: the wall time in China as a file-name stamp. */
export function chinaStamp(at: Date): string {
  return chinaDateTime(at).replace(/\D/g, '');
}

/** The instant a China calendar date (YYYY-MM-DD) begins: 00:00 +08:00. NaN date for a malformed one. */
export function chinaDayStart(date: string): Date {
  return new Date(/^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(`${date}T00:00:00+08:00`) : NaN);
}

/** The instant a China calendar date runs out: 00:00 +08:00 of the next day. */
export function chinaDayEnd(date: string): Date {
  return new Date(chinaDayStart(date).getTime() + DAY_MS);
}

/** The China calendar date as a UTC-midnight Date, for day arithmetic (weeks, months, quarters). */
export function chinaCalendarDay(at: Date): Date {
  const shifted = new Date(at.getTime() + CHINA_OFFSET_MS);
  return new Date(Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), shifted.getUTCDate()));
}

/** `wallTime` (`YYYY-MM-DD HH:mm[:ss]` or with a T) read as China time, as an ISO string with +08:00. */
export function chinaIso(wallTime: string): string {
  return `${wallTime.trim().replace(' ', 'T')}+08:00`;
}
