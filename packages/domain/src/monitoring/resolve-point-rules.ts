import type { AlarmRule, DurationAlarmRule, ThresholdAlarmRule } from './alarm-rule.schema.ts';
import type { AlarmSchedule } from './alarm-schedule.ts';
import { defaultMissedIntervals } from './alarm-rules.ts';
import type { MonitoringPointDefinition } from './monitoring-point.schema.ts';
import { MonitoringError } from './monitoring.errors.ts';
import { isProcessThresholdLevel, processLevelSide, type WarningColour } from './monitoring-terms.ts';
import { defaultPointDeadband, defaultPointThresholds } from './point-defaults.ts';
import { type ThresholdStep, thresholdSteps } from './point-thresholds.ts';
import { monitoringPointTypeOf } from './point-types.ts';

/*
 * Binds the rules of a point to its thresholds, interval and deadband, so that the evaluator sees
 * self-contained rules and never needs the point definition. The server resolves once per point and
 * rule version and keeps the result beside the point's state.
 */

interface ResolvedBase {
  readonly id: string;
  readonly version: number;
  /** null: an operating or device alarm that does not colour the site. */
  readonly colour: WarningColour | null;
  readonly schedule?: AlarmSchedule | undefined;
}

export interface ResolvedThresholdRule extends ResolvedBase {
  readonly kind: 'threshold';
  readonly step: ThresholdStep;
  readonly deadband: number;
}

export interface ResolvedDurationRule extends ResolvedBase {
  readonly kind: 'duration';
  readonly step: ThresholdStep;
  readonly deadband: number;
  readonly holdMs: number;
  /** The last reading counts as the current value for this long (the no-data horizon). */
  readonly staleMs: number;
}

export interface ResolvedRateRule extends ResolvedBase {
  readonly kind: 'rate_of_change';
  readonly direction: 'rise' | 'fall' | 'either';
  readonly limitPerMinute: number;
  readonly windowMs: number;
  readonly deadband: number;
}

export interface ResolvedStuckRule extends ResolvedBase {
  readonly kind: 'stuck';
  readonly epsilon: number;
  readonly holdMs: number;
}

export interface ResolvedNoDataRule extends ResolvedBase {
  readonly kind: 'no_data';
  readonly timeoutMs: number;
}

export type ResolvedAlarmRule =
  ResolvedThresholdRule | ResolvedDurationRule | ResolvedRateRule | ResolvedStuckRule | ResolvedNoDataRule;

export type SkippedRuleReason = 'disabled' | 'no_threshold' | 'level_not_in_scheme';

export interface ResolvedPointRules {
  readonly rules: readonly ResolvedAlarmRule[];
  /** Rules that match the point but cannot apply to it, for the configuration page. */
  readonly skipped: readonly { readonly ruleId: string; readonly reason: SkippedRuleReason }[];
}

export type PointForRules = Pick<
  MonitoringPointDefinition,
  'code' | 'type' | 'unit' | 'gas' | 'range' | 'expectedIntervalSeconds' | 'thresholds' | 'deadband'
>;

