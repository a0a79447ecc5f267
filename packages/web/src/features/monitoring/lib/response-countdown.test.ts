import { describe, expect, it } from 'vitest';
import { formatDuration, responseCountdown } from './response-countdown.ts';

const deadline = '2026-11-29T02:30:00Z';
const at = (iso: string) => new Date(iso);

describe('formatDuration', () => {
  it.each([
    [0, '00:00'],
    [59, '00:59'],
    [60, '01:00'],
    [1799, '29:59'],
    [3599, '59:59'],
    [3600, '1:00:00'],
    [3723, '1:02:03'],
    [-5, '00:00'],
  ])('%i s → %s', (seconds, text) => expect(formatDuration(seconds)).toBe(text));
});

describe('responseCountdown', () => {
  it('counts down the 30 minutes from firing', () => {
    expect(responseCountdown(deadline, at('2026-11-29T02:00:00Z'))).toEqual({
      secondsLeft: 1800,
      secondsOver: 0,
      overdue: false,
      urgent: false,
      text: '30:00',
    });
  });

  it('rounds a part second up, so 00:00 is never shown while time remains', () => {
    expect(responseCountdown(deadline, at('2026-11-29T02:29:59.500Z')).text).toBe('00:01');
    expect(responseCountdown(deadline, at('2026-11-29T02:29:59.500Z')).overdue).toBe(false);
  });

  it('is urgent from five minutes left', () => {
    expect(responseCountdown(deadline, at('2026-11-29T02:24:59Z')).urgent).toBe(false);
    expect(responseCountdown(deadline, at('2026-11-29T02:25:00Z')).urgent).toBe(true);
  });

  it('is overdue exactly at the deadline and then counts the time over', () => {
    expect(responseCountdown(deadline, at('2026-11-29T02:30:00Z'))).toMatchObject({
      overdue: true,
      secondsOver: 0,
      text: '00:00',
    });
    expect(responseCountdown(new Date(deadline), Date.parse('2026-11-29T03:31:05Z'))).toMatchObject({
      overdue: true,
      secondsLeft: 0,
      secondsOver: 3665,
      text: '1:01:05',
    });
  });
});
