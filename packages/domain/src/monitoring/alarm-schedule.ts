/*
 * When an alarm rule is armed. Times are China Standard Time (Asia/Shanghai): UTC+8 all year, no
 * daylight saving since 1991, so local time is plain arithmetic and needs no time-zone database.
 */

/** One weekly window: on each of `days` (ISO, 1 = Monday … 7 = Sunday) from `start` until `end`. */
export interface AlarmScheduleWindow {
  readonly days: readonly number[];
  /** "HH:MM", inclusive. */
  readonly start: string;
  /** "HH:MM" or "24:00", exclusive; not after `start` means the window runs past midnight. */
  readonly end: string;
}

export interface AlarmSchedule {
  readonly windows: readonly AlarmScheduleWindow[];
}

const minute = 60_000;
const day = 86_400_000;
const chinaOffset = 8 * 3_600_000;

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Start of the China calendar day containing `ms`, as epoch ms. */
const localMidnight = (ms: number) => Math.floor((ms + chinaOffset) / day) * day - chinaOffset;

/** ISO weekday (1 = Monday) of the China calendar day starting at `midnight`. */
const isoWeekday = (midnight: number) => ((new Date(midnight + chinaOffset).getUTCDay() + 6) % 7) + 1;

function windowCovers(window: AlarmScheduleWindow, ms: number): boolean {
  const midnight = localMidnight(ms);
  const sinceMidnight = ms - midnight;
  const start = minutesOf(window.start) * minute;
  const end = minutesOf(window.end) * minute;
  const today = window.days.includes(isoWeekday(midnight));
  if (end > start) return today && sinceMidnight >= start && sinceMidnight < end;
  const yesterday = window.days.includes(isoWeekday(midnight - day));
  return (today && sinceMidnight >= start) || (yesterday && sinceMidnight < end);
}

/** Whether a rule with this schedule is armed at `at`; always when there is no schedule. */
export function isScheduleActive(schedule: AlarmSchedule | undefined, at: Date): boolean {
  if (!schedule) return true;
  return schedule.windows.some((window) => windowCovers(window, at.getTime()));
}

/** The first instant after `after` at which the schedule turns on or off; null if it never does. */
export function nextScheduleChange(schedule: AlarmSchedule | undefined, after: Date): Date | null {
  if (!schedule) return null;
  const from = after.getTime();
  const active = isScheduleActive(schedule, after);
  const firstMidnight = localMidnight(from);
  const candidates: number[] = [];
  for (let offset = 0; offset <= 8; offset += 1) {
    const midnight = firstMidnight + offset * day;
    for (const window of schedule.windows) {
      candidates.push(midnight + minutesOf(window.start) * minute, midnight + minutesOf(window.end) * minute);
    }
  }
  const change = candidates
    .filter((ms) => ms > from)
    .sort((a, b) => a - b)
    .find((ms) => isScheduleActive(schedule, new Date(ms)) !== active);
  return change === undefined ? null : new Date(change);
}
