import { z } from 'zod';
import { warningColourSchema } from './monitoring-point.schema.ts';
import { isoInstant } from '../common/dates.schema.ts';

/*
 * The four-colour warning (四色预警) of a site as the API answers it (site-warning.ts). Every level
 * carries its reasons: which points and items, which roll-up rule.
 */

export const rollupReasonSchema = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('own_level').describe('Children already at this level'),
      level: warningColourSchema,
      children: z.array(z.string()).describe('Point codes, or monitored items of a tailings pond'),
      points: z.array(z.string()).describe('The points behind them'),
    }),
    z.object({
      kind: z.literal('rule').describe('A roll-up rule: count children at atLeast or above make level'),
      ruleId: z.string(),
      count: z.int().min(1),
      atLeast: warningColourSchema,
      level: warningColourSchema,
      children: z.array(z.string()).describe('The children counted'),
      points: z.array(z.string()).describe('The points behind them'),
    }),
  ])
  .describe('Why a site or item has its level');

/** Answer of `GET /api/v1/warnings/:objectId` and of the warning list. */
export const warningResponseSchema = z
  .object({
    objectId: z.uuid().describe('Tailings pond or major hazard source'),
    enterpriseId: z.uuid(),
    level: warningColourSchema.nullable().describe('null: no warning'),
    preset: z.object({ id: z.string(), version: z.int().min(1) }).describe('Roll-up rules used'),
    evaluatedAt: isoInstant(),
    since: isoInstant().optional().describe('When the site reached this level'),
    reasons: z.array(rollupReasonSchema),
    items: z
      .array(
        z.object({
          item: z.string().describe('Monitored item, e.g. dam_displacement, phreatic_depth'),
          level: warningColourSchema,
          reasons: z.array(rollupReasonSchema),
        }),
      )
      .describe('Monitored items with a level (tailings ponds), most severe first'),
  })
  .describe('Four-colour warning of a site (四色预警)');

export type WarningResponse = z.infer<typeof warningResponseSchema>;
