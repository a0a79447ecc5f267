import { evaluatePoint } from './alarm-evaluator.ts';
import type { AlarmRule } from './alarm-rule.schema.ts';
import { type AlarmTransition, createPointAlarmState, type PointAlarmState } from './alarm-state.ts';
import { type PointForRules, type ResolvedAlarmRule, resolvePointRules } from './resolve-point-rules.ts';

/* Shared by the monitoring tests: points, rules and a runner that feeds readings and ticks. */

/** 2025-06-02 is a Monday; 08:00 China Standard Time. */
export const t0 = new Date('2025-06-02T08:00:00+08:00');
export const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

export const gasPoint: PointForRules = {
  code: 'GT-101',
  type: 'combustible_gas',
  unit: '%LEL',
  range: { min: 0, max: 100 },
  expectedIntervalSeconds: 60,
  deadband: 2,
};

export const levelPoint: PointForRules = {
  code: 'LT-201',
  type: 'liquid_level',
  unit: 'm',
  range: { min: 0, max: 20 },
  expectedIntervalSeconds: 10,
  thresholds: {
    scheme: 'process',
    HH: { value: 18 },
    H: { value: 16.5 },
    L: { value: 2.5 },
    LL: { value: 1 },
  },
  deadband: 0.3,
};

export const phreaticPoint: PointForRules = {
  code: 'JR-01',
  type: 'phreatic_depth',
  unit: 'm',
  range: { min: 0, max: 50 },
  expectedIntervalSeconds: 3600,
  thresholds: { scheme: 'graded', side: 'low', blue: 8, yellow: 7, orange: 6.6, red: 6 },
};

const typeScope = (point: PointForRules) => ({ kind: 'type', type: point.type }) as const;

/** One rule of the given kind for the point's type, version 1. */
export function ruleFor(point: PointForRules, rule: Record<string, unknown>): AlarmRule {
  return { id: 'r', version: 1, scope: typeScope(point), ...rule } as AlarmRule;
}

export function resolved(point: PointForRules, rules: readonly AlarmRule[]): readonly ResolvedAlarmRule[] {
  return resolvePointRules(point, rules).rules;
}

/** A reading at `seconds` after t0, or a tick at that time. */
export type Step = readonly [seconds: number, value: number | 'tick'];

export interface Run {
  readonly state: PointAlarmState;
  readonly transitions: readonly AlarmTransition[];
  readonly nextCheckAt: Date | null;
}

/** Feeds the steps in order (readings have `now` = their own time) and collects the transitions. */
export function run(
  rules: readonly ResolvedAlarmRule[],
  steps: readonly Step[],
  start: PointAlarmState = createPointAlarmState(t0),
): Run {
  let state = start;
  let nextCheckAt: Date | null = null;
  const transitions: AlarmTransition[] = [];
  for (const [seconds, value] of steps) {
    const input =
      value === 'tick'
        ? ({ kind: 'tick' } as const)
        : ({ kind: 'reading', at: at(seconds), value, quality: 'ok' } as const);
    const result = evaluatePoint(state, input, rules, at(seconds));
    state = result.state;
    nextCheckAt = result.nextCheckAt;
    transitions.push(...result.transitions);
  }
  return { state, transitions, nextCheckAt };
}

/** Transitions as [seconds after t0, from → to, reason], for compact expectations. */
export function summary(transitions: readonly AlarmTransition[]): [number, string, string][] {
  return transitions.map((t) => [(t.at.getTime() - t0.getTime()) / 1000, `${t.from}→${t.to}`, t.reason]);
}

/** The code of the MonitoringError `action` throws; fails when it throws nothing. */
export function thrownCode(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
  throw new Error('expected an error');
}
