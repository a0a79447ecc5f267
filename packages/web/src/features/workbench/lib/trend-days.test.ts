import { describe, expect, it } from 'vitest';
import { trendDays } from './trend-days.ts';

describe('trendDays', () => {
  it('names the 30 days of a trend, oldest first, ending today, across a month end', () => {
    const days = trendDays('2026-12-01');
    expect(days).toHaveLength(30);
    expect(days[0]).toBe('2026-11-02');
    expect(days.slice(-2)).toEqual(['2026-11-30', '2026-12-01']);
  });
});
