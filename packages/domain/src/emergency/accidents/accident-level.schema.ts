import { z } from 'zod';
import { accidentLevels } from './accident-level.ts';

/** POST /api/v1/calc/accident-level — level of an accident by 国务院令第493号 Art. 3. */

const headCountSchema = z.number().int().min(0).max(1_000_000);

export const accidentLevelRequestSchema = z
  .object({
    deaths: headCountSchema.describe('Deaths (死亡人数)'),
    seriousInjuries: headCountSchema.describe(
      'Serious injuries, acute industrial poisoning included (重伤，含急性工业中毒)',
    ),
    directLossWan: z
      .union([
        z
          .string()
          .trim()
          .regex(/^\d{1,12}(\.\d{1,6})?$/, 'a decimal such as 999.99'),
        z.number().min(0),
      ])
      .describe(
        'Direct economic loss in 万元 (10,000 yuan), ≥ 0; 1 亿元 = 10000. Send a decimal string to keep it exact.',
      ),
  })
  .strict()
  .describe('The casualty and loss figures of one accident');

export const accidentLevelReasonSchema = z.object({
  dimension: z.enum(['deaths', 'seriousInjuries', 'directLoss']),
  value: z.string().describe('The figure: a head count, or 万元 as an exact decimal'),
  level: z.enum(accidentLevels).describe('Level this figure alone reaches'),
  decisive: z.boolean().describe('This figure reaches the accident level (the highest of the three)'),
  zh: z.string().describe('The reason in Chinese, e.g. 死亡 3 人：3人以上10人以下，较大事故'),
  en: z.string().describe('The reason in English'),
});

export const accidentLevelResponseSchema = z
  .object({
    level: z
      .enum(accidentLevels)
      .describe('general = 一般, larger = 较大, major = 重大, especially_major = 特别重大'),
    reasons: z
      .array(accidentLevelReasonSchema)
      .describe('One entry per figure: deaths, serious injuries, loss'),
  })
  .describe('The level: the highest one reached by any of the three figures');

export type AccidentLevelRequest = z.infer<typeof accidentLevelRequestSchema>;
export type AccidentLevelResponse = z.infer<typeof accidentLevelResponseSchema>;
