import { describe, expect, it } from 'vitest';
import { monitoringPointTypeCodes, monitoringPointTypeOf } from '@anjian/domain';
import { demoThresholds } from '../demo/demo-monitoring.ts';
import { baselineOf, excursionTarget, simulatedValue, type SimulatedPoint } from './simulator.ts';

const pointOf = (type: (typeof monitoringPointTypeCodes)[number]): SimulatedPoint => ({
  code: `SIM-${type}`,
  type,
  range: monitoringPointTypeOf(type).range,
  thresholds: demoThresholds(type),
  expectedIntervalSeconds: 10,
});

/** Whether a value is past the most severe threshold of the point. */
function pastWorst(point: SimulatedPoint, value: number): boolean {
  const t = point.thresholds!;
  if (t.scheme === 'process') return value >= (t.HH ?? t.H)!.value;
  return t.side === 'high' ? value >= t.red! : value <= t.red!;
}
/** Whether a value is inside every threshold. */
function calm(point: SimulatedPoint, value: number): boolean {
  const t = point.thresholds!;
  if (t.scheme === 'process') {
    const high = (t.H ?? t.HH)?.value ?? Infinity;
    const low = (t.L ?? t.LL)?.value ?? -Infinity;
    return value < high && value > low;
  }
  return t.side === 'high' ? value < t.blue! : value > t.blue!;
}

describe('the demo simulator’s values', () => {
  const types = monitoringPointTypeCodes.filter((type) => type !== 'rainfall' && type !== 'flow');

  it.each(types)('%s: calm values stay inside every threshold and within range', (type) => {
    const point = pointOf(type);
    for (let minute = 0; minute < 30; minute += 1) {
      for (const noise of [0, 0.5, 1]) {
        const value = simulatedValue(point, minute * 60_000, false, noise);
        expect(calm(point, value), `${value}`).toBe(true);
        expect(value).toBeGreaterThanOrEqual(point.range.min);
        expect(value).toBeLessThanOrEqual(point.range.max);
      }
    }
    expect(calm(point, baselineOf(point))).toBe(true);
  });

  it.each(types)('%s: an excursion goes past the most severe threshold', (type) => {
    const point = pointOf(type);
    expect(excursionTarget(point)).not.toBeNull();
    for (const noise of [0, 0.5, 1])
      expect(pastWorst(point, simulatedValue(point, 0, true, noise))).toBe(true);
  });
});
