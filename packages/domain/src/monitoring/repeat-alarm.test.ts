import { describe, expect, it } from 'vitest';
import { thrownCode } from './monitoring.test-fixtures.ts';
import { evaluateRepeatedAlarm } from './repeat-alarm.ts';

const cst = (time: string) => new Date(`${time}+08:00`);
const now = cst('2025-06-03T08:00:00');

describe('evaluateRepeatedAlarm: 3 firings within 24 h open a hidden hazard', () => {
  it.each<[string, string[], boolean, number]>([
    ['two firings', ['2025-06-02T09:00:00', '2025-06-03T07:00:00'], false, 2],
    ['three firings', ['2025-06-02T09:00:00', '2025-06-02T20:00:00', '2025-06-03T07:00:00'], true, 3],
    [
      'one exactly 24 h old does not count',
      ['2025-06-02T08:00:00', '2025-06-02T20:00:00', '2025-06-03T07:00:00'],
      false,
      2,
    ],
    [
      'one 24 h less 1 ms old counts',
      ['2025-06-02T08:00:00.001', '2025-06-02T20:00:00', '2025-06-03T07:00:00'],
      true,
      3,
    ],
    [
      'a third firing exactly now counts',
      ['2025-06-02T09:00:00', '2025-06-02T20:00:00', '2025-06-03T08:00:00'],
      true,
      3,
    ],
    [
      'a firing after now is ignored',
      ['2025-06-02T09:00:00', '2025-06-02T20:00:00', '2025-06-03T08:00:01'],
      false,
      2,
    ],
  ])('%s → open %s (%i counted)', (_, times, open, count) => {
    const result = evaluateRepeatedAlarm(times.map(cst), now);
    expect([result.openHazard, result.count]).toEqual([open, count]);
    expect(result.windowStart).toEqual(cst('2025-06-02T08:00:00'));
  });

  it('gives a key from the firing that completed the count, whatever the order given', () => {
    const times = [
      '2025-06-03T07:00:00',
      '2025-06-02T09:00:00',
      '2025-06-02T20:00:00',
      '2025-06-03T07:30:00',
    ];
    expect(evaluateRepeatedAlarm(times.map(cst), now).key).toBe('repeat:2025-06-02T23:00:00.000Z');
  });

  it('does not count firings already turned into a hazard', () => {
    const times = ['2025-06-02T09:00:00', '2025-06-02T20:00:00', '2025-06-03T07:00:00'].map(cst);
    const result = evaluateRepeatedAlarm(times, now, { lastHazardOpenedAt: cst('2025-06-02T20:00:00') });
    expect(result).toMatchObject({ openHazard: false, count: 1, key: null });
  });

  it('takes another count and period', () => {
    const times = ['2025-06-01T09:00:00', '2025-06-03T07:00:00'].map(cst);
    expect(evaluateRepeatedAlarm(times, now, { rules: { count: 2, periodHours: 72 } }).openHazard).toBe(true);
  });

  it.each([
    { count: 1, periodHours: 24 },
    { count: 3, periodHours: 0 },
    { count: 3, periodHours: 1.5 },
  ])('refuses %j', (rules) => {
    expect(thrownCode(() => evaluateRepeatedAlarm([], now, { rules }))).toBe(
      'monitoring.repeat_rules_invalid',
    );
  });
});
