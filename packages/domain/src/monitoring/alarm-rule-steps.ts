import { isScheduleActive } from './alarm-schedule.ts';
import type {
  AlarmRuleState,
  AlarmRuleStatus,
  AlarmTransition,
  AlarmTransitionReason,
  TimedValue,
} from './alarm-state.ts';
import { compareDistance, compareRatePerMinute, compareWithOffset } from './exact-decimal.ts';
import type { ThresholdStep } from './point-thresholds.ts';
import type {
  ResolvedAlarmRule,
  ResolvedDurationRule,
  ResolvedNoDataRule,
  ResolvedRateRule,
  ResolvedStuckRule,
  ResolvedThresholdRule,
} from './resolve-point-rules.ts';

/*
 * One evaluation step of one rule. Internal to alarm-evaluator.ts; every function is pure.
 *
 * Boundaries (tested in alarm-evaluator.*.test.ts):
 * - threshold: a set point alarms when reached (≥ H, ≤ L), a graded limit when passed (> , <);
 *   it clears once the value is a full deadband back inside: < H − deadband, > L + deadband
 *   (graded: ≤ limit − deadband, ≥ limit + deadband), so a deadband of 0 clears as soon as the
 *   threshold condition is false;
 * - duration: fires once the condition has held ≥ holdSeconds; the last reading counts as the
 *   current value until a new one arrives, for at most the no-data horizon (3 intervals);
 * - rate of change: fires at ≥ limit per minute, clears below limit − deadband;
 * - stuck: fires when values within ± epsilon (inclusive) have lasted ≥ intervals × interval;
 * - no data: fires once MORE than missedIntervals × interval passed without a reading — the reading
 *   due exactly at the deadline is not yet missed — stamped with the deadline itself.
 */

export interface StepContext {
  /** The evaluation time: the reading's timestamp, or `now` for a tick (epoch ms). */
  readonly at: number;
  /** The reading being evaluated (quality ok, newer than `last`). */
  readonly reading?: TimedValue | undefined;
  /** The previous evaluated reading. */
  readonly last?: TimedValue | undefined;
  readonly watchedSince: number;
}

export interface RuleStep {
  readonly state: AlarmRuleState;
  readonly transitions: readonly AlarmTransition[];
}

// Most steps change nothing: they share one empty, frozen list (every reading steps every rule).
const NO_TRANSITIONS: readonly AlarmTransition[] = Object.freeze([]);
const stay = (state: AlarmRuleState): RuleStep => ({ state, transitions: NO_TRANSITIONS });

function move(
  rule: ResolvedAlarmRule,
  state: AlarmRuleState,
  to: AlarmRuleStatus,
  at: number,
  reason: AlarmTransitionReason,
  value: number | null,
  extra: Partial<AlarmRuleState> = {},
): RuleStep {
  const stamp = Math.max(at, state.changedAt ?? at);
  const since = to === 'normal' ? undefined : state.status === 'normal' ? stamp : (state.since ?? stamp);
  const { since: _since, ...rest } = state;
  const next: AlarmRuleState = {
    ...rest,
    ...(since === undefined ? {} : { since }),
    ...extra,
    status: to,
    changedAt: stamp,
  };
  const level = rule.kind === 'threshold' || rule.kind === 'duration' ? rule.step.level : null;
  const transition: AlarmTransition = {
    ruleId: rule.id,
    ruleVersion: rule.version,
    kind: rule.kind,
    from: state.status,
    to,
    level,
    colour: rule.colour,
    value,
    at: new Date(stamp),
    reason,
  };
  return { state: next, transitions: [transition] };
}

const then = (first: RuleStep, second: RuleStep): RuleStep => ({
  state: second.state,
  transitions: [...first.transitions, ...second.transitions],
});

/** A due time, unless the rule's schedule was off then: then the evaluation time. */
function dueStamp(rule: ResolvedAlarmRule, due: number, at: number): number {
  return rule.schedule && !isScheduleActive(rule.schedule, new Date(due)) ? at : due;
}

function passes(step: ThresholdStep, value: number): boolean {
  if (step.side === 'high') return step.inclusive ? value >= step.value : value > step.value;
  return step.inclusive ? value <= step.value : value < step.value;
}

function clears(step: ThresholdStep, deadband: number, value: number): boolean {
  if (step.side === 'high') {
    const sign = compareWithOffset(value, step.value, -deadband);
    return step.inclusive ? sign < 0 : sign <= 0;
  }
  const sign = compareWithOffset(value, step.value, deadband);
  return step.inclusive ? sign > 0 : sign >= 0;
}

function stepThreshold(rule: ResolvedThresholdRule, state: AlarmRuleState, context: StepContext): RuleStep {
  if (!context.reading) return stay(state);
  const [ts, value] = context.reading;
  const passed = passes(rule.step, value);
  if (state.status !== 'firing' && passed) return move(rule, state, 'firing', ts, 'threshold_reached', value);
  if (state.status === 'pending') return move(rule, state, 'normal', ts, 'condition_ended', value);
  if (state.status === 'firing' && clears(rule.step, rule.deadband, value)) {
    return move(rule, state, 'normal', ts, 'returned_to_normal', value);
  }
  return stay(state);
}

/** Fires a pending duration rule whose hold time ran out by `at` while its last value still counted. */
function advanceDuration(rule: ResolvedDurationRule, state: AlarmRuleState, context: StepContext): RuleStep {
  if (state.status !== 'pending' || !context.last || state.since === undefined) return stay(state);
  const heldUntil = Math.min(context.at, context.last[0] + rule.staleMs);
  const due = state.since + rule.holdMs;
  if (due > heldUntil) return stay(state);
  return move(rule, state, 'firing', dueStamp(rule, due, context.at), 'condition_held', context.last[1]);
}

