import { MonitoringError } from './monitoring.errors.ts';
import { moreSevereColour, type WarningColour, warningColourRank } from './monitoring-terms.ts';

/*
 * Roll-up of warning levels (预警汇总): "N children at level X make the parent level Y", as data
 * (ARCHITECTURE.md §4). A child's own level counts directly — the parent is never below its worst
 * child — and the rules are tried from the highest parent level down. A rule counts the children
 * at X or above (an orange point is also "at yellow"), so a more severe child never hides a count.
 * Rules apply once to the children's own levels: a level a rule produces does not feed another rule
 * of the same tier.
 */

export interface RollupRule {
  readonly id: string;
  /** N: how many children. */
  readonly count: number;
  /** X: the level each counted child is at, or above. */
  readonly atLeast: WarningColour;
  /** Y: the parent's level; above X. */
  readonly makes: WarningColour;
}

export interface RollupChild {
  readonly id: string;
  readonly level: WarningColour | null;
  /** The points behind a child that is itself a roll-up (a monitored item); default: the child itself. */
  readonly points?: readonly string[];
}

/** Why the parent has its level: children at that level themselves, or a rule that matched. */
export type RollupReason =
  | {
      readonly kind: 'own_level';
      readonly level: WarningColour;
      readonly children: readonly string[];
      readonly points: readonly string[];
    }
  | {
      readonly kind: 'rule';
      readonly ruleId: string;
      readonly count: number;
      readonly atLeast: WarningColour;
      readonly level: WarningColour;
      readonly children: readonly string[];
      readonly points: readonly string[];
    };

export interface RollupResult {
  readonly level: WarningColour | null;
  /** Every reason for the final level, own levels first, then rules from the highest; empty when null. */
  readonly reasons: readonly RollupReason[];
}

/** Throws `monitoring.rollup_invalid` unless every rule has a unique id, 1 ≤ N ≤ 10 000 and Y above X. */
export function checkRollupRules(rules: readonly RollupRule[]): void {
  const ids = new Set<string>();
  for (const rule of rules) {
    const valid =
      /^[a-z0-9][a-z0-9_.-]{0,63}$/.test(rule.id) &&
      !ids.has(rule.id) &&
      Number.isInteger(rule.count) &&
      rule.count >= 1 &&
      rule.count <= 10_000 &&
      warningColourRank(rule.makes) > warningColourRank(rule.atLeast);
    if (!valid) {
      throw new MonitoringError('monitoring.rollup_invalid', {
        details: { rule, problem: 'unique id, 1 ≤ count ≤ 10000, makes above atLeast' },
      });
    }
    ids.add(rule.id);
  }
}

const pointsOf = (children: readonly RollupChild[]) => [
  ...new Set(children.flatMap((c) => c.points ?? [c.id])),
];

/** The parent's level from its children's levels and the rules, with its reasons. */
export function rollUpLevel(children: readonly RollupChild[], rules: readonly RollupRule[]): RollupResult {
  checkRollupRules(rules);
  const own = children.reduce<WarningColour | null>(
    (worst, child) => moreSevereColour(worst, child.level),
    null,
  );
  const atOrAbove = (colour: WarningColour) =>
    children.filter((child) => warningColourRank(child.level) >= warningColourRank(colour));
  const ordered = [...rules].sort(
    (a, b) =>
      warningColourRank(b.makes) - warningColourRank(a.makes) ||
      warningColourRank(b.atLeast) - warningColourRank(a.atLeast),
  );
  const matched = ordered.filter((rule) => atOrAbove(rule.atLeast).length >= rule.count);
  const level = matched.reduce<WarningColour | null>(
    (worst, rule) => moreSevereColour(worst, rule.makes),
    own,
  );
  if (level === null) return { level, reasons: [] };
  const reasons: RollupReason[] = [];
  if (own === level) {
    const atLevel = children.filter((child) => child.level === level);
    reasons.push({ kind: 'own_level', level, children: atLevel.map((c) => c.id), points: pointsOf(atLevel) });
  }
  for (const rule of matched.filter((r) => r.makes === level)) {
    const counted = atOrAbove(rule.atLeast);
    reasons.push({
      kind: 'rule',
      ruleId: rule.id,
      count: rule.count,
      atLeast: rule.atLeast,
      level,
      children: counted.map((c) => c.id),
      points: pointsOf(counted),
    });
  }
  return { level, reasons };
}
