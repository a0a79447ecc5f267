import { z } from 'zod';
import { yuxiCounties } from '../registry/divisions/yuxi-divisions.ts';

/**
 * A campaign's progress rolled up (issue 14: "progress rolls up by county and department"): for each
 * county (where the enterprise lies) and each unit answering for objects, the objects, those closed
 * (销号, awaiting or past verification) and those verified, and the share verified — an object counts
 * as done only once the 安委办 verified it. Counties without objects are listed with zeros so the map
 * shows all nine.
 */
export interface RollupObject {
  readonly county: string;
  readonly organisationId: string;
  readonly organisationName: string;
  readonly status: 'open' | 'closed' | 'verified';
}

const tallySchema = z.object({
  objects: z.number().int(),
  closed: z.number().int().describe('Closed (销号) by the unit: awaiting verification or verified'),
  verified: z.number().int(),
  percent: z.number().int().nullable().describe('Verified of all, rounded down; null without objects'),
});
export const campaignRollupSchema = z.object({
  byCounty: z.array(tallySchema.extend({ county: z.string(), countyZh: z.string(), countyEn: z.string() })),
  byUnit: z.array(tallySchema.extend({ organisationId: z.string(), organisationName: z.string() })),
});
export type CampaignRollup = z.infer<typeof campaignRollupSchema>;

function tally(objects: readonly RollupObject[]) {
  const closed = objects.filter((o) => o.status !== 'open').length;
  const verified = objects.filter((o) => o.status === 'verified').length;
  return {
    objects: objects.length,
    closed,
    verified,
    percent: objects.length ? Math.floor((verified * 100) / objects.length) : null,
  };
}

export function campaignRollup(objects: readonly RollupObject[]): CampaignRollup {
  const units = new Map<string, string>();
  for (const o of objects) units.set(o.organisationId, o.organisationName);
  return {
    byCounty: yuxiCounties.map((c) => ({
      county: c.code,
      countyZh: c.nameZh,
      countyEn: c.nameEn,
      ...tally(objects.filter((o) => o.county === c.code)),
    })),
    byUnit: [...units]
      .map(([organisationId, organisationName]) => ({
        organisationId,
        organisationName,
        ...tally(objects.filter((o) => o.organisationId === organisationId)),
      }))
      .sort((a, b) => b.objects - a.objects || a.organisationName.localeCompare(b.organisationName, 'zh-CN')),
  };
}
