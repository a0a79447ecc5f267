import { describe, expect, it } from 'vitest';
import { at, resolved, ruleFor, run, type Step, summary } from './monitoring.test-fixtures.ts';
import type { PointForRules } from './resolve-point-rules.ts';

// A detector reporting every 10 s: the last reading counts for 3 × 10 s (the no-data horizon).
const detector: PointForRules = {
  code: 'GT-7',
  type: 'combustible_gas',
  unit: '%LEL',
  range: { min: 0, max: 100 },
  expectedIntervalSeconds: 10,
  deadband: 2,
};
// "Above H (25 %LEL) for 60 s".
const rules = resolved(detector, [ruleFor(detector, { kind: 'duration', level: 'H', holdSeconds: 60 })]);
const every10s = (from: number, to: number, value: number): Step[] =>
  Array.from({ length: (to - from) / 10 + 1 }, (_, i) => [from + i * 10, value] as const);

describe('duration: fires once the condition has held ≥ holdSeconds', () => {
  it('goes pending at the first reading at H and fires exactly 60 s later', () => {
    expect(summary(run(rules, every10s(0, 60, 25)).transitions)).toEqual([
      [0, 'normal→pending', 'condition_started'],
      [60, 'pending→firing', 'condition_held'],
    ]);
  });

  it('is still pending after 59.999 s', () => {
    const result = run(rules, [...every10s(0, 50, 30), [59.999, 'tick']]);
    expect(result.state.rules.r?.status).toBe('pending');
    expect(result.nextCheckAt).toEqual(at(60));
  });

  it('fires on a tick at 60 s without a new reading, stamped at 60 s', () => {
    const result = run(rules, [...every10s(0, 50, 30), [60, 'tick']]);
    expect(summary(result.transitions).at(-1)).toEqual([60, 'pending→firing', 'condition_held']);
  });

  it('gives the same history whether or not the worker ticked in between', () => {
    const withoutTick = run(rules, [...every10s(0, 50, 30), [70, 20]]);
    const withTick = run(rules, [...every10s(0, 50, 30), [60, 'tick'], [70, 20]]);
    const expected = [
      [0, 'normal→pending', 'condition_started'],
      [60, 'pending→firing', 'condition_held'],
      [70, 'firing→normal', 'returned_to_normal'],
    ];
    expect(summary(withoutTick.transitions)).toEqual(expected);
    expect(summary(withTick.transitions)).toEqual(expected);
  });

  it('restarts when the value drops below H before the time is up', () => {
    const result = run(rules, [...every10s(0, 30, 30), [40, 24.5], ...every10s(50, 110, 30)]);
    expect(summary(result.transitions)).toEqual([
      [0, 'normal→pending', 'condition_started'],
      [40, 'pending→normal', 'condition_ended'],
      [50, 'normal→pending', 'condition_started'],
      [110, 'pending→firing', 'condition_held'],
    ]);
  });

  it('does not count time beyond the no-data horizon of the last reading', () => {
    // Last reading at 20 s: its value counts until 50 s; 60 s of holding is never reached.
    const result = run(rules, [...every10s(0, 20, 30), [60, 'tick'], [600, 'tick']]);
    expect(result.state.rules.r?.status).toBe('pending');
    expect(result.nextCheckAt).toBeNull();
  });

  it('starts the clock again after a gap longer than the horizon', () => {
    const result = run(rules, [...every10s(0, 20, 30), ...every10s(90, 150, 30)]);
    expect(summary(result.transitions)).toEqual([
      [0, 'normal→pending', 'condition_started'],
      [150, 'pending→firing', 'condition_held'],
    ]);
  });

  it('clears a firing duration alarm only past the deadband (< 23 %LEL)', () => {
    const firing = every10s(0, 60, 30);
    expect(run(rules, [...firing, [70, 23]]).state.rules.r?.status).toBe('firing');
    expect(run(rules, [...firing, [70, 22.99]]).state.rules.r?.status).toBe('normal');
  });
});
