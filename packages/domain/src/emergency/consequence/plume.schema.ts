import { z } from 'zod';
import {
  chemicalQuerySchema,
  chemicalSummarySchema,
  concentrationValueSchema,
  modelInfoSchema,
  resolvedThresholdSchema,
  resolvedWeatherSchema,
  thresholdRequestSchema,
  warningSchema,
  weatherSchema,
  zoneExtentSchema,
} from './consequence-common.schema.ts';

/** POST /api/v1/calc/consequence/plume — Gaussian plume of a continuous release. */

export const dispersionReceptorSchema = z
  .object({
    x: z.number().positive().max(100_000).describe('Downwind distance from the source (m)'),
    y: z.number().min(-100_000).max(100_000).default(0).describe('Crosswind offset from the plume axis (m)'),
    z: z.number().min(0).max(1000).default(0).describe('Height above ground (m); 0 = ground level'),
  })
  .strict();

const substanceFields = {
  chemical: chemicalQuerySchema
    .optional()
    .describe('The chemical (name or CAS); gives the molar mass, thresholds and dense-gas warnings'),
  molarMassGPerMol: z
    .number()
    .positive()
    .max(1000)
    .optional()
    .describe('Molar mass (g/mol) for ppm when no chemical is named; above 33 the gas is treated as dense'),
  releaseHeightM: z
    .number()
    .min(0)
    .max(500)
    .default(0)
    .describe('Effective release height H (m); 0 = ground level'),
  liquefiedRelease: z
    .boolean()
    .optional()
    .describe('Released as a liquefied or refrigerated liquid (ammonia, LNG …): such clouds are dense'),
  weather: weatherSchema,
  thresholds: z
    .array(thresholdRequestSchema)
    .max(3)
    .default([])
    .describe('Up to 3 thresholds whose downwind distance and width are wanted'),
};

export const plumeRequestSchema = z
  .object({
    ...substanceFields,
    emissionRateKgPerS: z.number().positive().max(100_000).describe('Release rate Q (kg/s)'),
    releaseDurationS: z
      .number()
      .positive()
      .optional()
      .describe(
        'How long the release lasts (s); a warning is raised when the cloud travels longer than that',
      ),
    receptors: z
      .array(dispersionReceptorSchema)
      .max(100)
      .default([])
      .describe('Points at which the concentration is wanted'),
  })
  .strict()
  .describe('A continuous release and the weather');

export const dispersionZoneSchema = zoneExtentSchema.extend({ threshold: resolvedThresholdSchema });

export const plumeResponseSchema = z.object({
  model: modelInfoSchema,
  chemical: chemicalSummarySchema.nullable().describe('null when only a molar mass (or nothing) was given'),
  weather: resolvedWeatherSchema,
  receptors: z.array(
    z.object({
      x: z.number(),
      y: z.number(),
      z: z.number(),
      sigmaYM: z.number().describe('Crosswind σy (m) at x'),
      sigmaZM: z.number().describe('Vertical σz (m) at x'),
      concentration: concentrationValueSchema,
    }),
  ),
  peakGroundConcentration: z
    .object({ distanceM: z.number(), concentration: concentrationValueSchema })
    .nullable()
    .describe(
      'Maximum ground-level concentration of an elevated release and where it occurs; null for H = 0',
    ),
  zones: z.array(dispersionZoneSchema),
  warnings: z.array(warningSchema),
});

export { substanceFields as dispersionSubstanceFields };
export type PlumeRequest = z.output<typeof plumeRequestSchema>;
export type PlumeResponse = z.output<typeof plumeResponseSchema>;
