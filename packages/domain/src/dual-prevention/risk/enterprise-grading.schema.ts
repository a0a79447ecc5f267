import { z } from 'zod';
import {
  enterpriseGradingInputSchema,
  enterpriseGradingItems,
  enterpriseRedReasons,
} from './enterprise-grading.ts';
import { riskColourSchema, riskLevelSchema } from './risk-level.schema.ts';
import { isoDate, isoInstant } from '../../common/dates.schema.ts';

/** Answer of the 100-point grading (应急〔2018〕19号, standards.md §2.4). */
export const enterpriseGradingResultSchema = z
  .object({
    score: z.number().describe('Checklist score plus adjustments, 0–100, to the hundredth'),
    scoreColour: riskColourSchema.describe('Colour from the score alone'),
    colour: riskColourSchema.describe('Final colour: red when any red reason applies'),
    level: riskLevelSchema,
    redReasons: z
      .array(z.enum(enterpriseRedReasons))
      .describe('Conditions that make it red whatever its score'),
    adjustments: z
      .array(z.object({ item: z.enum(enterpriseGradingItems), points: z.number() }))
      .describe('Bonus (+) and deduction (−) items applied'),
    reassessBy: isoDate().describe('Latest date of the next assessment'),
  })
  .describe('Enterprise safety-risk grading (blue ≥ 90, yellow ≥ 75, orange ≥ 60, else red)');

/** Body of `PUT /api/v1/risk/enterprise-gradings/:enterpriseId`. */
export const enterpriseGradingSaveSchema = z
  .object({
    ...enterpriseGradingInputSchema.shape,
    note: z.string().trim().max(500).optional().describe('Remarks of the grading department'),
  })
  .strict();

const storedGradingSchema = z.object({
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  county: z.string(),
  input: z.object(enterpriseGradingInputSchema.shape),
  result: enterpriseGradingResultSchema,
  note: z.string().optional(),
  gradedAt: isoInstant(),
  gradedBy: z.string(),
});

/** An enterprise's grading with the earlier ones. */
export const enterpriseGradingRecordSchema = storedGradingSchema.extend({
  history: z.array(storedGradingSchema).describe('Earlier gradings, newest first'),
});

/** One line of the city map's grading layer. */
export const enterpriseGradingSummarySchema = z.object({
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  county: z.string(),
  score: z.number(),
  colour: riskColourSchema,
  level: riskLevelSchema,
  redReasons: z.array(z.enum(enterpriseRedReasons)),
  assessedOn: isoDate(),
  reassessBy: isoDate(),
  gradedAt: isoInstant(),
});

export type EnterpriseGradingSave = z.infer<typeof enterpriseGradingSaveSchema>;
export type StoredEnterpriseGrading = z.infer<typeof storedGradingSchema>;
