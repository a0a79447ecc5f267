import { describe, expect, it } from 'vitest';
import { evaluatePoint } from './alarm-evaluator.ts';
import { defaultAlarmRules } from './alarm-rules.ts';
import { createPointAlarmState } from './alarm-state.ts';
import { at, gasPoint, resolved, ruleFor, run, summary, t0 } from './monitoring.test-fixtures.ts';

// gasPoint reports every 60 s; no data after 3 missed intervals = more than 180 s without a reading.
const noData = resolved(gasPoint, [ruleFor(gasPoint, { kind: 'no_data', missedIntervals: 3 })]);

describe('no data: the worker’s clock, injected as `now`', () => {
  it.each<[string, number, string]>([
    ['exactly 180 s after the last reading', 180, 'normal'],
    ['180.001 s after', 180.001, 'firing'],
    ['an hour after', 3600, 'firing'],
  ])('a tick %s → %s', (_, seconds, status) => {
    expect(
      run(noData, [
        [0, 10],
        [seconds, 'tick'],
      ]).state.rules.r?.status,
    ).toBe(status);
  });

  it('stamps the alarm with the deadline that passed, whenever the worker ticks', () => {
    const late = run(noData, [
      [0, 10],
      [500, 'tick'],
    ]);
    expect(summary(late.transitions)).toEqual([[180, 'normal→firing', 'no_data']]);
    expect(late.transitions[0]?.value).toBeNull();
  });

  it('runs from the start of watching when no reading ever came', () => {
    expect(summary(run(noData, [[181, 'tick']]).transitions)).toEqual([[180, 'normal→firing', 'no_data']]);
    expect(evaluatePoint(createPointAlarmState(t0), { kind: 'tick' }, noData, t0).nextCheckAt).toEqual(
      new Date(t0.getTime() + 180_001),
    );
  });

  it('takes a reading due exactly at the deadline as on time', () => {
    expect(
      run(noData, [
        [0, 10],
        [180, 10],
      ]).transitions,
    ).toEqual([]);
  });

  it('records the gap and the recovery when the next reading comes late', () => {
    const result = run(noData, [
      [0, 10],
      [240, 12],
    ]);
    expect(summary(result.transitions)).toEqual([
      [180, 'normal→firing', 'no_data'],
      [240, 'firing→normal', 'data_resumed'],
    ]);
    expect(result.transitions[1]?.value).toBe(12);
  });

  it('does not count flagged readings as data', () => {
    let state = run(noData, [[0, 10]]).state;
    const flagged = evaluatePoint(
      state,
      { kind: 'reading', at: at(100), value: 180, quality: 'out_of_range' },
      noData,
      at(100),
    );
    expect(flagged.ignored).toBe('quality');
    expect(flagged.state).toBe(state);
    state = flagged.state;
    expect(evaluatePoint(state, { kind: 'tick' }, noData, at(181)).transitions).toHaveLength(1);
  });

  it('is among the default rules of every type, with 3 intervals', () => {
    const rules = resolved(gasPoint, defaultAlarmRules('combustible_gas'));
    expect(rules.find((rule) => rule.kind === 'no_data')).toMatchObject({ timeoutMs: 180_000, colour: null });
  });
});
