import { z } from 'zod';
import { aggravatingCircumstances, mitigatingCircumstances } from './discretion.ts';
import { circumstanceBands } from './discretion-table.ts';
import { rmbYuanSchema } from '../money/rmb-amount.ts';

/* Discretion standards (自由裁量基准): the query of a suggestion, and a table as the bureau edits it. */

export const circumstanceBandSchema = z
  .enum(circumstanceBands)
  .describe('minor 轻微, general 一般, serious 较重, severe 严重');

/** Query of `GET /api/v1/enforcement/discretion/suggestion`. */
export const penaltySuggestionQuerySchema = z
  .object({
    violationCode: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .describe('Violation code of the discretion table, e.g. wsl-97-training'),
    circumstances: z
      .array(z.enum([...mitigatingCircumstances, ...aggravatingCircumstances]))
      .max(20)
      .default([])
      .describe(
        'Circumstances found: first_violation 初次违法, corrected_promptly 及时改正, repeat_violation 多次违法 …',
      ),
    band: circumstanceBandSchema.optional().describe("The officer's own band"),
    bandReason: z
      .string()
      .trim()
      .max(1000)
      .optional()
      .describe('Required when band differs from the computed one'),
  })
  .strict();

const amountRangeSchema = z.object({ minYuan: rmbYuanSchema, maxYuan: rmbYuanSchema }).strict();

export const discretionTableSchema = z
  .object({
    id: z.string().trim().min(1).max(64),
    nameZh: z.string().trim().min(1).max(200),
    nameEn: z.string().trim().min(1).max(200),
    violations: z
      .array(
        z
          .object({
            code: z.string().trim().min(1).max(64),
            titleZh: z.string().trim().min(1).max(500),
            titleEn: z.string().trim().min(1).max(500),
            violatedProvisionZh: z.string().trim().min(1).max(500).describe('The duty broken (违反条款)'),
            penaltyProvisionZh: z.string().trim().min(1).max(1000).describe('The penalty article (处罚依据)'),
            penaltyProvisionEn: z.string().trim().min(1).max(1000),
            statutoryRange: amountRangeSchema,
            bands: z
              .object({
                minor: amountRangeSchema,
                general: amountRangeSchema,
                serious: amountRangeSchema,
                severe: amountRangeSchema,
              })
              .strict(),
            verification: z.enum(['V2', 'V1', 'M', 'NF']).describe('How sure the article and range are'),
          })
          .strict(),
      )
      .max(2000),
  })
  .strict()
  .describe('A discretion standard table; checkDiscretionTable checks the bands against the statutory range');

export type PenaltySuggestionQuery = z.output<typeof penaltySuggestionQuerySchema>;
