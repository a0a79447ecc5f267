import { describe, expect, it } from 'vitest';
import { chinaHolidayCalendar } from '../enforcement/holiday-calendar.ts';
import { licenceDeadlines, nextLicenceStep } from './licence-deadlines.ts';

// Hand-counted on the State Council arrangements for 2025 and 2026 (调休 weekends are working days).
describe('licence deadlines in working days', () => {
  it('counts across 国庆 2025 with the 9-28 (Sun) and 10-11 (Sat) 调休 working days', () => {
    // Fri 9-26 → Sun 9-28 (1), Mon 9-29 (2), Tue 9-30 (3), 10-1…10-8 off, Thu 10-9 (4), Fri 10-10 (5).
    const d = licenceDeadlines(
      'hazchem_trading',
      { submittedOn: '2025-09-26', acceptedOn: '2025-10-09' },
      chinaHolidayCalendar,
    );
    expect(d.acceptBy).toBe('2025-10-10');
    // From Thu 10-9: Fri 10-10 (1), Sat 10-11 (2), then 28 weekdays to Wed 11-19.
    expect(d.decideBy).toBe('2025-11-19');
    expect(d.limits).toEqual({ acceptWorkingDays: 5, decideWorkingDays: 30 });
    expect(d.provisional).toBe(false);
  });

  it('counts across 春节 2026 with the 2-14 and 2-28 (Sat) 调休 working days', () => {
    // Thu 2-12 → Fri 2-13 (1), Sat 2-14 (2), 2-15…2-23 off, Tue 2-24 (3), 2-25 (4), Thu 2-26 (5).
    const pending = licenceDeadlines(
      'other',
      { submittedOn: '2026-02-12', acceptedOn: null },
      chinaHolidayCalendar,
    );
    expect(pending.acceptBy).toBe('2026-02-26');
    // From Fri 2-13: Sat 2-14 (1), 2-24…2-27 (2–5), Sat 2-28 (6), three weeks of March to Thu 3-19 (20).
    const accepted = licenceDeadlines(
      'other',
      { submittedOn: '2026-02-12', acceptedOn: '2026-02-13' },
      chinaHolidayCalendar,
    );
    expect(accepted.decideBy).toBe('2026-03-19');
  });

  it('counts across 国庆 2026 with the 10-10 (Sat) 调休 working day', () => {
    // Wed 9-30 → 10-1…10-7 off, Thu 10-8 (1), Fri 10-9 (2), Sat 10-10 (3), Mon 10-12 (4), Tue 10-13 (5).
    const d = licenceDeadlines(
      'safety_production',
      { submittedOn: '2026-09-30', acceptedOn: null },
      chinaHolidayCalendar,
    );
    expect(d.acceptBy).toBe('2026-10-13');
    expect(d.limits.decideWorkingDays).toBe(45);
  });

  it('marks a count that runs past the calendar as provisional', () => {
    const d = licenceDeadlines(
      'safety_production',
      { submittedOn: '2026-12-30', acceptedOn: null },
      chinaHolidayCalendar,
    );
    expect(d.provisional).toBe(true);
  });

  it('walks submitted → accepted → reviewed → decided', () => {
    expect(nextLicenceStep('submitted')).toBe('accepted');
    expect(nextLicenceStep('accepted')).toBe('reviewed');
    expect(nextLicenceStep('reviewed')).toBe('decided');
    expect(nextLicenceStep('decided')).toBeNull();
  });
});
