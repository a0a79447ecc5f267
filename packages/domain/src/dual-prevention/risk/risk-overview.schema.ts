import { z } from 'zod';
import { riskColourSchema, riskLevelSchema } from './risk-level.schema.ts';

/**
 * The bureau's city/county view of enterprise risk (风险分级管控 · 区域风险分布): one row per
 * enterprise that has assessed risk units or a 100-point grading.
 */
export const riskOverviewQuerySchema = z
  .object({
    county: z
      .string()
      .regex(/^\d{6}$/)
      .optional()
      .describe('County code; one outside the caller’s scope answers 404'),
    level: z.coerce
      .number()
      .int()
      .min(1)
      .max(4)
      .optional()
      .describe('Enterprise risk level, 1 (red) … 4 (blue)'),
    sector: z
      .string()
      .regex(/^[a-z_]{1,40}$/)
      .optional()
      .describe('Registry sector (行业领域), e.g. hazchem, metallurgy'),
    industryCode: z
      .string()
      .regex(/^[A-T]\d{0,4}$|^\d{2,4}$/)
      .optional()
      .describe('GB/T 4754 code or its beginning: C, C26, 2614'),
    keyTag: z
      .string()
      .regex(/^[a-z0-9_]{1,64}$/)
      .optional()
      .describe('Key-supervision tag of the enterprise'),
    q: z.string().trim().max(64).optional().describe('Enterprise name contains'),
  })
  .strict();

export const riskOverviewEnterpriseSchema = z.object({
  enterpriseId: z.uuid(),
  name: z.string(),
  county: z.string(),
  industryCode: z.string().nullable(),
  sectors: z.array(z.string()),
  keyTags: z.array(z.string()),
  location: z.object({ lon: z.number(), lat: z.number() }).nullable(),
  demo: z.boolean(),
  level: riskLevelSchema.describe('The enterprise’s level: the worse of its worst risk unit and its grading'),
  colour: riskColourSchema,
  unitLevel: riskLevelSchema.nullable().describe('Level of its worst risk unit (its most severe point)'),
  units: z.number().int().describe('Risk units'),
  pointsByLevel: z.array(z.number().int()).length(4).describe('Risk points of level 1, 2, 3 and 4'),
  grading: z
    .object({
      level: riskLevelSchema,
      score: z.number(),
      gradedAt: z.iso.datetime({ offset: true }),
    })
    .nullable()
    .describe('The latest 100-point enterprise grading, where there is one'),
});

export const riskOverviewSchema = z.object({
  items: z.array(riskOverviewEnterpriseSchema),
  counts: z
    .object({ l1: z.number().int(), l2: z.number().int(), l3: z.number().int(), l4: z.number().int() })
    .describe('Enterprises of each level among the items (for the legend)'),
});

export type RiskOverviewQuery = z.infer<typeof riskOverviewQuerySchema>;
export type RiskOverviewEnterprise = z.infer<typeof riskOverviewEnterpriseSchema>;
export type RiskOverview = z.infer<typeof riskOverviewSchema>;
