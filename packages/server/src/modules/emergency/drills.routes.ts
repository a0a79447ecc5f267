import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  drillFindingInputSchema,
  drillInputSchema,
  drillListQuerySchema,
  drillScenarioInputSchema,
  drillScenarioSchema,
  drillSchema,
  drillStatisticsQuerySchema,
  drillStatisticsSchema,
  pageOf,
  pageQuerySchema,
} from '@anjian/domain';
import { requireAuth } from '../../platform/access.ts';
import { exportIdsSchema, rowsOf, sendListExport } from '../../platform/office/index.ts';
import { drillExportColumns } from './emergency-export.ts';
import type { DrillsService } from './drills.service.ts';
import type { Clock } from '../../platform/clock.ts';

const tags = ['emergency'];
const idParams = z.object({ id: z.uuid() });
const ok = { 200: z.object({ ok: z.literal(true) }) };
const write = (audit: string) => ({ access: 'emergency:write' as const, audit });
const read = { access: 'emergency:read' as const };

export function registerDrillsRoutes(
  app: FastifyInstance,
  { drills, clock }: { drills: DrillsService; clock: Clock },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/emergency/drill-scenarios',
    {
      config: read,
      schema: {
        tags,
        summary: 'Drill scenario library (演练情景库)',
        querystring: pageQuerySchema.extend({ q: z.string().trim().max(64).optional() }),
        response: { 200: pageOf(drillScenarioSchema) },
      },
    },
    async (request) => {
      const { page, pageSize, q } = request.query;
      return drills.listScenarios(requireAuth(request), { q }, { page, pageSize });
    },
  );

  api.post(
    '/api/v1/emergency/drill-scenarios',
    {
      config: write('emergency.scenario_create'),
      schema: { tags, body: drillScenarioInputSchema, response: { 201: drillScenarioSchema } },
    },
    async (request, reply) => {
      const created = await drills.createScenario(requireAuth(request), request.body);
      request.auditTarget = created.id;
      return reply.status(201).send(created);
    },
  );

  api.put(
    '/api/v1/emergency/drill-scenarios/:id',
    {
      config: write('emergency.scenario_update'),
      schema: {
        tags,
        params: idParams,
        body: drillScenarioInputSchema,
        response: { 200: drillScenarioSchema },
      },
    },
    async (request) => drills.replaceScenario(requireAuth(request), request.params.id, request.body),
  );

  api.delete(
    '/api/v1/emergency/drill-scenarios/:id',
    {
      config: write('emergency.scenario_delete'),
      schema: { tags, summary: 'Delete a scenario no drill uses', params: idParams, response: ok },
    },
    async (request) => {
      await drills.removeScenario(requireAuth(request), request.params.id);
      return { ok: true as const };
    },
  );

  api.get(
    '/api/v1/emergency/drills',
    {
      config: read,
      schema: {
        tags,
        summary: 'Drills planned and held, newest first',
        querystring: drillListQuerySchema,
        response: { 200: pageOf(drillSchema) },
      },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      return drills.list(requireAuth(request), filter, { page, pageSize });
    },
  );

  api.get(
    '/api/v1/emergency/drills/export',
    {
      config: { ...read, audit: 'drill.export' },
      schema: {
        tags,
        summary: 'The filtered drills as an Excel workbook',
        querystring: drillListQuerySchema
          .omit({ page: true, pageSize: true })
          .extend({ ids: exportIdsSchema }),
      },
    },
    async (request, reply) => {
      const { ids, ...filter } = request.query;
      const auth = requireAuth(request);
      const rows = await rowsOf((page, pageSize) => drills.list(auth, filter, { page, pageSize }), ids);
      return sendListExport(
        request,
        reply,
        { asciiName: 'drills', name: '应急演练', clock },
        drillExportColumns,
        rows,
      );
    },
  );

  api.get(
    '/api/v1/emergency/drills/statistics',
    {
      config: read,
      schema: {
        tags,
        summary: 'Drills held and participants by year and county',
        querystring: drillStatisticsQuerySchema,
        response: { 200: drillStatisticsSchema },
      },
    },
    async (request) => drills.statistics(requireAuth(request), request.query),
  );

  api.post(
    '/api/v1/emergency/drills',
    {
      config: write('emergency.drill_create'),
      schema: {
        tags,
        summary: 'Plan or record a drill, with the findings found in it',
        body: drillInputSchema.extend({ findings: z.array(drillFindingInputSchema).max(50).optional() }),
        response: { 201: drillSchema },
      },
    },
    async (request, reply) => {
      const created = await drills.create(requireAuth(request), request.body);
      request.auditTarget = created.id;
      return reply.status(201).send(created);
    },
  );

  api.get(
    '/api/v1/emergency/drills/:id',
    { config: read, schema: { tags, params: idParams, response: { 200: drillSchema } } },
    async (request) => drills.get(requireAuth(request), request.params.id),
  );

  api.put(
    '/api/v1/emergency/drills/:id',
    {
      config: write('emergency.drill_update'),
      schema: { tags, params: idParams, body: drillInputSchema, response: { 200: drillSchema } },
    },
    async (request) => drills.replace(requireAuth(request), request.params.id, request.body),
  );

  api.delete(
    '/api/v1/emergency/drills/:id',
    { config: write('emergency.drill_delete'), schema: { tags, params: idParams, response: ok } },
    async (request) => {
      await drills.remove(requireAuth(request), request.params.id);
      return { ok: true as const };
    },
  );

  api.post(
    '/api/v1/emergency/drills/:id/findings',
    {
      config: write('emergency.finding_add'),
      schema: {
        tags,
        summary: 'Add a finding as a follow-up action (owner, deadline)',
        params: idParams,
        body: drillFindingInputSchema,
        response: { 200: drillSchema },
      },
    },
    async (request) => drills.addFinding(requireAuth(request), request.params.id, request.body),
  );

  api.put(
    '/api/v1/emergency/drills/:id/findings/:findingId',
    {
      config: write('emergency.finding_update'),
      schema: {
        tags,
        summary: 'Change a finding or mark it done',
        params: idParams.extend({ findingId: z.uuid() }),
        body: drillFindingInputSchema,
        response: { 200: drillSchema },
      },
    },
    async (request) =>
      drills.replaceFinding(requireAuth(request), request.params.id, request.params.findingId, request.body),
  );
}
