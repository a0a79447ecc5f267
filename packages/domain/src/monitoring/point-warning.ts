import type { PointAlarmState } from './alarm-state.ts';
import { moreSevereColour, type WarningColour } from './monitoring-terms.ts';
import type { ResolvedAlarmRule } from './resolve-point-rules.ts';

/**
 * A point's own warning level for the roll-up: the most severe colour among its firing rules, with
 * those rules. Pending rules do not count yet; rules without a colour (no data, stuck, operating
 * alarms) never do.
 */
export function pointWarningColour(
  state: PointAlarmState,
  rules: readonly ResolvedAlarmRule[],
): { readonly level: WarningColour | null; readonly ruleIds: readonly string[] } {
  const firing = rules.filter((rule) => rule.colour !== null && state.rules[rule.id]?.status === 'firing');
  const level = firing.reduce<WarningColour | null>(
    (worst, rule) => moreSevereColour(worst, rule.colour),
    null,
  );
  return { level, ruleIds: firing.filter((rule) => rule.colour === level).map((rule) => rule.id) };
}
