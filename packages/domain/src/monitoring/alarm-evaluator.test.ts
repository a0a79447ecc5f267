import { describe, expect, it } from 'vitest';
import { evaluatePoint } from './alarm-evaluator.ts';
import type { AlarmRule } from './alarm-rule.schema.ts';
import { createPointAlarmState } from './alarm-state.ts';
import { defaultAlarmRules } from './alarm-rules.ts';
import type { WarningColour } from './monitoring-terms.ts';
import { at, gasPoint, resolved, ruleFor, run, type Step, summary } from './monitoring.test-fixtures.ts';
import { pointWarningColour } from './point-warning.ts';

const h = ruleFor(gasPoint, { kind: 'threshold', level: 'H' });
const officeHours = { windows: [{ days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' }] };
const hours = (n: number) => n * 3600;

describe('evaluatePoint: readings it leaves out', () => {
  const firing = run(resolved(gasPoint, [h]), [[0, 30]]).state;

  it.each<['nan' | 'future' | 'out_of_range']>([['nan'], ['future'], ['out_of_range']])(
    'a %s reading changes nothing',
    (quality) => {
      const result = evaluatePoint(
        firing,
        { kind: 'reading', at: at(60), value: quality === 'nan' ? null : 0, quality },
        resolved(gasPoint, [h]),
        at(60),
      );
      expect(result).toMatchObject({ state: firing, transitions: [], ignored: 'quality' });
    },
  );

  it('a reading not newer than the last one changes nothing', () => {
    for (const seconds of [0, -60]) {
      const result = evaluatePoint(
        firing,
        { kind: 'reading', at: at(seconds), value: 0, quality: 'ok' },
        resolved(gasPoint, [h]),
        at(60),
      );
      expect(result).toMatchObject({ state: firing, transitions: [], ignored: 'not_newer' });
    }
  });
});

describe('evaluatePoint: rule versions', () => {
  it('keeps a firing alarm across a new version and applies the new threshold from the next reading', () => {
    const first = run(resolved(gasPoint, [h]), [[0, 30]]);
    const raised = resolved(gasPoint, [h, { ...h, version: 2, value: 35 } as AlarmRule]);
    const kept = run(raised, [[60, 33]], first.state);
    expect(kept.transitions).toEqual([]);
    expect(kept.state.rules.r).toMatchObject({ version: 2, status: 'firing' });
    const cleared = run(raised, [[120, 32.99]], kept.state);
    expect(cleared.transitions[0]).toMatchObject({
      ruleVersion: 2,
      value: 32.99,
      reason: 'returned_to_normal',
    });
  });

  it('clears the alarm of a rule that is no longer given', () => {
    const firing = run(resolved(gasPoint, [h]), [[0, 30]]);
    const result = evaluatePoint(firing.state, { kind: 'tick' }, [], at(60));
    expect(summary(result.transitions)).toEqual([[60, 'firing→normal', 'rule_removed']]);
    expect(result.state.rules).toEqual({});
  });

  it('lets a point rule with enabled: false switch a type rule off for that point', () => {
    const off = { ...h, scope: { kind: 'point', point: gasPoint.code }, enabled: false } as AlarmRule;
    expect(resolved(gasPoint, [h, off])).toEqual([]);
  });
});

describe('evaluatePoint: schedules (Asia/Shanghai)', () => {
  const scheduled = resolved(gasPoint, [{ ...h, schedule: officeHours } as AlarmRule]);

  it.each<[string, number, string]>([
    ['Monday 07:59:59 — before the window', -1, 'normal'],
    ['Monday 08:00 — the window starts', 0, 'firing'],
    ['Monday 17:59:59', hours(10) - 1, 'firing'],
    ['Monday 18:00 — the window has ended', hours(10), 'normal'],
    ['Saturday 10:00', hours(24 * 5 + 2), 'normal'],
  ])('a reading of 30 %LEL on %s → %s', (_, seconds, status) => {
    expect(run(scheduled, [[seconds, 30]]).state.rules.r?.status).toBe(status);
  });

  it('clears a firing alarm when the window ends and tells the worker when that is', () => {
    const firing = run(scheduled, [[hours(9), 30]]);
    expect(firing.nextCheckAt).toEqual(at(hours(10)));
    const ended = run(scheduled, [[hours(10), 'tick']], firing.state);
    expect(summary(ended.transitions)).toEqual([[hours(10), 'firing→normal', 'schedule_ended']]);
  });
});

describe('evaluatePoint: the state', () => {
  it('is plain JSON and small', () => {
    const rules = resolved(gasPoint, [
      h,
      ruleFor(gasPoint, { id: 'd', kind: 'duration', level: 'HH', holdSeconds: 60 }),
      ruleFor(gasPoint, {
        id: 'rate',
        kind: 'rate_of_change',
        direction: 'rise',
        limitPerMinute: 5,
        windowSeconds: 300,
      }),
      ruleFor(gasPoint, { id: 'stuck', kind: 'stuck', epsilon: 0, intervals: 60 }),
      ruleFor(gasPoint, { id: 'nodata', kind: 'no_data', missedIntervals: 3 }),
    ]);
    const steps = Array.from({ length: 200 }, (_, i) => [i * 60, 20 + (i % 40)] as const);
    const { state } = run(rules, steps);
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    expect(JSON.stringify(state).length).toBeLessThan(600);
  });

  it('is not changed in place', () => {
    const start = createPointAlarmState(at(0));
    const frozen = JSON.stringify(start);
    evaluatePoint(
      start,
      { kind: 'reading', at: at(0), value: 30, quality: 'ok' },
      resolved(gasPoint, [h]),
      at(0),
    );
    expect(JSON.stringify(start)).toBe(frozen);
  });

  it('orders the transitions of one evaluation by time, then by rule id', () => {
    const rules = resolved(gasPoint, [
      ruleFor(gasPoint, { id: 'a-h', kind: 'threshold', level: 'H' }),
      ruleFor(gasPoint, { id: 'b-hh', kind: 'threshold', level: 'HH' }),
      ruleFor(gasPoint, { id: 'c-nodata', kind: 'no_data', missedIntervals: 3 }),
    ]);
    const result = run(rules, [
      [0, 10],
      [300, 60],
    ]);
    expect(result.transitions.map((t) => [t.ruleId, t.reason])).toEqual([
      ['c-nodata', 'no_data'],
      ['a-h', 'threshold_reached'],
      ['b-hh', 'threshold_reached'],
      ['c-nodata', 'data_resumed'],
    ]);
  });
});

describe('pointWarningColour: the point’s own level for the roll-up', () => {
  const rules = resolved(gasPoint, [
    ...defaultAlarmRules('combustible_gas'),
    ruleFor(gasPoint, { id: 'slow', kind: 'duration', level: 'H', holdSeconds: 600 }),
  ]);

  it.each<[string, Step[], WarningColour | null, string[]]>([
    ['quiet', [[0, 10]], null, []],
    ['level-1 alarm', [[0, 30]], 'yellow', ['combustible_gas.h']],
    ['level-2 alarm', [[0, 55]], 'orange', ['combustible_gas.hh']],
    [
      'no data only: a device alarm does not colour the site',
      [
        [0, 10],
        [600, 'tick'],
      ],
      null,
      [],
    ],
  ])('%s → %s', (_, steps, level, ruleIds) => {
    expect(pointWarningColour(run(rules, steps).state, rules)).toEqual({ level, ruleIds });
  });

  it('does not count a pending duration rule yet', () => {
    const state = run(rules, [[0, 30]]).state;
    expect(state.rules.slow?.status).toBe('pending');
    expect(pointWarningColour(state, rules).ruleIds).toEqual(['combustible_gas.h']);
  });
});
