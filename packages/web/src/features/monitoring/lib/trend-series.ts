import {
  thresholdSteps,
  type PointThresholds,
  type ProcessColours,
  type ThresholdStep,
} from '@anjian/domain';
import { colourHex } from './alarm-order.ts';

/** One reading as `/points/:id/readings` sends it: [epoch ms, value or null, flag bits]. */
export type ReadingTuple = readonly [number, number | null, number];

/** Flag bits of a stored reading (reading-quality.ts): NaN, from the future, outside the valid range. */
export const readingFlagBits = { nan: 1, future: 2, out_of_range: 4 } as const;

export interface TrendSeries {
  /** Good readings; a NaN reading leaves a gap (null) rather than a made-up value. */
  readonly line: [number, number | null][];
  /** Flagged readings that still have a number: drawn greyed, off the line. */
  readonly flagged: [number, number][];
}

/**
 * Splits readings into the line and the greyed points. Flagged readings are kept and shown
 * (never silently dropped, issue 5) but not joined to the line, which would mislead.
 */
export function splitReadings(readings: readonly ReadingTuple[]): TrendSeries {
  const line: [number, number | null][] = [];
  const flagged: [number, number][] = [];
  for (const [at, value, flags] of readings) {
    if (value === null || !Number.isFinite(value) || (flags & readingFlagBits.nan) !== 0) {
      line.push([at, null]);
    } else if (flags !== 0) {
      flagged.push([at, value]);
    } else {
      line.push([at, value]);
    }
  }
  return { line, flagged };
}

/** An ECharts markLine entry: a horizontal line at a threshold, in its warning colour. */
export interface ThresholdMarkLine {
  readonly name: string;
  readonly yAxis: number;
  readonly lineStyle: { readonly color: string; readonly type: 'dashed' | 'solid'; readonly width: number };
  readonly label: { readonly formatter: string; readonly color: string; readonly position: 'insideEndTop' };
}

/** The thresholds of a point as markLines, most severe first (HH, H, L, LL or red … blue). */
export function thresholdMarkLines(
  thresholds: PointThresholds | null | undefined,
  colours: ProcessColours,
  label: (step: ThresholdStep) => string = (step) => `${step.level} ${step.value}`,
): ThresholdMarkLine[] {
  if (!thresholds) return [];
  return thresholdSteps(thresholds, colours).map((step) => {
    const color = colourHex(step.colour);
    const text = label(step);
    return {
      name: text,
      yAxis: step.value,
      lineStyle: { color, type: step.level === 'HH' || step.level === 'LL' ? 'solid' : 'dashed', width: 1.5 },
      label: { formatter: text, color, position: 'insideEndTop' },
    };
  });
}

/**
 * The value axis range: every reading and every threshold in view, with 5 % head-room, so that a
 * threshold far from the readings is still drawn. Null when there is nothing to show.
 */
export function valueExtent(
  series: TrendSeries,
  lines: readonly ThresholdMarkLine[],
): { min: number; max: number } | null {
  const values = [
    ...series.line.flatMap(([, v]) => (v === null ? [] : [v])),
    ...series.flagged.map(([, v]) => v),
    ...lines.map((line) => line.yAxis),
  ];
  if (values.length === 0) return null;
  const low = Math.min(...values);
  const high = Math.max(...values);
  const pad = high === low ? Math.max(Math.abs(high) * 0.05, 1) : (high - low) * 0.05;
  return { min: low - pad, max: high + pad };
}
