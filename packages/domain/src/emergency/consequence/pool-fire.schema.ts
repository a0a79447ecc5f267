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

/** POST /api/v1/calc/consequence/pool-fire — thermal radiation of a burning pool (point source). */

export const burgessInputSchema = z
  .object({
    heatOfVaporisationKjPerKg: z.number().positive().max(5000).describe('ΔHv at the boiling point (kJ/kg)'),
    specificHeatKjPerKgK: z
      .number()
      .positive()
      .max(10)
      .default(2)
      .describe('Liquid heat capacity cp (kJ/kg/K)'),
    boilingPointC: z.number().min(-273).max(600).describe('Normal boiling point (°C)'),
    ambientC: z.number().min(-50).max(60).default(20).describe('Ambient (liquid) temperature (°C)'),
  })
  .strict()
  .describe('Burgess estimate m″ = 0.001 ΔHc / (cp (Tb − Ta) + ΔHv); the cp term is dropped when Tb < Ta');

export const poolFireRequestSchema = z
  .object({
    chemical: chemicalQuerySchema.optional().describe('The fuel; gives ΔHc and a measured burning rate'),
    poolDiameterM: z.number().positive().max(500).optional().describe('Pool diameter D (m)'),
    poolAreaM2: z
      .number()
      .positive()
      .max(200_000)
      .optional()
      .describe('Pool (or bund) area (m²), as an equivalent circle'),
    burningRate: z
      .union([z.number().positive().max(1).describe('Burning flux m″ (kg/m²/s)'), burgessInputSchema])
      .optional()
      .describe('Measured m″, or the Burgess estimate; default: the table value for the chemical'),
    heatOfCombustionMjPerKg: z
      .number()
      .positive()
      .max(200)
      .optional()
      .describe('Overrides the table value (MJ/kg)'),
    radiativeFraction: z
      .number()
      .positive()
      .max(1)
      .default(0.35)
      .describe('η_r, fraction of the heat released as radiation (0.15–0.35; 0.35 is the cautious end)'),
    transmissivity: z
      .number()
      .positive()
      .max(1)
      .default(1)
      .describe('Atmospheric transmissivity τ (1 for screening)'),
    airDensityKgPerM3: z
      .number()
      .positive()
      .max(2)
      .default(1.2)
      .describe('Air density ρa for the flame height (kg/m³); ~1.0 at Yuxi’s altitude (~1600 m)'),
    exposureS: z
      .number()
      .positive()
      .max(3600)
      .default(60)
      .describe('Exposure time of people (s) for doses and probits'),
    thresholds: thermalThresholdsSchema,
    distancesM: z
      .array(z.number().positive().max(100_000))
      .max(50)
      .default([])
      .describe('Distances (m) from the pool centre'),
    probit: thermalProbitSchema,
  })
  .strict()
  .refine((r) => (r.poolDiameterM === undefined) !== (r.poolAreaM2 === undefined), {
    message: 'give exactly one of poolDiameterM and poolAreaM2',
    path: ['poolDiameterM'],
  })
  .describe('A burning pool of flammable liquid');

export const poolFireResponseSchema = z.object({
  model: modelInfoSchema,
  chemical: chemicalSummarySchema.nullable(),
  poolDiameterM: z.number(),
  poolAreaM2: z.number(),
  burningRateKgPerM2S: z.number(),
  burningRateSource: z.enum(['given', 'burgess', 'table']),
  heatOfCombustionMjPerKg: z.number(),
  flameHeightM: z.number().describe('Thomas correlation'),
  heatReleaseRateMw: z.number().describe('m″ · A · ΔHc'),
  radiatedPowerMw: z.number().describe('Qr = η_r · m″ · A · ΔHc'),
  zones: z.array(thermalZoneSchema).describe('Distances from the pool centre'),
  receptors: z.array(thermalReceptorSchema),
  warnings: z.array(warningSchema),
});

export type PoolFireRequest = z.output<typeof poolFireRequestSchema>;
export type PoolFireResponse = z.output<typeof poolFireResponseSchema>;