/** The rules in force for the point: by id, a point-scoped rule over a type-scoped one, then the highest version. */
function selectRules(point: PointForRules, rules: readonly AlarmRule[]): AlarmRule[] {
  const chosen = new Map<string, AlarmRule>();
  const rank = (rule: AlarmRule) => (rule.scope.kind === 'point' ? 1 : 0);
  for (const rule of rules) {
    const applies =
      rule.scope.kind === 'point' ? rule.scope.point === point.code : rule.scope.type === point.type;
    if (!applies) continue;
    const current = chosen.get(rule.id);
    if (current && rank(current) === rank(rule) && current.version === rule.version) {
      throw new MonitoringError('monitoring.rule_invalid', {
        details: { ruleId: rule.id, version: rule.version, problem: 'the same version is given twice' },
      });
    }
    const better =
      !current ||
      rank(rule) > rank(current) ||
      (rank(rule) === rank(current) && rule.version > current.version);
    if (better) chosen.set(rule.id, rule);
  }
  return [...chosen.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

type LevelRule = ThresholdAlarmRule | DurationAlarmRule;

/** The threshold a threshold or duration rule watches, or why it has none. */
function stepFor(rule: LevelRule, point: PointForRules): ThresholdStep | SkippedRuleReason {
  const type = monitoringPointTypeOf(point.type);
  if (isProcessThresholdLevel(rule.level) !== (type.scheme === 'process')) return 'level_not_in_scheme';
  const thresholds = point.thresholds ?? defaultPointThresholds(point);
  const steps = thresholds ? thresholdSteps(thresholds, type.colours) : [];
  const own = steps.find((step) => step.level === rule.level);
  const colour = rule.colour ?? own?.colour;
  if (rule.value === undefined) return own ? { ...own, colour: colour ?? own.colour } : 'no_threshold';
  const side = isProcessThresholdLevel(rule.level)
    ? processLevelSide(rule.level)
    : thresholds?.scheme === 'graded'
      ? thresholds.side
      : type.defaultSide;
  const fallback = isProcessThresholdLevel(rule.level) ? type.colours[rule.level] : rule.level;
  return {
    level: rule.level,
    side,
    value: rule.value,
    colour: colour ?? fallback,
    inclusive: type.scheme === 'process',
  };
}

type Common = Pick<ResolvedBase, 'id' | 'version' | 'schedule'>;

function resolveLevelRule(
  rule: LevelRule,
  point: PointForRules,
  common: Common,
): ResolvedAlarmRule | SkippedRuleReason {
  const step = stepFor(rule, point);
  if (typeof step === 'string') return step;
  const deadband = rule.deadband ?? point.deadband ?? defaultPointDeadband(point.type, point.range);
  const shared = { ...common, colour: step.colour, step, deadband };
  if (rule.kind === 'threshold') return { ...shared, kind: 'threshold' };
  const staleMs = defaultMissedIntervals * point.expectedIntervalSeconds * 1000;
  return { ...shared, kind: 'duration', holdMs: rule.holdSeconds * 1000, staleMs };
}

function resolveOne(rule: AlarmRule, point: PointForRules): ResolvedAlarmRule | SkippedRuleReason {
  const intervalMs = point.expectedIntervalSeconds * 1000;
  const common: Common = {
    id: rule.id,
    version: rule.version,
    ...(rule.schedule ? { schedule: rule.schedule } : {}),
  };
  const colour = rule.kind === 'threshold' || rule.kind === 'duration' ? null : (rule.colour ?? null);
  switch (rule.kind) {
    case 'threshold':
    case 'duration':
      return resolveLevelRule(rule, point, common);
    case 'rate_of_change': {
      const { direction, limitPerMinute } = rule;
      const windowMs = rule.windowSeconds * 1000;
      return {
        ...common,
        kind: 'rate_of_change',
        colour,
        direction,
        limitPerMinute,
        windowMs,
        deadband: rule.deadband ?? 0,
      };
    }
    case 'stuck':
      return { ...common, kind: 'stuck', colour, epsilon: rule.epsilon, holdMs: rule.intervals * intervalMs };
    case 'no_data':
      return { ...common, kind: 'no_data', colour, timeoutMs: rule.missedIntervals * intervalMs };
  }
}

/**
 * The rules of one point, bound to its values. Of the given rules (any number of versions, any
 * scope) those for the point are chosen by id — a point-scoped rule replaces a type-scoped one, the
 * highest version wins — and sorted by id, which is also the order of their transitions.
 */
export function resolvePointRules(point: PointForRules, rules: readonly AlarmRule[]): ResolvedPointRules {
  const resolved: ResolvedAlarmRule[] = [];
  const skipped: { ruleId: string; reason: SkippedRuleReason }[] = [];
  for (const rule of selectRules(point, rules)) {
    const result = rule.enabled === false ? 'disabled' : resolveOne(rule, point);
    if (typeof result === 'string') skipped.push({ ruleId: rule.id, reason: result });
    else resolved.push(result);
  }
  return { rules: resolved, skipped };
}