function applyDurationReading(
  rule: ResolvedDurationRule,
  state: AlarmRuleState,
  context: StepContext,
): RuleStep {
  if (!context.reading) return stay(state);
  const [ts, value] = context.reading;
  const passed = passes(rule.step, value);
  if (state.status === 'normal') {
    return passed ? move(rule, state, 'pending', ts, 'condition_started', value) : stay(state);
  }
  if (state.status === 'pending') {
    if (!passed) return move(rule, state, 'normal', ts, 'condition_ended', value);
    // After a gap longer than the no-data horizon nobody knows what happened: the clock restarts.
    const gap = context.last === undefined || ts - context.last[0] > rule.staleMs;
    return gap ? stay({ ...state, since: ts }) : stay(state);
  }
  return clears(rule.step, rule.deadband, value)
    ? move(rule, state, 'normal', ts, 'returned_to_normal', value)
    : stay(state);
}

function stepDuration(rule: ResolvedDurationRule, state: AlarmRuleState, context: StepContext): RuleStep {
  const advanced = advanceDuration(rule, state, context);
  return then(advanced, applyDurationReading(rule, advanced.state, context));
}

function rateBeyond(rule: ResolvedRateRule, from: TimedValue, to: TimedValue, slack: number): boolean {
  const elapsed = to[0] - from[0];
  const rise = () => compareRatePerMinute(from[1], to[1], elapsed, rule.limitPerMinute, slack) >= 0;
  const fall = () => compareRatePerMinute(to[1], from[1], elapsed, rule.limitPerMinute, slack) >= 0;
  if (rule.direction === 'rise') return rise();
  if (rule.direction === 'fall') return fall();
  return rise() || fall();
}

/** Keeps checkpoints a quarter window apart: the newest one at least a window old, and all newer. */
function nextSamples(samples: readonly TimedValue[], reading: TimedValue, windowMs: number): TimedValue[] {
  const newest = samples.at(-1);
  const grown = !newest || reading[0] - newest[0] >= windowMs / 4 ? [...samples, reading] : [...samples];
  let keepFrom = 0;
  grown.forEach((sample, index) => {
    if (reading[0] - sample[0] >= windowMs) keepFrom = index;
  });
  return grown.slice(keepFrom);
}

/**
 * Rate over the window: from the newest checkpoint at least `windowMs` old to the new reading, so
 * the span is the window or up to a quarter window more (with the reading interval).
 */
function stepRate(rule: ResolvedRateRule, state: AlarmRuleState, context: StepContext): RuleStep {
  if (!context.reading) return stay(state);
  const reading = context.reading;
  const samples = state.samples ?? [];
  const base = [...samples].reverse().find((sample) => reading[0] - sample[0] >= rule.windowMs);
  const withSamples = (step: RuleStep): RuleStep => ({
    ...step,
    state: { ...step.state, samples: nextSamples(samples, reading, rule.windowMs) },
  });
  if (!base) return withSamples(stay(state));
  if (state.status !== 'firing' && rateBeyond(rule, base, reading, 0)) {
    return withSamples(move(rule, state, 'firing', reading[0], 'rate_exceeded', reading[1]));
  }
  if (state.status === 'firing' && !rateBeyond(rule, base, reading, rule.deadband)) {
    return withSamples(move(rule, state, 'normal', reading[0], 'returned_to_normal', reading[1]));
  }
  return withSamples(stay(state));
}

function stepStuck(rule: ResolvedStuckRule, state: AlarmRuleState, context: StepContext): RuleStep {
  if (!context.reading) return stay(state);
  const [ts, value] = context.reading;
  const anchor = state.anchor;
  if (!anchor || compareDistance(value, anchor[1], rule.epsilon) > 0) {
    const moved = { anchor: context.reading };
    return state.status === 'normal'
      ? stay({ ...state, ...moved })
      : move(rule, state, 'normal', ts, 'value_changed', value, moved);
  }
  if (state.status === 'normal' && ts - anchor[0] >= rule.holdMs) {
    return move(rule, state, 'firing', ts, 'value_stuck', value);
  }
  return stay(state);
}

function stepNoData(rule: ResolvedNoDataRule, state: AlarmRuleState, context: StepContext): RuleStep {
  const base = Math.max(context.last?.[0] ?? context.watchedSince, context.watchedSince);
  const due = base + rule.timeoutMs;
  const fired =
    state.status === 'normal' && context.at > due
      ? move(rule, state, 'firing', dueStamp(rule, due, context.at), 'no_data', null)
      : stay(state);
  if (!context.reading || fired.state.status !== 'firing') return fired;
  return then(
    fired,
    move(rule, fired.state, 'normal', context.reading[0], 'data_resumed', context.reading[1]),
  );
}

/** One rule, one step. Outside its schedule a rule is disarmed: its alarm clears and its tracking restarts. */
export function stepRule(rule: ResolvedAlarmRule, state: AlarmRuleState, context: StepContext): RuleStep {
  if (rule.schedule && !isScheduleActive(rule.schedule, new Date(context.at))) {
    const ended =
      state.status === 'normal'
        ? stay(state)
        : move(rule, state, 'normal', context.at, 'schedule_ended', null);
    const { changedAt } = ended.state;
    const reset = { version: state.version, status: 'normal' as const };
    return { ...ended, state: changedAt === undefined ? reset : { ...reset, changedAt } };
  }
  switch (rule.kind) {
    case 'threshold':
      return stepThreshold(rule, state, context);
    case 'duration':
      return stepDuration(rule, state, context);
    case 'rate_of_change':
      return stepRate(rule, state, context);
    case 'stuck':
      return stepStuck(rule, state, context);
    case 'no_data':
      return stepNoData(rule, state, context);
  }
}
