import { type StepContext, stepRule } from './alarm-rule-steps.ts';
import { nextScheduleChange } from './alarm-schedule.ts';
import type {
  AlarmRuleState,
  AlarmTransition,
  PointAlarmState,
  PointEvaluation,
  PointEvaluationInput,
} from './alarm-state.ts';
import type { ResolvedAlarmRule } from './resolve-point-rules.ts';

/*
 * The pure alarm evaluator of one point (ARCHITECTURE.md §4). The ingestion service calls it for
 * every reading, in timestamp order, and a worker calls it with a tick at `nextCheckAt`, so that
 * duration and no-data rules change without new readings. Same state, input, rules and `now`: same
 * answer. The result does not depend on when the worker ticks: a duration or no-data alarm is stamped
 * with the instant it became due, and a reading first brings the rules up to its own time.
 *
 * A rule's state survives a new version of the rule (the new conditions apply from the next step);
 * a rule no longer given has its alarm cleared (`rule_removed`) and its state dropped.
 */

/**
 * When a tick could next change the rule; null when only a reading can. Called for every rule on
 * every reading (the ingest's hot path): no arrays, and no schedule work for a rule without one.
 */
function nextCheckOf(
  rule: ResolvedAlarmRule,
  state: AlarmRuleState,
  point: PointAlarmState,
  at: number,
): number | null {
  let next = Infinity;
  if (rule.schedule) {
    const scheduleChange = nextScheduleChange(rule.schedule, new Date(at));
    if (scheduleChange && scheduleChange.getTime() > at) next = scheduleChange.getTime();
  }
  if (rule.kind === 'duration' && state.status === 'pending' && state.since !== undefined && point.last) {
    const due = state.since + rule.holdMs;
    if (due <= point.last[0] + rule.staleMs && due > at && due < next) next = due;
  }
  if (rule.kind === 'no_data' && state.status === 'normal') {
    const base = Math.max(point.last?.[0] ?? point.watchedSince, point.watchedSince);
    const due = base + rule.timeoutMs + 1;
    if (due > at && due < next) next = due;
  }
  return next === Infinity ? null : next;
}

/** `states`, when given, holds each rule's state in the order of `rules` (saves looking them up). */
function nextCheckAt(
  point: PointAlarmState,
  rules: readonly ResolvedAlarmRule[],
  at: number,
  states?: readonly AlarmRuleState[],
): Date | null {
  let next = Infinity;
  for (let index = 0; index < rules.length; index++) {
    const rule = rules[index]!;
    const state = states?.[index] ?? point.rules[rule.id] ?? { version: rule.version, status: 'normal' };
    const time = nextCheckOf(rule, state, point, at);
    if (time !== null && time < next) next = time;
  }
  return next === Infinity ? null : new Date(next);
}

function removedRuleTransitions(
  state: PointAlarmState,
  rules: readonly ResolvedAlarmRule[],
  at: number,
): AlarmTransition[] {
  // Called only when the state holds a rule no longer given (evaluatePoint counts them).
  const given = new Set(rules.map((rule) => rule.id));
  return Object.entries(state.rules)
    .filter(([id, ruleState]) => !given.has(id) && ruleState.status !== 'normal')
    .map(([id, ruleState]): AlarmTransition => ({
      ruleId: id,
      ruleVersion: ruleState.version,
      kind: null,
      from: ruleState.status,
      to: 'normal',
      level: null,
      colour: null,
      value: null,
      at: new Date(Math.max(at, ruleState.changedAt ?? at)),
      reason: 'rule_removed',
    }));
}

/** Stable: transitions at the same instant keep the order of their rules (the list is the caller's own). */
const byTime = (transitions: AlarmTransition[]): AlarmTransition[] =>
  transitions.length < 2
    ? transitions
    : transitions
        .map((transition, index) => ({ transition, index }))
        .sort((a, b) => a.transition.at.getTime() - b.transition.at.getTime() || a.index - b.index)
        .map(({ transition }) => transition);

/** The answer for an input that changes nothing. */
function unchanged(
  state: PointAlarmState,
  rules: readonly ResolvedAlarmRule[],
  now: Date,
  ignored: PointEvaluation['ignored'],
): PointEvaluation {
  const nextCheck = nextCheckAt(state, rules, now.getTime());
  return ignored
    ? { state, transitions: [], nextCheckAt: nextCheck, ignored }
    : { state, transitions: [], nextCheckAt: nextCheck };
}

/** How many rule states the point holds. */
function ruleStateCount(state: PointAlarmState): number {
  let count = 0;
  for (const id in state.rules) if (Object.hasOwn(state.rules, id)) count += 1;
  return count;
}

/**
 * Evaluates the point's rules (resolved with `resolvePointRules`) on a new reading or a tick. A
 * reading whose quality is not ok, or that is not newer than the last evaluated one, changes
 * nothing (`ignored`): it is stored by the caller but never evaluated.
 *
 * The ingest calls it for every reading: where no rule's state changes, the answer shares the
 * state's rule states instead of copying them.
 */
export function evaluatePoint(
  state: PointAlarmState,
  input: PointEvaluationInput,
  rules: readonly ResolvedAlarmRule[],
  now: Date,
): PointEvaluation {
  if (input.kind === 'reading') {
    if (input.quality !== 'ok' || input.value === null || !Number.isFinite(input.value))
      return unchanged(state, rules, now, 'quality');
    if (state.last && input.at.getTime() <= state.last[0]) return unchanged(state, rules, now, 'not_newer');
  }
  const reading =
    input.kind === 'reading' && input.value !== null
      ? ([input.at.getTime(), input.value] as const)
      : undefined;
  const at = reading ? reading[0] : now.getTime();
  const context: StepContext = { at, reading, last: state.last, watchedSince: state.watchedSince };
  const stepStates: AlarmRuleState[] = [];
  const transitions: AlarmTransition[] = [];
  let changed = false;
  let held = 0;
  for (const rule of rules) {
    const stored = state.rules[rule.id];
    if (stored !== undefined) held += 1;
    const previous = stored ?? { version: rule.version, status: 'normal' };
    const step = stepRule(
      rule,
      previous.version === rule.version ? previous : { ...previous, version: rule.version },
      context,
    );
    if (step.state !== stored) changed = true;
    stepStates.push(step.state);
    for (const transition of step.transitions) transitions.push(transition);
  }
  // The state holds a rule no longer given (rule ids are unique): its alarm clears, its state goes.
  const removed = ruleStateCount(state) !== held;
  if (removed)
    for (const transition of removedRuleTransitions(state, rules, at)) transitions.push(transition);
  // Where no rule's state changed, the answer shares the stored rule states instead of copying them.
  let nextRules = state.rules;
  if (changed || removed) {
    const built: Record<string, AlarmRuleState> = {};
    for (let index = 0; index < rules.length; index++) built[rules[index]!.id] = stepStates[index]!;
    nextRules = built;
  }
  // Written out rather than spread: one object shape for every state (read again for each reading).
  const last = reading ?? state.last;
  const next: PointAlarmState = last
    ? { watchedSince: state.watchedSince, last, rules: nextRules }
    : { watchedSince: state.watchedSince, rules: nextRules };
  return {
    state: next,
    transitions: byTime(transitions),
    nextCheckAt: nextCheckAt(next, rules, at, stepStates),
  };
}
