import { z } from 'zod';
import { lecBands, lecConsequenceScores, lecExposureScores, lecLikelihoodScores } from './lec.ts';
import { riskColourSchema, riskLevelSchema } from './risk-level.schema.ts';

/** Body of `POST /api/v1/calc/lec`. */
export const lecRequestSchema = z
  .object({
    l: z
      .literal([...lecLikelihoodScores])
      .describe(
        'L, likelihood (事故发生的可能性): 10 fully expected, 6 quite possible, 3 possible but unusual, ' +
          '1 unlikely, 0.5 conceivable but very unlikely, 0.2 extremely unlikely, 0.1 practically impossible',
      ),
    e: z
      .literal([...lecExposureScores])
      .describe(
        'E, exposure (暴露于危险环境的频繁程度): 10 continuous, 6 daily in working hours, ' +
          '3 weekly or occasional, 2 monthly, 1 a few times a year, 0.5 very rarely',
      ),
    c: z
      .literal([...lecConsequenceScores])
      .describe(
        'C, consequence (发生事故产生的后果): 100 catastrophe, many deaths; 40 disaster, several deaths; ' +
          '15 very serious, one death; 7 serious injury; 3 major, disability; 1 noticeable, first aid',
      ),
  })
  .strict()
  .describe('作业条件危险性评价法 (LEC) scores');

/** Answer of `POST /api/v1/calc/lec`. */
export const lecResponseSchema = z
  .object({
    d: z.number().min(0).describe('D = L × E × C, exact to the hundredth'),
    band: z
      .literal([...lecBands])
      .describe(
        'Danger band: 1 D > 320 极其危险 (stop work), 2 160 < D ≤ 320 高度危险, 3 70 < D ≤ 160 显著危险, ' +
          '4 20 < D ≤ 70 一般危险, 5 D ≤ 20 稍有危险 (acceptable)',
      ),
    level: riskLevelSchema,
    colour: riskColourSchema,
  })
  .describe('LEC result; bands 4 and 5 are both 低风险 (blue) under the default table');

export type LecRequest = z.infer<typeof lecRequestSchema>;
export type LecResponse = z.infer<typeof lecResponseSchema>;
