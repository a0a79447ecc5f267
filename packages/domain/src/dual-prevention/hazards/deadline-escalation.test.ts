import { describe, expect, it } from 'vitest';
import {
  defaultHiddenHazardEscalationRules,
  evaluateHazardEscalation,
  type HiddenHazardEscalationInput,
} from './deadline-escalation.ts';
import type { HiddenHazardEscalationState } from './hidden-hazard-terms.ts';

// Deadline day 2025-03-31 (China Standard Time): it runs out at 2025-04-01 00:00 +08:00.
const at = (time: string) => new Date(`${time}+08:00`);
const general: HiddenHazardEscalationInput = {
  level: 'general',
  status: 'rectifying',
  source: 'self_check',
  deadline: '2025-03-31',
};
const major: HiddenHazardEscalationInput = { ...general, level: 'major' };

describe('evaluateHazardEscalation: the deadline ladder at each boundary', () => {
  it.each<[string, HiddenHazardEscalationState, number]>([
    ['2025-03-28T23:59:59.999', 'on_time', 0],
    ['2025-03-29T00:00:00.000', 'due_soon', 0],
    ['2025-03-31T23:59:59.999', 'due_soon', 0],
    ['2025-04-01T00:00:00.000', 'overdue', 0],
    ['2025-04-07T23:59:59.999', 'overdue', 6],
    ['2025-04-08T00:00:00.000', 'escalated_county', 7],
    ['2025-04-30T23:59:59.999', 'escalated_county', 29],
    ['2025-05-01T00:00:00.000', 'escalated_city', 30],
    ['2026-01-01T00:00:00.000', 'escalated_city', 275],
  ])('一般 (3 / 7 / 30 days) at %s: %s, %i days overdue', (time, state, daysOverdue) => {
    expect(evaluateHazardEscalation(general, at(time))).toMatchObject({ state, daysOverdue });
  });

  it.each<[string, HiddenHazardEscalationState]>([
    ['2025-03-24T23:59:59.999', 'on_time'],
    ['2025-03-25T00:00:00.000', 'due_soon'],
    ['2025-04-01T00:00:00.000', 'overdue'],
    ['2025-04-01T23:59:59.999', 'overdue'],
    ['2025-04-02T00:00:00.000', 'escalated_county'],
    ['2025-04-07T23:59:59.999', 'escalated_county'],
    ['2025-04-08T00:00:00.000', 'escalated_city'],
  ])('重大 (7 / 1 / 7 days) at %s: %s', (time, state) => {
    expect(evaluateHazardEscalation(major, at(time)).state).toBe(state);
  });

  it.each<[string, HiddenHazardEscalationInput['status'], string | undefined]>([
    ['closed', 'closed', '2025-03-31'],
    ['dismissed', 'dismissed', '2025-03-31'],
    ['reported without a deadline', 'reported', undefined],
  ])('stays quiet for a hazard %s', (_, status, deadline) => {
    expect(evaluateHazardEscalation({ ...general, status, deadline }, at('2025-06-01T00:00:00'))).toEqual({
      state: 'on_time',
      daysOverdue: 0,
      nextChangeAt: null,
      reminder: null,
    });
  });

  it('runs the clock on a notice deadline before any plan', () => {
    const result = evaluateHazardEscalation({ ...general, status: 'reported' }, at('2025-04-01T08:00:00'));
    expect(result.state).toBe('overdue');
  });
});

describe('reminders', () => {
  it.each<[string, HiddenHazardEscalationState, string[], string]>([
    ['2025-03-29T08:00:00', 'due_soon', ['enterprise'], '2025-03-29T00:00:00'],
    ['2025-04-02T08:00:00', 'overdue', ['enterprise'], '2025-04-01T00:00:00'],
    ['2025-04-09T08:00:00', 'escalated_county', ['enterprise', 'county'], '2025-04-08T00:00:00'],
    ['2025-05-09T08:00:00', 'escalated_city', ['enterprise', 'county', 'city'], '2025-05-01T00:00:00'],
  ])('at %s: one %s reminder to %j since the stage began', (time, kind, recipients, since) => {
    expect(evaluateHazardEscalation(general, at(time)).reminder).toEqual({
      key: `${kind}:2025-03-31`,
      kind,
      recipients,
      since: at(since),
    });
  });

  it('gives the same key all through a stage, so a worker sends it once', () => {
    const keys = ['2025-04-08T00:00:00', '2025-04-15T12:00:00', '2025-04-30T23:59:59'].map(
      (time) => evaluateHazardEscalation(general, at(time)).reminder?.key,
    );
    expect(new Set(keys)).toEqual(new Set(['escalated_county:2025-03-31']));
  });

  it('starts over with new keys after an extension', () => {
    const extended = { ...general, deadline: '2025-04-30' };
    expect(evaluateHazardEscalation(extended, at('2025-04-28T08:00:00')).reminder?.key).toBe(
      'due_soon:2025-04-30',
    );
  });

  it('tells the worker when to look again', () => {
    expect(evaluateHazardEscalation(general, at('2025-03-01T08:00:00')).nextChangeAt).toEqual(
      at('2025-03-29T00:00:00'),
    );
    expect(evaluateHazardEscalation(general, at('2025-04-02T08:00:00')).nextChangeAt).toEqual(
      at('2025-04-08T00:00:00'),
    );
    expect(evaluateHazardEscalation(general, at('2025-05-02T08:00:00')).nextChangeAt).toBeNull();
  });
});

