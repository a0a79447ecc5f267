import { z } from 'zod';
import {
  chemicalQuerySchema,
  chemicalSummarySchema,
  modelInfoSchema,
  thermalProbitSchema,
  thermalReceptorSchema,
  thermalThresholdsSchema,
  thermalZoneSchema,
  warningSchema,
} from './consequence-common.schema.ts';

/** POST /api/v1/calc/consequence/bleve — BLEVE fireball thermal radiation. */

export const bleveRequestSchema = z
  .object({
    chemical: chemicalQuerySchema
      .optional()
      .describe('The fuel; gives the heat of combustion for the point-source model'),
    fuelMassKg: z
      .number()
      .positive()
      .max(1e7)
      .describe('Fuel mass in the fireball M (kg), usually the whole vessel content'),
    radiationModel: z
      .enum(['solid_flame', 'point_source'])
      .default('solid_flame')
      .describe('solid_flame: q = τ·E·F (CCPS); point_source: Hymes q = 2.2 τ η_r ΔHc M^0.67 / (4π L²)'),
    emissivePowerKwPerM2: z
      .number()
      .positive()
      .max(1000)
      .default(350)
      .describe('Surface emissive power E (kW/m²), CCPS 350'),
    transmissivity: z
      .number()
      .positive()
      .max(1)
      .default(1)
      .describe('Atmospheric transmissivity τ (1 for screening)'),
    radiativeFraction: z
      .number()
      .positive()
      .max(1)
      .default(0.3)
      .describe('η_r of the point-source model: 0.3 below the relief-valve set pressure, 0.4 at or above'),
    heatOfCombustionMjPerKg: z
      .number()
      .positive()
      .max(200)
      .optional()
      .describe('Overrides the table value (MJ/kg)'),
    thresholds: thermalThresholdsSchema,
    distancesM: z
      .array(z.number().min(0).max(100_000))
      .max(50)
      .default([])
      .describe('Ground distances (m) from the point under the fireball'),
    probit: thermalProbitSchema,
  })
  .strict()
  .describe('A fireball from a BLEVE of a flammable liquefied gas');

export const bleveResponseSchema = z.object({
  model: modelInfoSchema,
  chemical: chemicalSummarySchema.nullable(),
  diameterM: z.number().describe('D = 5.8 M^{1/3}'),
  durationS: z.number().describe('t = 0.45 M^{1/3} below 30 t, 2.6 M^{1/6} above'),
  liftOffHeightM: z.number().describe('CCPS centre height after lift-off, 0.75 D'),
  maxFluxKwPerM2: z.number().describe('Highest flux at ground level'),
  zones: z.array(thermalZoneSchema).describe('Fluxes compared by dose over the fireball duration'),
  receptors: z.array(thermalReceptorSchema.extend({ viewFactor: z.number().nullable() })),
  warnings: z.array(warningSchema),
});

export type BleveRequest = z.output<typeof bleveRequestSchema>;
export type BleveResponse = z.output<typeof bleveResponseSchema>;
