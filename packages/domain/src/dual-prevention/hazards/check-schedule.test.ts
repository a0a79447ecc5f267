import { describe, expect, it } from 'vitest';
import { checkPeriod } from './check-schedule.ts';

describe('check periods (China Standard Time)', () => {
  it.each([
    // 2026-11-29 15:59:59Z is 23:59:59 on the 29th in Beijing; one second later it is the 30th.
    ['daily', '2026-11-29T15:59:59Z', { key: '2026-11-29', start: '2026-11-29', due: '2026-11-29' }],
    ['daily', '2026-11-29T16:00:00Z', { key: '2026-11-30', start: '2026-11-30', due: '2026-11-30' }],
    ['weekly', '2026-11-29T10:00:00Z', { key: '2026-W48', start: '2026-11-23', due: '2026-11-29' }],
    ['weekly', '2026-11-29T16:00:00Z', { key: '2026-W49', start: '2026-11-30', due: '2026-12-06' }],
    // 2027-01-01 is a Friday: it belongs to the last ISO week of 2026 (W53).
    ['weekly', '2027-01-01T04:00:00Z', { key: '2026-W53', start: '2026-12-28', due: '2027-01-03' }],
    ['monthly', '2026-02-15T00:00:00Z', { key: '2026-02', start: '2026-02-01', due: '2026-02-28' }],
    ['monthly', '2028-02-15T00:00:00Z', { key: '2028-02', start: '2028-02-01', due: '2028-02-29' }],
    ['quarterly', '2026-11-29T00:00:00Z', { key: '2026-Q4', start: '2026-10-01', due: '2026-12-31' }],
    ['quarterly', '2026-03-31T15:59:59Z', { key: '2026-Q1', start: '2026-01-01', due: '2026-03-31' }],
    ['quarterly', '2026-03-31T16:00:00Z', { key: '2026-Q2', start: '2026-04-01', due: '2026-06-30' }],
  ] as const)('%s at %s', (frequency, at, expected) => {
    expect(checkPeriod(frequency, new Date(at))).toEqual(expected);
  });
});
