import { describe, expect, it } from 'vitest';
import { alarmScheduleSchema } from './alarm-rule.schema.ts';
import { type AlarmSchedule, isScheduleActive, nextScheduleChange } from './alarm-schedule.ts';

const cst = (time: string) => new Date(`${time}+08:00`);
// 2025-06-06 is a Friday.
const weekdays: AlarmSchedule = { windows: [{ days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' }] };
const fridayNights: AlarmSchedule = { windows: [{ days: [5], start: '22:00', end: '06:00' }] };
const allDay: AlarmSchedule = { windows: [{ days: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '24:00' }] };

describe('isScheduleActive (China Standard Time, start inclusive, end exclusive)', () => {
  it.each<[AlarmSchedule | undefined, string, boolean]>([
    [undefined, '2025-06-07T03:00:00', true],
    [weekdays, '2025-06-06T07:59:59.999', false],
    [weekdays, '2025-06-06T08:00:00', true],
    [weekdays, '2025-06-06T17:59:59.999', true],
    [weekdays, '2025-06-06T18:00:00', false],
    [weekdays, '2025-06-07T10:00:00', false],
    [fridayNights, '2025-06-06T21:59:59', false],
    [fridayNights, '2025-06-06T22:00:00', true],
    [fridayNights, '2025-06-07T05:59:59', true],
    [fridayNights, '2025-06-07T06:00:00', false],
    [fridayNights, '2025-06-07T23:00:00', false],
    [allDay, '2025-06-08T23:59:59.999', true],
  ])('%j at %s: %s', (schedule, time, active) => {
    expect(isScheduleActive(schedule, cst(time))).toBe(active);
  });

  it('uses China time, not UTC: 08:00 +08:00 is 00:00 UTC', () => {
    expect(isScheduleActive(weekdays, new Date('2025-06-06T00:00:00Z'))).toBe(true);
  });
});

describe('nextScheduleChange', () => {
  it.each<[AlarmSchedule, string, string | null]>([
    [weekdays, '2025-06-06T12:00:00', '2025-06-06T18:00:00'],
    [weekdays, '2025-06-06T18:00:00', '2025-06-09T08:00:00'],
    [fridayNights, '2025-06-06T23:00:00', '2025-06-07T06:00:00'],
    [allDay, '2025-06-06T12:00:00', null],
  ])('%j after %s: %s', (schedule, time, next) => {
    expect(nextScheduleChange(schedule, cst(time))).toEqual(next === null ? null : cst(next));
  });
});

describe('alarmScheduleSchema', () => {
  it.each<[unknown, boolean]>([
    [weekdays, true],
    [allDay, true],
    [{ windows: [{ days: [8], start: '08:00', end: '18:00' }] }, false],
    [{ windows: [{ days: [1], start: '08:00', end: '08:00' }] }, false],
    [{ windows: [{ days: [1], start: '24:00', end: '08:00' }] }, false],
    [{ windows: [] }, false],
  ])('%j valid: %s', (input, valid) => {
    expect(alarmScheduleSchema.safeParse(input).success).toBe(valid);
  });
});
