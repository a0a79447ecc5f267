import { describe, expect, it } from 'vitest';
import {
  chinaCalendarDay,
  chinaDate,
  chinaDateTime,
  chinaDayEnd,
  chinaDayStart,
  chinaIso,
  chinaStamp,
} from './china-time.ts';

describe('China Standard Time', () => {
  it('dates an instant by the China calendar: 16:00 UTC is already the next day', () => {
    expect(chinaDate(new Date('2026-06-30T15:59:59Z'))).toBe('2026-06-30');
    expect(chinaDate(new Date('2026-06-30T16:00:00Z'))).toBe('2026-07-01');
  });

  it('shows wall time and file stamps in China time', () => {
    const at = new Date('2026-11-29T00:05:03Z');
    expect(chinaDateTime(at)).toBe('2026-11-29 08:05:03');
    expect(chinaStamp(at)).toBe('20261129080503');
  });

  it('starts and ends a China day at 00:00 +08:00', () => {
    expect(chinaDayStart('2025-03-31').toISOString()).toBe('2025-03-30T16:00:00.000Z');
    expect(chinaDayEnd('2025-03-31').toISOString()).toBe('2025-03-31T16:00:00.000Z');
    expect(Number.isNaN(chinaDayStart('2025-3-31').getTime())).toBe(true);
  });

  it('gives the calendar day as UTC midnight for day arithmetic', () => {
    expect(chinaCalendarDay(new Date('2026-01-04T17:00:00Z')).toISOString()).toBe('2026-01-05T00:00:00.000Z');
  });

  it('reads a wall time as China time', () => {
    expect(chinaIso('2026-07-01 09:30')).toBe('2026-07-01T09:30+08:00');
    expect(new Date(chinaIso('2026-07-01 09:30')).toISOString()).toBe('2026-07-01T01:30:00.000Z');
  });
});
