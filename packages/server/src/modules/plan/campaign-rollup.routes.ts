import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { campaignRollupSchema, type CampaignRollup } from '@anjian/domain';
import { requireAuth } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import {
  sendOfficeFile,
  tableSheet,
  workbookOfSheets,
  type SheetColumn,
} from '../../platform/office/index.ts';
import type { CampaignsService } from './campaigns.service.ts';
import { planViewerOf } from './plan-viewer.ts';

const readers = ['plan:manage', 'plan:report'] as const;
const params = z.object({ id: z.uuid() }).strict();

type Tally = { objects: number; closed: number; verified: number; percent: number | null };
const tallyColumns = <T extends Tally>(): SheetColumn<T>[] => [
  { header: '整治对象', width: 10, value: (r) => r.objects },
  { header: '已销号', width: 10, value: (r) => r.closed },
  { header: '已验收', width: 10, value: (r) => r.verified },
  { header: '验收率（%）', width: 12, value: (r) => r.percent ?? '' },
];

/** The roll-up as a workbook: one sheet by county, one by unit. */
function rollupWorkbook(rollup: CampaignRollup) {
  return workbookOfSheets([
    tableSheet(
      '按县（市、区）',
      [
        { header: '县（市、区）', width: 14, value: (r) => r.countyZh },
        ...tallyColumns<CampaignRollup['byCounty'][number]>(),
      ],
      rollup.byCounty,
    ),
    tableSheet(
      '按负责单位',
      [
        { header: '负责单位', width: 28, value: (r) => r.organisationName },
        ...tallyColumns<CampaignRollup['byUnit'][number]>(),
      ],
      rollup.byUnit,
    ),
  ]);
}

/**
 * A campaign's progress rolled up by county (the map) and by unit (the table), over the objects the
 * caller may see (the 安委办: all; a unit: its own), and the same as Excel.
 */
export function registerCampaignRollupRoutes(
  app: FastifyInstance,
  deps: { clock: Clock; campaigns: CampaignsService },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/v1/plan/campaigns/:id/rollup',
    {
      config: { access: readers },
      schema: {
        tags: ['plan'],
        summary:
          'A campaign’s objects, closed and verified by county and by unit (the caller’s objects only)',
        params,
        response: { 200: campaignRollupSchema },
      },
    },
    async (request) =>
      (await deps.campaigns.rollup(planViewerOf(requireAuth(request)), request.params.id)).rollup,
  );

  api.get(
    '/api/v1/plan/campaigns/:id/rollup/export',
    {
      config: { access: readers, audit: 'plan.campaign_rollup_export' },
      schema: { tags: ['plan'], summary: 'The roll-up as Excel (by county, by unit)', params },
    },
    async (request, reply) => {
      const { campaign, rollup } = await deps.campaigns.rollup(
        planViewerOf(requireAuth(request)),
        request.params.id,
      );
      request.auditTarget = campaign.id;
      const now = deps.clock.now();
      return sendOfficeFile(
        reply,
        'xlsx',
        { asciiName: 'plan_campaign_rollup', name: `${campaign.name}_进展汇总`, stampedAt: now },
        await rollupWorkbook(rollup),
      );
    },
  );
}
