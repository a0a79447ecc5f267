import { z } from 'zod';
import { assessmentSchema, rankedUnitSchema } from './plan.schema.ts';

/**
 * A unit's self-assessment (自评) in the yearly assessment (statistics-and-plan.md §4.2: units
 * self-assess, then the assessors score): per item a self-score, a comment and evidence, entered by
 * the unit's own account before the assessors score it. The ranking and the notice keep the
 * assessors' scores; the self-scores stand beside them.
 */
export const selfAssessmentItemInputSchema = z
  .object({
    code: z.string().regex(/^[a-z0-9_]{1,32}$/),
    score: z.number().min(0).max(100).describe('Self-score, 0 … the item’s points, one decimal at most'),
    comment: z.string().trim().max(2000).default('').describe('What the unit did for this item'),
    evidence: z.array(z.uuid()).max(20).default([]).describe('Upload ids (uploads module)'),
  })
  .strict();

export const selfAssessmentInputSchema = z
  .object({
    items: z
      .array(selfAssessmentItemInputSchema)
      .min(1)
      .max(30)
      .refine((items) => new Set(items.map((i) => i.code)).size === items.length, {
        message: 'each item once',
      })
      .describe('The items self-assessed now; items not named keep what was entered before'),
  })
  .strict();

export const selfAssessmentSchema = z.object({
  total: z.number().describe('Sum of the self-scores (items not self-assessed count 0)'),
  items: z.record(
    z.string(),
    z.object({ score: z.number(), comment: z.string(), evidence: z.array(z.string()) }),
  ),
  submittedBy: z.string(),
  submittedAt: z.string(),
});

/** What the caller may do on a unit's row: the 安委办 scores, the unit's own account self-assesses. */
export const assessmentUnitActions = ['score', 'self_assess'] as const;

export const assessmentDetailSchema = assessmentSchema.extend({
  publishedAt: z.string().nullable().describe('When the results were published (通报); scores are final'),
  allowedActions: z.array(z.enum(['publish'])),
  units: z.array(
    rankedUnitSchema.extend({
      scoredAt: z.string().nullable(),
      selfAssessment: selfAssessmentSchema
        .nullable()
        .describe('Shown to the 安委办 and to the unit’s own accounts; null before the unit self-assesses'),
      allowedActions: z.array(z.enum(assessmentUnitActions)),
    }),
  ),
});

export type SelfAssessmentInput = z.infer<typeof selfAssessmentInputSchema>;
export type SelfAssessment = z.infer<typeof selfAssessmentSchema>;
export type AssessmentDetail = z.infer<typeof assessmentDetailSchema>;
