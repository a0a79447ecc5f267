import type { AlarmRule } from './alarm-rule.schema.ts';
import {
  type AlarmThresholdLevel,
  gradedThresholdLevels,
  processLevelSide,
  processThresholdLevels,
} from './monitoring-terms.ts';
import { type MonitoringPointType, monitoringPointTypeOf } from './point-types.ts';

/** No data after this many missed intervals raises an alarm (the default). */
export const defaultMissedIntervals = 3;

/**
 * The rules every point of a type starts with, version 1, ids `<type>.<level>` and
 * `<type>.no_data`: an immediate threshold alarm at each level the type can alarm on, and a
 * no-data alarm after 3 missed intervals. A level without a value on the point is skipped when the
 * rules are resolved. Duration, rate, stuck and schedule rules need per-site parameters: none by default.
 */
export function defaultAlarmRules(type: MonitoringPointType): AlarmRule[] {
  const definition = monitoringPointTypeOf(type);
  const levels: readonly AlarmThresholdLevel[] =
    definition.scheme === 'process'
      ? processThresholdLevels.filter((level) => definition.sides.includes(processLevelSide(level)))
      : [...gradedThresholdLevels].reverse();
  const scope = { kind: 'type', type } as const;
  return [
    ...levels.map((level) => ({
      id: `${type}.${level}`.toLowerCase(),
      version: 1,
      scope,
      kind: 'threshold' as const,
      level,
    })),
    {
      id: `${type}.no_data`,
      version: 1,
      scope,
      kind: 'no_data',
      missedIntervals: defaultMissedIntervals,
      colour: null,
    },
  ];
}
