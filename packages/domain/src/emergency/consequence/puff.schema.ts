import { z } from 'zod';
import {
  chemicalSummarySchema,
  concentrationValueSchema,
  modelInfoSchema,
  resolvedWeatherSchema,
  warningSchema,
} from './consequence-common.schema.ts';
import { dispersionSubstanceFields, dispersionZoneSchema } from './plume.schema.ts';

/** POST /api/v1/calc/consequence/puff — Gaussian puff of an instantaneous release. */

export const puffReceptorSchema = z
  .object({
    x: z.number().positive().max(100_000).describe('Downwind distance from the source (m)'),
    y: z.number().min(-100_000).max(100_000).default(0).describe('Crosswind offset from the axis (m)'),
    z: z.number().min(0).max(1000).default(0).describe('Height above ground (m)'),
    t: z
      .number()
      .positive()
      .max(86_400)
      .optional()
      .describe('Time after the release (s); omitted = when the puff centre passes x (t = x/u)'),
  })
  .strict();

export const puffRequestSchema = z
  .object({
    ...dispersionSubstanceFields,
    massKg: z.number().positive().max(1e8).describe('Mass released at once, M (kg)'),
    receptors: z.array(puffReceptorSchema).max(100).default([]).describe('Points and times of interest'),
  })
  .strict()
  .describe('An instantaneous release and the weather');

export const puffResponseSchema = z.object({
  model: modelInfoSchema,
  chemical: chemicalSummarySchema.nullable(),
  weather: resolvedWeatherSchema,
  receptors: z.array(
    z.object({
      x: z.number(),
      y: z.number(),
      z: z.number(),
      timeS: z.number().describe('Time after the release (s) of `concentration`'),
      puffCentreM: z.number().describe('Distance travelled by the puff centre at that time (m)'),
      sigmaYM: z.number().describe('σx = σy (m) at the puff centre'),
      sigmaZM: z.number().describe('σz (m) at the puff centre'),
      concentration: concentrationValueSchema,
      peakConcentration: concentrationValueSchema.describe('Concentration when the puff centre passes x'),
      timeIntegratedMgSPerM3: z.number().describe('∫C dt at the point as the puff passes (mg·s/m³)'),
    }),
  ),
  zones: z
    .array(dispersionZoneSchema)
    .describe('Footprint of the peak concentration exceeding each threshold'),
  warnings: z.array(warningSchema),
});

export type PuffRequest = z.output<typeof puffRequestSchema>;
export type PuffResponse = z.output<typeof puffResponseSchema>;
