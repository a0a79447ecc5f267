import { describe, expect, it } from 'vitest';
import { defaultAlarmRules } from './alarm-rules.ts';
import {
  gasPoint,
  levelPoint,
  phreaticPoint,
  resolved,
  ruleFor,
  run,
  type Step,
  summary,
} from './monitoring.test-fixtures.ts';
import type { PointForRules } from './resolve-point-rules.ts';

const threshold = (point: PointForRules, level: string, extra: Record<string, unknown> = {}) =>
  resolved(point, [ruleFor(point, { kind: 'threshold', level, ...extra })]);

const statusAfter = (point: PointForRules, level: string, values: number[], extra = {}) =>
  run(
    threshold(point, level, extra),
    values.map((value, i): Step => [i * 60, value]),
  ).state.rules.r?.status;

describe('threshold: a set point alarms when it is reached (GB/T 50493 报警设定值)', () => {
  it.each<[string, number[], string]>([
    ['just below H (25 %LEL)', [24.99], 'normal'],
    ['exactly at H', [25], 'firing'],
    ['above H', [40], 'firing'],
    ['back to exactly H − deadband (23): still firing', [25, 23], 'firing'],
    ['just inside H − deadband', [25, 22.99], 'normal'],
    ['dipping below H but within the deadband', [30, 24, 26, 23.5], 'firing'],
  ])('gas H, deadband 2: %s → %s', (_, values, status) => {
    expect(statusAfter(gasPoint, 'H', values)).toBe(status);
  });

  it.each<[string, number[], string]>([
    ['just below HH (50 %LEL)', [49.99], 'normal'],
    ['exactly at HH', [50], 'firing'],
  ])('gas HH: %s → %s', (_, values, status) => {
    expect(statusAfter(gasPoint, 'HH', values)).toBe(status);
  });

  it.each<[string, number[], string]>([
    ['just above L (2.5 m)', [2.51], 'normal'],
    ['exactly at L', [2.5], 'firing'],
    ['back to exactly L + deadband (2.8): still firing', [2.5, 2.8], 'firing'],
    ['just beyond L + deadband', [2.5, 2.81], 'normal'],
    ['exactly at LL (1 m)', [1], 'firing'],
  ])('level L, deadband 0.3: %s → %s', (_, values, status) => {
    const level = values.includes(1) ? 'LL' : 'L';
    expect(statusAfter(levelPoint, level, values)).toBe(status);
  });

  it('with no deadband clears as soon as the value is below the set point again', () => {
    expect(statusAfter(gasPoint, 'H', [25, 24.99], { deadband: 0 })).toBe('normal');
    expect(statusAfter(gasPoint, 'H', [25, 25], { deadband: 0 })).toBe('firing');
  });

  it('compares the clear bound exactly: 0.8 − 0.1 is 0.7, not 0.7000000000000001', () => {
    const pressure: PointForRules = {
      code: 'PT-1',
      type: 'pressure',
      unit: 'MPa',
      range: { min: 0, max: 4 },
      expectedIntervalSeconds: 10,
      thresholds: { scheme: 'process', H: { value: 0.8 } },
      deadband: 0.1,
    };
    expect(0.7 < 0.8 - 0.1).toBe(true); // what a naive comparison would do
    expect(statusAfter(pressure, 'H', [0.8, 0.7])).toBe('firing');
    expect(statusAfter(pressure, 'H', [0.8, 0.69])).toBe('normal');
  });

  it('reports level, colour, value and reason on each transition', () => {
    const result = run(threshold(gasPoint, 'H'), [
      [0, 10],
      [60, 25],
      [120, 30],
      [180, 22],
    ]);
    expect(result.transitions.map(({ at: _, ...rest }) => rest)).toEqual([
      {
        ruleId: 'r',
        ruleVersion: 1,
        kind: 'threshold',
        from: 'normal',
        to: 'firing',
        level: 'H',
        colour: 'yellow',
        value: 25,
        reason: 'threshold_reached',
      },
      {
        ruleId: 'r',
        ruleVersion: 1,
        kind: 'threshold',
        from: 'firing',
        to: 'normal',
        level: 'H',
        colour: 'yellow',
        value: 22,
        reason: 'returned_to_normal',
      },
    ]);
    expect(summary(result.transitions)).toEqual([
      [60, 'normal→firing', 'threshold_reached'],
      [180, 'firing→normal', 'returned_to_normal'],
    ]);
  });

  it('does not repeat a firing alarm while the value stays high', () => {
    const result = run(threshold(gasPoint, 'H'), [
      [0, 30],
      [60, 35],
      [120, 60],
    ]);
    expect(result.transitions).toHaveLength(1);
  });
});

describe('threshold: a graded limit alarms only beyond it (GB 51108 §8.3: depth < threshold)', () => {
  it.each<[string, string, number[], string]>([
    ['red', 'exactly at the red minimum depth (6 m)', [6], 'normal'],
    ['red', 'just below it', [5.99], 'firing'],
    ['orange', 'exactly at orange (6.6 m)', [6.6], 'normal'],
    ['orange', 'just below orange', [6.59], 'firing'],
    ['red', 'back to exactly the limit clears (no deadband by default)', [5.5, 6], 'normal'],
  ])('phreatic depth %s: %s → %s', (level, _, values, status) => {
    expect(statusAfter(phreaticPoint, level, values)).toBe(status);
  });

  it('clears a graded alarm only a full deadband back inside', () => {
    expect(statusAfter(phreaticPoint, 'red', [5.5, 6.1], { deadband: 0.2 })).toBe('firing');
    expect(statusAfter(phreaticPoint, 'red', [5.5, 6.2], { deadband: 0.2 })).toBe('normal');
  });

  it('rainfall: yellow above 50 mm in 24 h, the type default (high side)', () => {
    const rain: PointForRules = {
      code: 'YL-1',
      type: 'rainfall',
      unit: 'mm',
      range: { min: 0, max: 2000 },
      expectedIntervalSeconds: 600,
    };
    expect(statusAfter(rain, 'yellow', [50])).toBe('normal');
    expect(statusAfter(rain, 'yellow', [50.1])).toBe('firing');
  });
});

describe('the default rules of a type', () => {
  it('fire H (yellow) at 25 %LEL and HH (orange) at 50 %LEL on a gas detector', () => {
    const rules = resolved(gasPoint, defaultAlarmRules('combustible_gas'));
    const result = run(rules, [
      [0, 25],
      [60, 50],
    ]);
    expect(result.transitions.map((t) => [t.ruleId, t.level, t.colour, t.value])).toEqual([
      ['combustible_gas.h', 'H', 'yellow', 25],
      ['combustible_gas.hh', 'HH', 'orange', 50],
    ]);
  });
});
