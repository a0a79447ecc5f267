import { describe, expect, it } from 'vitest';
import { nextReportingStep, reportingCountdown } from './incident-deadlines.ts';

const latestAt = '2026-11-29T03:00:00.000Z';
const at = (iso: string) => new Date(iso).getTime();

describe('reportingCountdown', () => {
  it('counts down to the latest lawful time', () => {
    expect(
      reportingCountdown({ id: 'county_to_city', latestAt, sentAt: null }, at('2026-11-29T01:17:55Z')),
    ).toEqual({
      state: 'running',
      remainingMs: 6_125_000,
      text: '1:42:05',
      overdueDays: null,
    });
  });

  it('turns due-soon in the last 15 minutes, the last partial second still counting', () => {
    const countdown = reportingCountdown({ id: 's', latestAt, sentAt: null }, at('2026-11-29T02:45:00Z'));
    expect(countdown.state).toBe('due_soon');
    expect(countdown.text).toBe('0:15:00');
    expect(reportingCountdown({ id: 's', latestAt, sentAt: null }, at('2026-11-29T02:59:59.400Z')).text).toBe(
      '0:00:01',
    );
  });

  it('is overdue exactly at the deadline and counts the time past it', () => {
    expect(reportingCountdown({ id: 's', latestAt, sentAt: null }, at(latestAt)).state).toBe('overdue');
    expect(reportingCountdown({ id: 's', latestAt, sentAt: null }, at('2026-11-29T04:03:00Z'))).toEqual({
      state: 'overdue',
      remainingMs: -3_780_000,
      text: '1:03:00',
      overdueDays: null,
    });
    // Missed by 2 days and 5 hours (and some minutes): days and hours.
    expect(
      reportingCountdown({ id: 's', latestAt, sentAt: null }, at('2026-12-01T08:30:00Z')).overdueDays,
    ).toEqual({ days: 2, hours: 5 });
  });

  it('stops once the report is sent, late or not', () => {
    expect(
      reportingCountdown({ id: 's', latestAt, sentAt: '2026-11-29T03:10:00Z' }, at('2026-11-29T05:00:00Z')),
    ).toEqual({ state: 'sent', remainingMs: 0, text: '', overdueDays: null });
  });
});

describe('nextReportingStep', () => {
  it('is the first step not yet sent', () => {
    const steps = [
      { id: 'a', latestAt, sentAt: 'x' },
      { id: 'b', latestAt, sentAt: null },
      { id: 'c', latestAt, sentAt: null },
    ];
    expect(nextReportingStep(steps)?.id).toBe('b');
    expect(nextReportingStep(steps.slice(0, 1))).toBeNull();
  });
});
