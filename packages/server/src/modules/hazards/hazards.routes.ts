import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  hazardCriteriaLists,
  hiddenHazardActionSchema,
  hiddenHazardLevelSchema,
  hiddenHazardReportSchema,
  hiddenHazardResponseSchema,
  hiddenHazardStatisticsSchema,
  hiddenHazardStatusSchema,
  pageOf,
  pageQuerySchema,
} from '@anjian/domain';
import { requireAuth } from '../../platform/access.ts';
import type { HazardsService } from './hazards.service.ts';

const tags = ['hazards'];
const idParams = z.object({ id: z.uuid() });
const hazardSchema = hiddenHazardResponseSchema.extend({ enterpriseName: z.string(), county: z.string() });
const filterSchema = z.object({
  status: hiddenHazardStatusSchema.optional(),
  level: hiddenHazardLevelSchema.optional(),
  county: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  enterpriseId: z.uuid().optional(),
  supervised: z.enum(['true', 'false']).optional().describe('Only hazards under (or not under) 挂牌督办'),
  open: z.enum(['true', 'false']).optional().describe('Only hazards not yet closed or dismissed'),
  q: z.string().trim().max(64).optional().describe('Part of the description or the enterprise name'),
});
const toFilter = (query: z.infer<typeof filterSchema>) => ({
  ...query,
  supervised: query.supervised === undefined ? undefined : query.supervised === 'true',
  open: query.open === 'true',
});

export function registerHazardsRoutes(app: FastifyInstance, { hazards }: { hazards: HazardsService }) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/hazards/criteria',
    {
      config: { access: 'hazard:read' },
      schema: {
        tags,
        summary:
          'The statutory major-hazard criteria lists (化工和危险化学品, 烟花爆竹, 工贸, 金属非金属矿山) for the report form',
        response: { 200: z.object({ items: z.array(z.unknown()) }) },
      },
    },
    async () => ({ items: [...hazardCriteriaLists] }),
  );

  api.get(
    '/api/v1/hazards',
    {
      config: { access: 'hazard:read' },
      schema: {
        tags,
        summary: 'Hidden hazards in the caller’s scope, newest first',
        querystring: pageQuerySchema.extend(filterSchema.shape),
        response: { 200: pageOf(hazardSchema) },
      },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      return hazards.list(requireAuth(request), toFilter(filter), { page, pageSize });
    },
  );

  api.get(
    '/api/v1/hazards/statistics',
    {
      config: { access: 'hazard:read' },
      schema: {
        tags,
        summary: 'Counts by status, level and deadline state',
        querystring: filterSchema,
        response: { 200: hiddenHazardStatisticsSchema },
      },
    },
    async (request) => hazards.statistics(requireAuth(request), toFilter(request.query)),
  );

  api.post(
    '/api/v1/hazards',
    {
      config: { access: ['hazard:report', 'hazard:supervise', 'enforcement:write'], audit: 'hazard.report' },
      schema: {
        tags,
        summary: 'Report a hidden hazard; ticking any statutory criterion makes it 重大',
        body: hiddenHazardReportSchema,
        response: { 201: hazardSchema },
      },
    },
    async (request, reply) => {
      const created = await hazards.report(requireAuth(request), request.body);
      request.auditTarget = created.id;
      request.auditDetail = `${created.level} ${created.enterpriseName}`;
      return reply.status(201).send(created);
    },
  );

  api.get(
    '/api/v1/hazards/:id',
    {
      config: { access: 'hazard:read' },
      schema: { tags, params: idParams, response: { 200: hazardSchema } },
    },
    async (request) => hazards.get(requireAuth(request), request.params.id),
  );

  api.post(
    '/api/v1/hazards/:id/actions',
    {
      config: { access: ['hazard:report', 'hazard:supervise', 'enforcement:write'], audit: 'hazard.action' },
      schema: {
        tags,
        summary:
          'One step of the closed loop: plan, 挂牌督办, extension, rectification, acceptance or rejection, dismissal, reclassification',
        params: idParams,
        body: hiddenHazardActionSchema,
        response: { 200: hazardSchema },
      },
    },
    async (request) => {
      request.auditDetail = request.body.action;
      return hazards.act(requireAuth(request), request.params.id, request.body);
    },
  );
}