describe('a listed hazard (挂牌督办)', () => {
  it.each<[string, 'county' | 'city', HiddenHazardEscalationState, string[]]>([
    ['2025-03-26T08:00:00', 'county', 'due_soon', ['enterprise', 'county']],
    ['2025-04-01T00:00:00', 'county', 'escalated_county', ['enterprise', 'county']],
    ['2025-04-08T00:00:00', 'county', 'escalated_city', ['enterprise', 'county', 'city']],
    ['2025-03-26T08:00:00', 'city', 'due_soon', ['enterprise', 'city']],
    ['2025-04-01T00:00:00', 'city', 'escalated_city', ['enterprise', 'county', 'city']],
  ])('at %s, listed by the %s: %s to %j', (time, supervisionLevel, state, recipients) => {
    const result = evaluateHazardEscalation({ ...major, supervisionLevel }, at(time));
    expect([result.state, result.reminder?.recipients]).toEqual([state, recipients]);
  });
});

describe('the acceptance review clock (on-site review within 10 days, standards.md §4.6)', () => {
  const pending: HiddenHazardEscalationInput = {
    ...major,
    status: 'pending_acceptance',
    submittedAt: at('2025-04-10T15:00:00'),
  };

  it('stops the deadline clock once the rectification is submitted', () => {
    const result = evaluateHazardEscalation(pending, at('2025-04-20T14:59:59.999'));
    expect(result).toEqual({
      state: 'on_time',
      daysOverdue: 0,
      nextChangeAt: at('2025-04-20T15:00:00'),
      reminder: null,
    });
  });

  it.each<[HiddenHazardEscalationInput, string[]]>([
    [pending, ['county', 'city']],
    [{ ...pending, supervisionLevel: 'city' }, ['city']],
    [{ ...pending, level: 'general' }, ['enterprise']],
    [{ ...pending, level: 'general', source: 'inspection' }, ['inspector', 'county', 'city']],
  ])('reminds the reviewers %# after exactly 10 days', (input, recipients) => {
    expect(evaluateHazardEscalation(input, at('2025-04-20T15:00:00')).reminder).toEqual({
      key: 'review_overdue:2025-04-10T07:00:00.000Z',
      kind: 'review_overdue',
      recipients,
      since: at('2025-04-20T15:00:00'),
    });
  });
});

describe('configurable thresholds', () => {
  const rules = {
    ...defaultHiddenHazardEscalationRules,
    general: { dueSoonDays: 1, countyAfterDays: 0, cityAfterDays: 2 },
  };

  it.each<[string, HiddenHazardEscalationState]>([
    ['2025-03-30T23:59:59.999', 'on_time'],
    ['2025-03-31T00:00:00.000', 'due_soon'],
    ['2025-04-01T00:00:00.000', 'escalated_county'],
    ['2025-04-03T00:00:00.000', 'escalated_city'],
  ])('uses the bureau’s days: at %s %s', (time, state) => {
    expect(evaluateHazardEscalation(general, at(time), rules).state).toBe(state);
  });

  it.each([
    {
      ...defaultHiddenHazardEscalationRules,
      general: { dueSoonDays: 3, countyAfterDays: 8, cityAfterDays: 7 },
    },
    {
      ...defaultHiddenHazardEscalationRules,
      major: { dueSoonDays: -1, countyAfterDays: 1, cityAfterDays: 7 },
    },
    {
      ...defaultHiddenHazardEscalationRules,
      major: { dueSoonDays: 1.5, countyAfterDays: 1, cityAfterDays: 7 },
    },
    { ...defaultHiddenHazardEscalationRules, acceptanceReviewDays: 0 },
  ])('refuses inconsistent thresholds %#', (bad) => {
    expect(() => evaluateHazardEscalation(general, at('2025-04-01T00:00:00'), bad)).toThrow(
      'hazard.escalation_rules_invalid',
    );
  });
});
