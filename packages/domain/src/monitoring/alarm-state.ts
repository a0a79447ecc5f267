import type { AlarmRuleKind } from './alarm-rule.schema.ts';
import type { AlarmThresholdLevel, WarningColour } from './monitoring-terms.ts';
import type { ReadingQuality } from './reading-quality.ts';

/*
 * The evaluation state of one point: small, plain JSON (epoch milliseconds, [ts, value] pairs), kept
 * in memory by the ingestion service and persisted when it changes. Its shape follows Grafana's
 * evaluation states (Normal, Pending, Alerting — peer-systems.md §3.6) and ThingsBoard's persisted
 * rule state (model-codebases.md §5).
 */

/** normal 正常; pending 待定 (a duration condition is running); firing 报警. */
export const alarmRuleStatuses = ['normal', 'pending', 'firing'] as const;
export type AlarmRuleStatus = (typeof alarmRuleStatuses)[number];

/** [epoch ms, value]. */
export type TimedValue = readonly [number, number];

export interface AlarmRuleState {
  /** Version of the rule this state was last evaluated with. */
  readonly version: number;
  readonly status: AlarmRuleStatus;
  /** When the condition began (pending and firing), epoch ms. */
  readonly since?: number;
  /** When the status last changed, epoch ms; a rule's transitions never go back in time. */
  readonly changedAt?: number;
  /** stuck: the first reading of the current run of unchanged values. */
  readonly anchor?: TimedValue;
  /** rate_of_change: checkpoints at least a quarter window apart, oldest first (at most ~6). */
  readonly samples?: readonly TimedValue[];
}

export interface PointAlarmState {
  /** When evaluation of the point began: the no-data clock runs from here until a first reading. */
  readonly watchedSince: number;
  /** The newest reading of quality ok that was evaluated. */
  readonly last?: TimedValue;
  /** By rule id. */
  readonly rules: Readonly<Record<string, AlarmRuleState>>;
}

export function createPointAlarmState(watchedSince: Date): PointAlarmState {
  return { watchedSince: watchedSince.getTime(), rules: {} };
}

/** A new reading (classified by `classifyReading`), or a tick of the worker with no new reading. */
export type PointEvaluationInput =
  | {
      readonly kind: 'reading';
      readonly at: Date;
      readonly value: number | null;
      readonly quality: ReadingQuality;
    }
  | { readonly kind: 'tick' };

export const alarmTransitionReasons = [
  'threshold_reached',
  'condition_started',
  'condition_held',
  'condition_ended',
  'returned_to_normal',
  'rate_exceeded',
  'value_stuck',
  'value_changed',
  'no_data',
  'data_resumed',
  'schedule_ended',
  'rule_removed',
] as const;
export type AlarmTransitionReason = (typeof alarmTransitionReasons)[number];

export const alarmTransitionReasonNames: Readonly<
  Record<AlarmTransitionReason, { readonly zh: string; readonly en: string }>
> = {
  threshold_reached: { zh: '超过阈值', en: 'Threshold passed' },
  condition_started: { zh: '超过阈值，持续计时中', en: 'Threshold passed, timing the duration' },
  condition_held: { zh: '超过阈值达到持续时间', en: 'Threshold passed for the whole duration' },
  condition_ended: { zh: '持续时间内恢复', en: 'Back before the duration ran out' },
  returned_to_normal: { zh: '恢复正常（越过回差）', en: 'Back to normal (past the deadband)' },
  rate_exceeded: { zh: '变化速率超限', en: 'Rate of change too high' },
  value_stuck: { zh: '数值长时间不变（疑似卡死）', en: 'Value unchanged for too long (stuck)' },
  value_changed: { zh: '数值恢复变化', en: 'Value changing again' },
  no_data: { zh: '无数据（连续漏报）', en: 'No data (missed reports)' },
  data_resumed: { zh: '数据恢复', en: 'Data resumed' },
  schedule_ended: { zh: '不在规则生效时段', en: 'Outside the rule’s schedule' },
  rule_removed: { zh: '规则已删除或停用', en: 'Rule removed or disabled' },
};

export interface AlarmTransition {
  readonly ruleId: string;
  readonly ruleVersion: number;
  /** null only for `rule_removed`: the rule is gone. */
  readonly kind: AlarmRuleKind | null;
  readonly from: AlarmRuleStatus;
  readonly to: AlarmRuleStatus;
  /** The threshold level of a threshold or duration rule; null for the other kinds. */
  readonly level: AlarmThresholdLevel | null;
  /** Colour of the alarm for the site warning; null for operating and device alarms. */
  readonly colour: WarningColour | null;
  /** The value that caused it; null when no value did (no data, schedule, removal). */
  readonly value: number | null;
  readonly at: Date;
  readonly reason: AlarmTransitionReason;
}

export interface PointEvaluation {
  readonly state: PointAlarmState;
  readonly transitions: readonly AlarmTransition[];
  /** When a worker tick could next change something without a new reading; null: only a reading can. */
  readonly nextCheckAt: Date | null;
  /** Set when the reading was kept out of evaluation: a flagged quality, or not newer than the last one. */
  readonly ignored?: 'quality' | 'not_newer';
}
