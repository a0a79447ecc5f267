import { z } from 'zod';
import { lsScores } from './ls.ts';
import { riskColourSchema, riskLevelSchema } from './risk-level.schema.ts';

/** Body of `POST /api/v1/calc/ls`. */
export const lsRequestSchema = z
  .object({
    l: z
      .literal([...lsScores])
      .describe(
        'L, likelihood, 1–5: 5 no prevention, monitoring or protection, undetectable, or frequent; ' +
          '1 adequate, effective measures and strict procedures',
      ),
    s: z
      .literal([...lsScores])
      .describe(
        'S, severity, 1–5: the highest of legal compliance, personal injury (5 death), direct economic loss, ' +
          'shutdown and reputation',
      ),
  })
  .strict()
  .describe('风险矩阵 (LS) scores');

/** Answer of `POST /api/v1/calc/ls`. */
export const lsResponseSchema = z
  .object({
    r: z.int().min(1).max(25).describe('R = L × S'),
    level: riskLevelSchema.describe(
      'Risk level under the default table: R ≥ 20 → 1, ≥ 15 → 2, ≥ 9 → 3, else 4',
    ),
    colour: riskColourSchema,
  })
  .describe('LS result');

export type LsRequest = z.infer<typeof lsRequestSchema>;
export type LsResponse = z.infer<typeof lsResponseSchema>;
