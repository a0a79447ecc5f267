import type { FieldProblem } from '../errors/domain-error.ts';
import {
  type AlarmThresholdLevel,
  gradedThresholdLevels,
  type ProcessThresholdLevel,
  processLevelSide,
  processThresholdLevels,
  type ThresholdSide,
  type WarningColour,
  warningColourRank,
} from './monitoring-terms.ts';

/** A process set point and the warning colour an alarm at it means for the site. */
export interface ProcessThreshold {
  readonly value: number;
  /** Defaults to the colour of the point type (see point-types.ts). */
  readonly colour?: WarningColour | undefined;
}

/** HH/H/L/LL set points of a process instrument or gas detector. */
export interface ProcessThresholds {
  readonly scheme: 'process';
  readonly HH?: ProcessThreshold | undefined;
  readonly H?: ProcessThreshold | undefined;
  readonly L?: ProcessThreshold | undefined;
  readonly LL?: ProcessThreshold | undefined;
}

/** Blue/yellow/orange/red limits of a tailings-dam item, all on one side (GB 39496-2020 §5.5.4). */
export interface GradedThresholds {
  readonly scheme: 'graded';
  readonly side: ThresholdSide;
  readonly blue?: number | undefined;
  readonly yellow?: number | undefined;
  readonly orange?: number | undefined;
  readonly red?: number | undefined;
}

export type PointThresholds = ProcessThresholds | GradedThresholds;
export type ThresholdScheme = PointThresholds['scheme'];

/**
 * One threshold as the evaluator uses it. `inclusive` decides the boundary:
 * - process set points alarm when the value reaches them (≥ H, ≤ L): a detector alarms when the
 *   concentration reaches its set value (报警设定值, GB/T 50493-2019; standards.md §6.3);
 * - graded limits alarm only beyond them (> or <): GB 51108-2015 §8.3 commentary, "alarm when the
 *   measured depth < threshold" — a dam exactly at its minimum dry beach or burial depth complies.
 */
export interface ThresholdStep {
  readonly level: AlarmThresholdLevel;
  readonly side: ThresholdSide;
  readonly value: number;
  readonly colour: WarningColour;
  readonly inclusive: boolean;
}

export type ProcessColours = Readonly<Record<ProcessThresholdLevel, WarningColour>>;

/** The thresholds of a point as steps, in the order HH, H, L, LL or red, orange, yellow, blue. */
export function thresholdSteps(thresholds: PointThresholds, colours: ProcessColours): ThresholdStep[] {
  if (thresholds.scheme === 'graded') {
    return [...gradedThresholdLevels].reverse().flatMap((level) => {
      const value = thresholds[level];
      return value === undefined
        ? []
        : [{ level, side: thresholds.side, value, colour: level, inclusive: false }];
    });
  }
  return processThresholdLevels.flatMap((level) => {
    const threshold = thresholds[level];
    if (!threshold) return [];
    const colour = threshold.colour ?? colours[level];
    return [{ level, side: processLevelSide(level), value: threshold.value, colour, inclusive: true }];
  });
}

/** What a point's thresholds must respect besides their own order. */
export interface ThresholdLimits {
  readonly range: { readonly min: number; readonly max: number };
  /** Sides the point type alarms on (a gas detector has no L/LL). */
  readonly sides: readonly ThresholdSide[];
  /** Highest set point the standard allows per level (GB/T 50493-2019 for gas detectors). */
  readonly setPointMaxima?: Partial<Record<ProcessThresholdLevel, number>> | undefined;
}

const problem = (path: string, message: string): FieldProblem => ({
  path: `thresholds.${path}`,
  code: 'monitoring.point_invalid',
  message,
});

/**
 * Why a set of thresholds is inconsistent; empty when it is fine. Process: HH ≥ H > L ≥ LL (every
 * high set point above every low one) and HH/LL at least as severe a colour as H/L. Graded: blue,
 * yellow, orange, red in order towards the alarming side (equal values allowed: the higher wins).
 * Every value lies inside the valid range.
 */
export function pointThresholdProblems(thresholds: PointThresholds, limits: ThresholdLimits): FieldProblem[] {
  const steps = thresholdSteps(thresholds, { HH: 'red', H: 'red', L: 'red', LL: 'red' });
  const out: FieldProblem[] = [];
  const pathOf = (level: AlarmThresholdLevel) => (thresholds.scheme === 'process' ? `${level}.value` : level);
  for (const step of steps) {
    if (step.value < limits.range.min || step.value > limits.range.max) {
      out.push(
        problem(pathOf(step.level), `must lie in the valid range ${limits.range.min}–${limits.range.max}`),
      );
    }
    if (!limits.sides.includes(step.side)) {
      out.push(problem(pathOf(step.level), `this point type does not alarm on the ${step.side} side`));
    }
  }
  const ordered =
    thresholds.scheme === 'process' ? processOrderProblems(thresholds) : gradedOrderProblems(thresholds);
  return [...out, ...ordered, ...setPointProblems(thresholds, limits)];
}

function processOrderProblems(t: ProcessThresholds): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (t.HH && t.H && t.HH.value < t.H.value) out.push(problem('HH.value', 'HH must be ≥ H'));
  if (t.L && t.LL && t.LL.value > t.L.value) out.push(problem('LL.value', 'LL must be ≤ L'));
  const highs = [t.H, t.HH].filter((x) => x !== undefined);
  const lows = [t.L, t.LL].filter((x) => x !== undefined);
  const lowestHigh = Math.min(...highs.map((x) => x.value));
  const highestLow = Math.max(...lows.map((x) => x.value));
  if (highs.length > 0 && lows.length > 0 && lowestHigh <= highestLow) {
    out.push(problem(t.H ? 'H.value' : 'HH.value', 'high set points must be above the low ones (H > L)'));
  }
  const colourOrder: [ProcessThresholdLevel, ProcessThresholdLevel][] = [
    ['HH', 'H'],
    ['LL', 'L'],
  ];
  for (const [outer, inner] of colourOrder) {
    const a = t[outer]?.colour;
    const b = t[inner]?.colour;
    if (a && b && warningColourRank(a) < warningColourRank(b)) {
      out.push(problem(`${outer}.colour`, `${outer} must be at least as severe a colour as ${inner}`));
    }
  }
  return out;
}

function gradedOrderProblems(t: GradedThresholds): FieldProblem[] {
  const out: FieldProblem[] = [];
  const present = gradedThresholdLevels.filter((level) => t[level] !== undefined);
  for (let i = 1; i < present.length; i += 1) {
    const lower = present[i - 1]!;
    const higher = present[i]!;
    const a = t[lower]!;
    const b = t[higher]!;
    if (t.side === 'high' ? b < a : b > a) {
      const relation = t.side === 'high' ? '≥' : '≤';
      out.push(problem(higher, `${higher} must be ${relation} ${lower} on the ${t.side} side`));
    }
  }
  return out;
}

function setPointProblems(t: PointThresholds, limits: ThresholdLimits): FieldProblem[] {
  if (t.scheme !== 'process' || !limits.setPointMaxima) return [];
  return processThresholdLevels.flatMap((level) => {
    const maximum = limits.setPointMaxima?.[level];
    const value = t[level]?.value;
    return maximum !== undefined && value !== undefined && value > maximum
      ? [problem(`${level}.value`, `must not exceed ${maximum} (GB/T 50493-2019)`)]
      : [];
  });
}
