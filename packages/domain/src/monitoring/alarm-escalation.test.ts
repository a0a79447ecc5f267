import { describe, expect, it } from 'vitest';
import type { AlarmStatus } from './alarm.schema.ts';
import { type AlarmEscalationState, evaluateAlarmEscalation } from './alarm-escalation.ts';
import { thrownCode } from './monitoring.test-fixtures.ts';

const cst = (time: string) => new Date(`${time}+08:00`);
const firedAt = cst('2025-06-02T08:00:00');
const firing = { status: 'firing' as const, firedAt };

describe('evaluateAlarmEscalation: 30 min → county, 30 more → city', () => {
  it.each<[string, AlarmEscalationState, string | null]>([
    ['2025-06-02T08:00:00', 'awaiting_response', '2025-06-02T08:30:00'],
    ['2025-06-02T08:29:59.999', 'awaiting_response', '2025-06-02T08:30:00'],
    ['2025-06-02T08:30:00', 'escalated_county', '2025-06-02T09:00:00'],
    ['2025-06-02T08:59:59.999', 'escalated_county', '2025-06-02T09:00:00'],
    ['2025-06-02T09:00:00', 'escalated_city', null],
    ['2025-06-03T09:00:00', 'escalated_city', null],
  ])('at %s: %s, next look at %s', (time, state, next) => {
    const result = evaluateAlarmEscalation(firing, cst(time));
    expect(result.state).toBe(state);
    expect(result.nextChangeAt).toEqual(next === null ? null : cst(next));
    expect(result.respondBy).toEqual(cst('2025-06-02T08:30:00'));
  });

  it.each<[string, 'escalated_county' | 'escalated_city', string[], string]>([
    ['2025-06-02T08:45:00', 'escalated_county', ['enterprise', 'county'], '2025-06-02T08:30:00'],
    ['2025-06-02T10:00:00', 'escalated_city', ['enterprise', 'county', 'city'], '2025-06-02T09:00:00'],
  ])('at %s one %s reminder to %j, the same key all through the stage', (time, kind, recipients, since) => {
    const reminder = { key: `${kind}:2025-06-02T00:00:00.000Z`, kind, recipients, since: cst(since) };
    expect(evaluateAlarmEscalation(firing, cst(time)).reminder).toEqual(reminder);
    expect(evaluateAlarmEscalation(firing, new Date(cst(time).getTime() + 60_000)).reminder?.key).toBe(
      reminder.key,
    );
  });

  it.each<[AlarmStatus, Date | undefined, AlarmEscalationState]>([
    ['acknowledged', cst('2025-06-02T08:10:00'), 'responded'],
    ['handling', cst('2025-06-02T08:40:00'), 'responded'],
    ['cleared', undefined, 'none'],
    ['closed', cst('2025-06-02T08:05:00'), 'responded'],
  ])('stops once the alarm is %s', (status, acknowledgedAt, state) => {
    const result = evaluateAlarmEscalation({ status, firedAt, acknowledgedAt }, cst('2025-06-02T10:00:00'));
    expect(result).toMatchObject({ state, nextChangeAt: null, reminder: null });
  });

  it('does not run while pending', () => {
    expect(evaluateAlarmEscalation({ status: 'pending' }, cst('2025-06-02T10:00:00'))).toEqual({
      state: 'none',
      respondBy: null,
      nextChangeAt: null,
      reminder: null,
    });
  });

  it('takes configured times', () => {
    const rules = { responseMinutes: 10, cityAfterMinutes: 0 };
    expect(evaluateAlarmEscalation(firing, cst('2025-06-02T08:09:59'), rules).state).toBe(
      'awaiting_response',
    );
    expect(evaluateAlarmEscalation(firing, cst('2025-06-02T08:10:00'), rules).state).toBe('escalated_city');
  });

  it.each([
    { responseMinutes: 0, cityAfterMinutes: 30 },
    { responseMinutes: 30, cityAfterMinutes: -1 },
    { responseMinutes: 7.5, cityAfterMinutes: 30 },
  ])('refuses %j', (rules) => {
    expect(thrownCode(() => evaluateAlarmEscalation(firing, firedAt, rules))).toBe(
      'monitoring.escalation_rules_invalid',
    );
  });
});
