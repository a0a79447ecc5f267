import { describe, expect, it } from 'vitest';
import { latePaymentSurcharge } from './late-payment.ts';
import { earliestHearingDate, penaltyCaseDeadlines } from './penalty-case-deadlines.ts';
import {
  at,
  calendar,
  decided,
  executed,
  filed,
  hearingRequested,
  investigating,
  largeFine,
  notified,
  served,
  step,
  head,
} from './penalty-case.test-fixtures.ts';
import type { PenaltyCaseState } from './penalty-case-state.ts';

const summary = (state: PenaltyCaseState, now: Date) =>
  penaltyCaseDeadlines(state, { now, calendar }).map((d) => [d.kind, d.dueDate, d.overdue, d.provisional]);

describe('deadlines by status, with an injected clock', () => {
  it.each<[string, () => PenaltyCaseState, Date, (string | boolean)[][]]>([
    [
      'filed: decision within 90 days of filing',
      filed,
      at('2026-03-02'),
      [['decision', '2026-05-31', false, false]],
    ],
    ['investigating', investigating, at('2026-05-31', '23:59'), [['decision', '2026-05-31', false, false]]],
    [
      'decision overdue from 00:00 the day after',
      investigating,
      at('2026-06-01', '00:00'),
      [['decision', '2026-05-31', true, false]],
    ],
    [
      'notified, small fine: statement 3 working days, no hearing period',
      () => notified(),
      at('2026-03-16'),
      [
        ['decision', '2026-05-31', false, false],
        ['statement', '2026-03-19', false, false],
      ],
    ],
    [
      'notified, large fine: hearing request 5 working days',
      () => notified(largeFine),
      at('2026-03-20'),
      [
        ['decision', '2026-05-31', false, false],
        ['statement', '2026-03-19', true, false],
        ['hearing_request', '2026-03-23', false, false],
      ],
    ],
    [
      'hearing: only the decision period runs',
      hearingRequested,
      at('2026-03-20'),
      [['decision', '2026-05-31', false, false]],
    ],
    [
      'decided, not served: 7 working days to serve',
      decided,
      at('2026-03-24'),
      [['decision_service', '2026-04-02', false, false]],
    ],
    [
      'served: payment, appeals and the court-enforcement window',
      served,
      at('2026-03-25'),
      [
        ['payment', '2026-04-09', false, false],
        ['reconsideration', '2026-05-25', false, false],
        ['litigation', '2026-09-28', false, false],
        ['enforcement_application', '2026-12-28', false, false],
      ],
    ],
    ['executed: nothing runs', executed, at('2026-04-03'), []],
  ])('%s', (_name, state, now, expected) => {
    expect(summary(state(), now)).toEqual(expected);
  });

  it("moves party periods that end on a day off to the next working day, not the authority's own", () => {
    // Served 2026-03-25: 60 days end on Sunday 05-24 → 05-25; 6 months end on 中秋 09-25 → 09-28.
    const deadlines = penaltyCaseDeadlines(served(), { now: at('2026-03-25'), calendar });
    expect(deadlines.find((d) => d.kind === 'reconsideration')?.dueDate).toBe('2026-05-25');
    expect(deadlines.find((d) => d.kind === 'litigation')?.dueDate).toBe('2026-09-28');
    // The decision period is the bureau's: filed 2026-03-02 + 90 days is Sunday 05-31, and stays there.
    expect(penaltyCaseDeadlines(filed(), { now: at('2026-03-02'), calendar })[0]?.dueDate).toBe('2026-05-31');
  });

  it('rolls the payment day past a holiday and shows its basis', () => {
    // Served Thursday 2026-09-10: day 15 is Friday 09-25, 中秋 → Monday 09-28.
    const state: PenaltyCaseState = {
      ...served(),
      decision: { ...served().decision!, servedOn: '2026-09-10' },
    };
    const payment = penaltyCaseDeadlines(state, { now: at('2026-09-28', '23:00'), calendar }).find(
      (d) => d.kind === 'payment',
    )!;
    expect(payment).toMatchObject({
      countsFrom: '2026-09-10',
      dueDate: '2026-09-28',
      overdue: false,
      provisional: false,
    });
    expect(payment.endsAt.toISOString()).toBe('2026-09-28T16:00:00.000Z');
    expect(payment.limit).toMatchObject({ amount: 15, unit: 'calendar_days', verification: 'M' });
    expect(payment.limit.basisZh).toContain('第六十七条');
  });

  it('adds approved extensions to the decision period', () => {
    const extended = step(
      investigating(),
      { action: 'extend_decision_period', days: 30, reason: '需要检测检验' },
      head,
      at('2026-05-20'),
    );
    expect(summary(extended, at('2026-06-15'))).toEqual([['decision', '2026-06-30', false, false]]);
  });

  it('counts the notice periods across 劳动节', () => {
    const servedBeforeHoliday: PenaltyCaseState = {
      ...notified(largeFine),
      notice: { ...notified(largeFine).notice!, servedOn: '2026-04-30' },
    };
    expect(summary(servedBeforeHoliday, at('2026-05-08'))).toEqual([
      ['decision', '2026-05-31', false, false],
      ['statement', '2026-05-08', false, false],
      ['hearing_request', '2026-05-11', false, false],
    ]);
  });

  it('marks a deadline provisional when it runs past the holiday calendar', () => {
    const lateServed: PenaltyCaseState = {
      ...served(),
      decision: { ...served().decision!, servedOn: '2026-12-20' },
    };
    const deadlines = penaltyCaseDeadlines(lateServed, { now: at('2026-12-21'), calendar });
    expect(deadlines.find((d) => d.kind === 'payment')).toMatchObject({
      dueDate: '2027-01-04',
      provisional: true,
    });
  });

  it('gives the earliest hearing date, 7 working days after telling the party', () => {
    expect(earliestHearingDate('2026-03-19', calendar)).toBe('2026-03-30');
    expect(earliestHearingDate('2026-09-24', calendar)).toBe('2026-10-12');
  });
});

describe('加处罚款 for late payment', () => {
  it.each<[string, string, string, number, bigint, boolean]>([
    ['paid on the last day', '30000', '2026-04-09', 0, 0n, false],
    ['paid a day late', '30000', '2026-04-10', 1, 90_000n, false],
    ['ten days late', '30000', '2026-04-19', 10, 900_000n, false],
    ['33 days late: 99 %', '30000', '2026-05-12', 33, 2_970_000n, false],
    ['34 days late: capped at the fine', '30000', '2026-05-13', 34, 3_000_000n, true],
    ['fractions of a fen dropped', '0.33', '2026-04-10', 1, 0n, false],
  ])('%s', (_name, fine, paidOn, days, surchargeFen, capped) => {
    expect(latePaymentSurcharge(fine, '2026-04-09', paidOn)).toEqual({
      daysLate: days,
      surchargeFen,
      capped,
    });
  });
});
