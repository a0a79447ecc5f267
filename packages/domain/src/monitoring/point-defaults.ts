import { percentOf } from './exact-decimal.ts';
import type { PointThresholds, ThresholdLimits } from './point-thresholds.ts';
import { type MonitoringPointType, monitoringPointTypeOf } from './point-types.ts';
import { type ToxicGasCode, toxicGasSetPointsOf } from './toxic-gas-set-points.ts';

/** What a point's defaults depend on: its type, its unit and, for a toxic-gas detector, the gas. */
export interface PointDefaultsQuery {
  readonly type: MonitoringPointType;
  readonly unit?: string | undefined;
  readonly gas?: ToxicGasCode | undefined;
}

const inDefaultUnit = (query: PointDefaultsQuery) =>
  query.unit === undefined || query.unit === monitoringPointTypeOf(query.type).units[0];

/**
 * Default thresholds of a new point: the type's defaults when the point measures in the type's
 * default unit; for a toxic-gas detector in mg/m³ the GB/T 50493 set points of its gas. Null when
 * the thresholds can only come from the design or the DCS.
 */
export function defaultPointThresholds(query: PointDefaultsQuery): PointThresholds | null {
  if (query.type === 'toxic_gas' && query.gas !== undefined && query.unit === 'mg/m³') {
    const gas = toxicGasSetPointsOf(query.gas);
    return { scheme: 'process', H: { value: gas.level1MgPerM3 }, HH: { value: gas.level2MgPerM3 } };
  }
  return inDefaultUnit(query) ? monitoringPointTypeOf(query.type).defaultThresholds : null;
}

/** Highest set points the standard allows for the point (GB/T 50493-2019 for gas detectors). */
export function pointSetPointMaxima(query: PointDefaultsQuery): ThresholdLimits['setPointMaxima'] {
  if (query.type === 'toxic_gas') {
    if (query.gas === undefined || query.unit !== 'mg/m³') return undefined;
    const gas = toxicGasSetPointsOf(query.gas);
    return { H: gas.level1MgPerM3, HH: gas.level2MgPerM3 };
  }
  return inDefaultUnit(query) ? monitoringPointTypeOf(query.type).setPointMaxima : undefined;
}

/** Default deadband of a point: the type's percentage of the point's own valid span, exactly. */
export function defaultPointDeadband(
  type: MonitoringPointType,
  range: { readonly min: number; readonly max: number },
): number {
  const percent = monitoringPointTypeOf(type).deadbandPercentOfSpan;
  if (percent === 0) return 0;
  return percentOf(range.max - range.min, percent);
}
