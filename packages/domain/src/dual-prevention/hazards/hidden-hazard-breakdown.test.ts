import { describe, expect, it } from 'vitest';
import { breakDownHiddenHazards, type HiddenHazardBreakdownInput } from './hidden-hazard-breakdown.ts';

const base: HiddenHazardBreakdownInput = {
  level: 'general',
  status: 'rectifying',
  escalation: 'on_time',
  county: '530402',
  sectors: ['hazchem'],
};

describe('breakDownHiddenHazards', () => {
  it('counts open, closed and overdue per level, county and sector', () => {
    const result = breakDownHiddenHazards([
      { ...base, escalation: 'escalated_city' },
      { ...base, level: 'major', county: '530403', sectors: [] },
      { ...base, status: 'closed', sectors: ['hazchem', 'mines', 'hazchem'] },
      // Past its deadline but submitted: not counted as overdue (the deadline clock stopped).
      { ...base, status: 'pending_acceptance', escalation: 'on_time' },
    ]);
    expect(result.overdue).toEqual({ general: 1, major: 0, total: 1 });
    expect(result.closed).toEqual({ general: 1, major: 0, total: 1 });
    expect(result.byLevel.major).toEqual({ total: 1, open: 1, closed: 0, overdue: 0 });
    expect(result.byCounty).toEqual([
      { key: '530402', total: 3, open: 2, closed: 1, overdue: 1 },
      { key: '530403', total: 1, open: 1, closed: 0, overdue: 0 },
    ]);
    expect(result.bySector).toEqual([
      { key: '', total: 1, open: 1, closed: 0, overdue: 0 },
      { key: 'hazchem', total: 3, open: 2, closed: 1, overdue: 1 },
      { key: 'mines', total: 1, open: 0, closed: 1, overdue: 0 },
    ]);
  });

  it('rates: 整改率 without dismissed hazards; 按期 up to the last instant of the deadline day', () => {
    const closed = { ...base, status: 'closed' as const, deadline: '2025-03-31' };
    const result = breakDownHiddenHazards([
      { ...closed, submittedAt: new Date('2025-03-31T23:59:59.999+08:00') },
      { ...closed, submittedAt: new Date('2025-04-01T00:00:00.000+08:00') },
      { ...closed, deadline: undefined },
      { ...base },
      { ...base, status: 'dismissed' },
    ]);
    expect(result.rectificationRate).toEqual({ numerator: 3, denominator: 4, rate: 0.75 });
    expect(result.onTimeRate).toEqual({ numerator: 1, denominator: 2, rate: 0.5 });
    expect(breakDownHiddenHazards([]).onTimeRate).toEqual({ numerator: 0, denominator: 0, rate: null });
  });
});
