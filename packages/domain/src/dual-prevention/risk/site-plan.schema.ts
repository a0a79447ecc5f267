import { z } from 'zod';
import { isoInstant } from '../../common/dates.schema.ts';

/**
 * The site plan (厂区平面图) under an enterprise's four-colour risk map (风险四色分布图): an uploaded
 * image and its size in pixels, the space the risk units' outlines are drawn in.
 */
const pixels = z.number().int().min(1).max(100_000);

export const riskSitePlanInputSchema = z
  .object({
    enterpriseId: z.uuid(),
    uploadId: z.uuid().describe('An image uploaded through POST /api/v1/uploads for this enterprise'),
    width: pixels.describe('Image width in pixels'),
    height: pixels.describe('Image height in pixels'),
  })
  .strict();
export type RiskSitePlanInput = z.infer<typeof riskSitePlanInputSchema>;

export const riskSitePlanSchema = z.object({
  enterpriseId: z.uuid(),
  uploadId: z.uuid(),
  width: z.number().int(),
  height: z.number().int(),
  updatedBy: z.string(),
  updatedAt: isoInstant(),
});
export type RiskSitePlan = z.infer<typeof riskSitePlanSchema>;
