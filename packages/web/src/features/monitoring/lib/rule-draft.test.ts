import { describe, expect, it } from 'vitest';
import { alarmRuleSchema, defaultAlarmRules, type AlarmRule } from '@anjian/domain';
import {
  draftFromRule,
  emptyRuleDraft,
  newScheduleWindow,
  ruleDraftProblems,
  ruleFromDraft,
  suggestedRuleId,
  type RuleDraft,
} from './rule-draft.ts';

const draft = (change: Partial<RuleDraft>): RuleDraft => ({ ...emptyRuleDraft('liquid_level'), ...change });

describe('the alarm-rule form', () => {
  it('makes "above H for 60 s" for a type, without version or unused fields', () => {
    const rule = ruleFromDraft(draft({ id: 'liquid_level.h.duration', kind: 'duration', level: 'H' }));
    expect(rule).toEqual({
      id: 'liquid_level.h.duration',
      scope: { kind: 'type', type: 'liquid_level' },
      kind: 'duration',
      level: 'H',
      holdSeconds: 60,
    });
    expect(ruleDraftProblems(draft({ id: 'liquid_level.h.duration' }))).toEqual([]);
  });

  it('makes a point rule of each kind the domain schema accepts as version 1', () => {
    const base = { id: 'p1.rule', scopeKind: 'point' as const, point: 'DEMO-530402-001-GT01' };
    for (const change of [
      { kind: 'threshold' as const, level: 'HH' as const, value: 50, deadband: 1 },
      {
        kind: 'rate_of_change' as const,
        direction: 'either' as const,
        limitPerMinute: 2,
        windowSeconds: 120,
      },
      { kind: 'stuck' as const, epsilon: 0.01, intervals: 20, colour: 'none' as const },
      { kind: 'no_data' as const, missedIntervals: 5, colour: 'yellow' as const },
    ]) {
      const rule = ruleFromDraft(draft({ ...base, ...change }));
      expect(alarmRuleSchema.safeParse({ ...rule, version: 1 }).success).toBe(true);
      expect(rule.scope).toEqual({ kind: 'point', point: 'DEMO-530402-001-GT01' });
    }
    expect(ruleFromDraft(draft({ ...base, kind: 'stuck', colour: 'none' })).colour).toBeNull();
  });

  it('sends a schedule with sorted weekdays, disabled and description only when set', () => {
    const rule = ruleFromDraft(
      draft({
        id: 'x',
        kind: 'no_data',
        enabled: false,
        description: ' 夜间 ',
        scheduled: true,
        windows: [{ days: [7, 6], start: '22:00', end: '06:00' }],
      }),
    );
    expect(rule).toMatchObject({
      enabled: false,
      description: '夜间',
      schedule: { windows: [{ days: [6, 7], start: '22:00', end: '06:00' }] },
    });
    expect(ruleFromDraft(draft({ id: 'x', kind: 'no_data' }))).not.toHaveProperty('schedule');
  });

  it('reports each wrong field as a message key with its bound', () => {
    const problems = ruleDraftProblems(
      draft({
        id: '',
        kind: 'duration',
        holdSeconds: 0,
        scheduled: true,
        windows: [
          { days: [], start: '8:00', end: '18:00' },
          { days: [1], start: '10:00', end: '10:00' },
        ],
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: 'id', key: 'required', params: {} },
        { path: 'holdSeconds', key: 'tooSmall', params: { n: 1 } },
        { path: 'schedule.windows.0.days', key: 'required', params: {} },
        { path: 'schedule.windows.0.start', key: 'time', params: {} },
        { path: 'schedule.windows.1.end', key: 'sameTime', params: {} },
      ]),
    );
  });

  it('asks for empty required numbers and a bad id format', () => {
    expect(ruleDraftProblems(draft({ id: 'x', kind: 'rate_of_change', limitPerMinute: null }))).toEqual([
      { path: 'limitPerMinute', key: 'required', params: {} },
    ]);
    expect(ruleDraftProblems(draft({ id: 'Upper Case' }))).toEqual([
      { path: 'id', key: 'format', params: {} },
    ]);
    expect(ruleDraftProblems(draft({ id: 'x', scopeKind: 'point', point: '' }))).toEqual([
      { path: 'scope.point', key: 'required', params: {} },
    ]);
    expect(ruleDraftProblems(draft({ id: 'x', kind: 'no_data', missedIntervals: 20_000 }))).toEqual([
      { path: 'missedIntervals', key: 'tooBig', params: { n: 10_000 } },
    ]);
  });

  it('fills the form from a default rule and gives back the same rule', () => {
    for (const rule of defaultAlarmRules('combustible_gas')) {
      const { version: _version, ...input } = rule;
      expect(ruleFromDraft(draftFromRule(rule))).toEqual(input);
    }
    const scheduled: AlarmRule = {
      id: 'p.dur',
      version: 3,
      scope: { kind: 'point', point: 'T-1' },
      kind: 'duration',
      level: 'red',
      value: 12.5,
      holdSeconds: 300,
      colour: 'orange',
      schedule: { windows: [{ ...newScheduleWindow() }] },
    };
    const { version: _v, ...input } = scheduled;
    expect(ruleFromDraft(draftFromRule(scheduled))).toEqual(input);
  });

  it('suggests a lower-case id from the subject, level and kind', () => {
    expect(suggestedRuleId(draft({ kind: 'duration', level: 'HH' }))).toBe('liquid_level.hh.duration');
    expect(suggestedRuleId(draft({ kind: 'threshold', level: 'H' }))).toBe('liquid_level.h');
    expect(suggestedRuleId(draft({ scopeKind: 'point', point: 'T101:LT01', kind: 'no_data' }))).toBe(
      't101_lt01.no_data',
    );
  });
});
