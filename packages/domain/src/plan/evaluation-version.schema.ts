import { z } from 'zod';

/** Mid-term (2023) or final (2025) evaluation (seed text 五（四）). */
export const evaluationKindSchema = z.enum(['mid', 'final']).describe('Mid-term or final evaluation');

const authorText = z.string().trim().max(20000);

/**
 * The sections of an evaluation report the authors write (the figures come from the data):
 * 一、总体评价, the analysis under 六、存在的问题 and 八、下一步工作. Empty means "not written yet".
 */
export const evaluationAuthorTextSchema = z
  .object({
    overall: authorText.default('').describe('一、总体评价'),
    problems: authorText
      .default('')
      .describe('六、存在的问题: the authors’ analysis under the overdue table'),
    nextSteps: authorText.default('').describe('八、下一步工作'),
  })
  .strict();

/** Saving the report generated now as a new version; without `text` the previous version's is carried forward. */
export const evaluationVersionCreateSchema = z
  .object({
    kind: evaluationKindSchema,
    note: z.string().trim().max(500).default('').describe('What this version is for, e.g. 征求意见稿'),
    text: evaluationAuthorTextSchema.optional(),
  })
  .strict();

export const evaluationVersionQuerySchema = z.object({ kind: evaluationKindSchema.optional() }).strict();

/** A saved version: immutable; its DOCX is downloaded unchanged. */
export const evaluationVersionSchema = z.object({
  id: z.string(),
  planId: z.string(),
  kind: evaluationKindSchema,
  year: z.number().int().describe('The year the report evaluates (the period)'),
  version: z.number().int().describe('1, 2, … per plan and kind'),
  note: z.string(),
  text: evaluationAuthorTextSchema,
  createdBy: z.string().describe('Display name of who saved it'),
  createdAt: z.string(),
  size: z.number().int().describe('Bytes of the stored DOCX'),
});

export const evaluationVersionListSchema = z.object({ items: z.array(evaluationVersionSchema) });

export type EvaluationKind = z.infer<typeof evaluationKindSchema>;
export type EvaluationAuthorText = z.infer<typeof evaluationAuthorTextSchema>;
export type EvaluationVersionCreate = z.infer<typeof evaluationVersionCreateSchema>;
export type EvaluationVersion = z.infer<typeof evaluationVersionSchema>;
