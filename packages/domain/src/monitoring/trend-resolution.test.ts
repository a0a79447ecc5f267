import { describe, expect, it } from 'vitest';
import { trendBucketSeconds, trendResolution } from './trend-resolution.ts';

const HOUR = 3_600_000;
const DAY = 86_400_000;

describe('trend resolution', () => {
  it('reads raw readings up to 6 hours, minutes up to 7 days, hours beyond', () => {
    expect(trendResolution(HOUR)).toBe('raw');
    expect(trendResolution(6 * HOUR)).toBe('raw');
    expect(trendResolution(6 * HOUR + 1)).toBe('minute');
    expect(trendResolution(DAY)).toBe('minute');
    expect(trendResolution(7 * DAY)).toBe('minute');
    expect(trendResolution(7 * DAY + 1)).toBe('hour');
    expect(trendResolution(90 * DAY)).toBe('hour');
  });

  it('re-buckets beyond 2,000 rows into about 1,000 whole steps of the resolution', () => {
    expect(trendBucketSeconds('raw', HOUR, 2_000)).toBe(0);
    expect(trendBucketSeconds('raw', 6 * HOUR, 21_600)).toBe(22);
    // 7 days of minutes: 10,080 rows → 11-minute buckets (605 s rounded up to whole minutes).
    expect(trendBucketSeconds('minute', 7 * DAY, 10_080)).toBe(660);
    // 90 days of hours: 2,160 rows → 3-hour buckets (7,776 s rounded up to whole hours).
    expect(trendBucketSeconds('hour', 90 * DAY, 2_160)).toBe(10_800);
    expect(trendBucketSeconds('hour', 30 * DAY, 720)).toBe(0);
  });
});
