import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  spotCheckDrawInputSchema,
  spotCheckItemListQuerySchema,
  spotCheckItemSchema,
  spotCheckListQuerySchema,
  spotCheckProblemSchema,
  spotCheckRecordInputSchema,
  spotCheckSchema,
} from '@anjian/domain';
import { requireAuth } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import { registerListWithExport } from '../../platform/office/index.ts';
import { spotCheckExportColumns, spotCheckItemExportColumns } from './spot-checks-export.ts';
import type { SpotChecksService } from './spot-checks.service.ts';

const tags = ['obligations'];
const O = '/api/v1/obligations';

export function registerSpotChecksRoutes(
  app: FastifyInstance,
  { spotChecks, clock }: { spotChecks: SpotChecksService; clock: Clock },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    `${O}/spot-check-problems`,
    {
      config: { access: 'registry:read' },
      schema: {
        tags,
        summary: 'The bureau’s problem types for spot checks, with the credit each gives an agency',
        response: { 200: z.array(spotCheckProblemSchema) },
      },
    },
    async () =>
      spotChecks.problems().map((p) => ({
        code: p.code,
        zh: p.zh,
        en: p.en,
        minor: p.minor,
        serious: p.serious,
        unverified: p.mark === 'U',
      })),
  );

  registerListWithExport(app, {
    path: `${O}/spot-checks`,
    tags,
    access: 'registry:read',
    summary: 'Spot-check draws with items in the caller’s scope, newest first',
    query: spotCheckListQuerySchema,
    item: spotCheckSchema,
    viewer: (request) => requireAuth(request),
    list: (viewer, filter, paging) => spotChecks.listSpotChecks(viewer, filter, paging),
    export: {
      audit: 'obligations.spot_checks_export',
      asciiName: 'spot-checks',
      name: '抽查记录',
      columns: spotCheckExportColumns,
    },
    clock,
  });

  api.post(
    `${O}/spot-checks`,
    {
      config: { access: 'registry:write', audit: 'obligations.spot_check_draw' },
      schema: {
        tags,
        summary:
          'Draw reports or accepted projects of a period to check (random with a recorded seed, or chosen)',
        body: spotCheckDrawInputSchema,
        response: { 201: spotCheckSchema },
      },
    },
    async (request, reply) => {
      const drawn = await spotChecks.draw(requireAuth(request), request.body);
      request.auditTarget = drawn.id;
      return reply.status(201).send(drawn);
    },
  );

  registerListWithExport(app, {
    path: `${O}/spot-check-items`,
    tags,
    access: 'registry:read',
    summary: 'The drawn reports and projects in the caller’s scope with their findings and results',
    query: spotCheckItemListQuerySchema,
    item: spotCheckItemSchema,
    viewer: (request) => requireAuth(request),
    list: (viewer, filter, paging) => spotChecks.listItems(viewer, filter, paging),
    export: {
      audit: 'obligations.spot_checks_export',
      asciiName: 'spot-check-items',
      name: '抽查结果',
      columns: spotCheckItemExportColumns(spotChecks.problems()),
    },
    clock,
  });

  api.put(
    `${O}/spot-check-items/:id`,
    {
      config: { access: 'registry:write', audit: 'obligations.spot_check_record' },
      schema: {
        tags,
        summary:
          'Record one check: date, inspectors, findings and 合格/不合格 with the rectification required',
        params: z.object({ id: z.uuid() }),
        body: spotCheckRecordInputSchema,
        response: { 200: spotCheckItemSchema },
      },
    },
    async (request) => {
      request.auditTarget = request.params.id;
      return spotChecks.record(requireAuth(request), request.params.id, request.body);
    },
  );
}
