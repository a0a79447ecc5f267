import { z } from 'zod';
import type { FieldProblem } from '../errors/domain-error.ts';
import { MonitoringError } from './monitoring.errors.ts';
import { thresholdSides, warningColours } from './monitoring-terms.ts';
import { pointSetPointMaxima } from './point-defaults.ts';
import { pointThresholdProblems } from './point-thresholds.ts';
import { monitoringPointTypeCodes, monitoringPointTypeOf } from './point-types.ts';
import { toxicGasCodes } from './toxic-gas-set-points.ts';

/*
 * Definition of a monitoring point (监测点) as the API takes it. Thresholds are data per point and,
 * for tailings dams, per flood season (GB 39496-2020 §6.4.2): the server versions them.
 */

export const warningColourSchema = z
  .enum(warningColours)
  .describe('Warning colour, lowest first: blue 蓝, yellow 黄, orange 橙, red 红');

export const monitoringPointTypeSchema = z
  .enum(monitoringPointTypeCodes)
  .describe(
    'liquid_level 液位, temperature 温度, pressure 压力, flow 流量, combustible_gas 可燃气体 (%LEL), ' +
      'toxic_gas 有毒气体, surface_displacement 坝体表面位移, internal_displacement 坝体内部位移, ' +
      'phreatic_depth 浸润线埋深, pond_water_level 库水位, dry_beach_length 干滩长度, rainfall 降雨量, ' +
      'ground_displacement 地表位移',
  );

export const monitoringPointCodeSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/, 'letters, digits, _ . : - (at most 64)')
  .describe('Point code as devices send it (位号), unique in the platform, e.g. 530402-T101-LT01');

const processThresholdSchema = z
  .object({
    value: z.number().describe('Set point in the point’s unit'),
    colour: warningColourSchema.optional().describe('Colour of an alarm at this level; default by type'),
  })
  .strict();

export const processThresholdsSchema = z
  .object({
    scheme: z.literal('process'),
    HH: processThresholdSchema.optional().describe('高高限 (gas: 二级报警)'),
    H: processThresholdSchema.optional().describe('高限 (gas: 一级报警)'),
    L: processThresholdSchema.optional().describe('低限'),
    LL: processThresholdSchema.optional().describe('低低限'),
  })
  .strict()
  .describe('Process set points, HH ≥ H > L ≥ LL; alarms when the value reaches a set point');

export const gradedThresholdsSchema = z
  .object({
    scheme: z.literal('graded'),
    side: z.enum(thresholdSides).describe('high: alarms above the limits; low: below them'),
    blue: z.number().optional().describe('蓝色预警阈值'),
    yellow: z.number().optional().describe('黄色预警阈值'),
    orange: z.number().optional().describe('橙色预警阈值'),
    red: z.number().optional().describe('红色预警阈值'),
  })
  .strict()
  .describe('Tailings-dam limits per warning colour (GB 39496-2020 §5.5.4); alarms beyond a limit');

export const pointThresholdsSchema = z.discriminatedUnion('scheme', [
  processThresholdsSchema,
  gradedThresholdsSchema,
]);

const rangeSchema = z
  .object({ min: z.number(), max: z.number() })
  .strict()
  .describe('Valid range of the instrument; readings outside are kept and flagged out_of_range');

const pointShape = {
  code: monitoringPointCodeSchema,
  name: z.string().trim().min(1).max(128).describe('Name, e.g. 1号储罐液位'),
  objectId: z.uuid().describe('The regulated object monitored: a major hazard source or a tailings pond'),
  type: monitoringPointTypeSchema,
  unit: z.string().min(1).max(16).describe('One of the units of the type, e.g. %LEL, MPa, mm'),
  gas: z.enum(toxicGasCodes).optional().describe('Gas of a toxic-gas detector (sets the GB/T 50493 limits)'),
  range: rangeSchema,
  expectedIntervalSeconds: z
    .int()
    .min(1)
    .max(86_400)
    .describe('Expected reporting interval; no data after 3 missed intervals raises an alarm'),
  thresholds: pointThresholdsSchema.optional().describe('Omitted: the defaults of the type'),
  deadband: z
    .number()
    .min(0)
    .optional()
    .describe('Hysteresis: an alarm clears only this far back inside its threshold; default by type'),
  location: z.string().trim().max(200).optional().describe('Where the point is, e.g. 罐区东侧'),
};

export type MonitoringPointDefinition = z.infer<z.ZodObject<typeof pointShape>>;

/** Why a point definition is inconsistent (unit, range, gas, thresholds); empty when it is fine. */
export function monitoringPointProblems(point: MonitoringPointDefinition): FieldProblem[] {
  const type = monitoringPointTypeOf(point.type);
  const out: FieldProblem[] = [];
  const add = (path: string, message: string) =>
    out.push({ path, code: 'monitoring.point_invalid', message });
  if (!type.units.includes(point.unit)) add('unit', `must be one of ${type.units.join(', ')}`);
  if (point.range.min >= point.range.max) add('range.max', 'must be greater than range.min');
  if (point.gas !== undefined && point.type !== 'toxic_gas') add('gas', 'only for a toxic-gas detector');
  if (point.deadband !== undefined && point.deadband >= point.range.max - point.range.min) {
    add('deadband', 'must be smaller than the valid span');
  }
  if (point.thresholds && point.thresholds.scheme !== type.scheme) {
    add('thresholds.scheme', `a ${point.type} point uses ${type.scheme} thresholds`);
  } else if (point.thresholds && out.length === 0) {
    const setPointMaxima = pointSetPointMaxima(point);
    out.push(
      ...pointThresholdProblems(point.thresholds, { range: point.range, sides: type.sides, setPointMaxima }),
    );
  }
  return out;
}

export const monitoringPointDefinitionSchema = z
  .object(pointShape)
  .strict()
  .superRefine((point, context) => {
    for (const problem of monitoringPointProblems(point)) {
      context.addIssue({ code: 'custom', path: problem.path.split('.'), message: problem.message });
    }
  })
  .describe('A monitoring point (监测点) with its thresholds');

/** Throws `monitoring.point_invalid` with the field problems unless the definition is consistent. */
export function requireValidMonitoringPoint(point: MonitoringPointDefinition): void {
  const fields = monitoringPointProblems(point);
  if (fields.length > 0)
    throw new MonitoringError('monitoring.point_invalid', { fields, details: { code: point.code } });
}
