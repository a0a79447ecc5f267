import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  emergencyMaterialSchema,
  emergencyResourceInputSchema,
  emergencyResourceListQuerySchema,
  emergencyResourceSchema,
  materialAlertSchema,
  nearbyQuerySchema,
  pageOf,
} from '@anjian/domain';
import { requireAuth } from '../../platform/access.ts';
import { exportIdsSchema, rowsOf, sendListExport } from '../../platform/office/index.ts';
import { resourceExportColumns } from './emergency-export.ts';
import type { ResourcesService } from './resources.service.ts';
import type { Clock } from '../../platform/clock.ts';

const tags = ['emergency'];
const idParams = z.object({ id: z.uuid() });

export function registerResourcesRoutes(
  app: FastifyInstance,
  { resources, clock }: { resources: ResourcesService; clock: Clock },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/emergency/resources',
    {
      config: { access: 'emergency:read' },
      schema: {
        tags,
        summary: 'Teams, warehouses, experts, shelters, hospitals and schools',
        querystring: emergencyResourceListQuerySchema,
        response: { 200: pageOf(emergencyResourceSchema) },
      },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      return resources.list(requireAuth(request), filter, { page, pageSize });
    },
  );

  api.get(
    '/api/v1/emergency/resources/export',
    {
      config: { access: 'emergency:read', audit: 'emergency_resource.export' },
      schema: {
        tags,
        summary: 'The filtered resource library as an Excel workbook',
        querystring: emergencyResourceListQuerySchema
          .omit({ page: true, pageSize: true })
          .extend({ ids: exportIdsSchema }),
      },
    },
    async (request, reply) => {
      const { ids, ...filter } = request.query;
      const auth = requireAuth(request);
      const rows = await rowsOf((page, pageSize) => resources.list(auth, filter, { page, pageSize }), ids);
      return sendListExport(
        request,
        reply,
        { asciiName: 'emergency-resources', name: '应急资源', clock },
        resourceExportColumns,
        rows,
      );
    },
  );

  api.get(
    '/api/v1/emergency/resources/nearby',
    {
      config: { access: 'emergency:read' },
      schema: {
        tags,
        summary: 'Resources within a radius of a point, nearest first (great-circle distance)',
        querystring: nearbyQuerySchema,
        response: {
          200: z.object({ items: z.array(emergencyResourceSchema.extend({ distanceM: z.number().int() })) }),
        },
      },
    },
    async (request) => ({ items: (await resources.nearby(requireAuth(request), request.query)) as never[] }),
  );

  api.get(
    '/api/v1/emergency/materials/alerts',
    {
      config: { access: 'emergency:read' },
      schema: {
        tags,
        summary: 'Materials below their minimum stock, expired or expiring within 30 days',
        querystring: z.object({
          county: z
            .string()
            .regex(/^\d{6}$/)
            .optional(),
        }),
        response: { 200: z.object({ items: z.array(materialAlertSchema) }) },
      },
    },
    async (request) => ({
      items: await resources.materialAlerts(requireAuth(request), request.query.county),
    }),
  );

  api.post(
    '/api/v1/emergency/resources',
    {
      config: { access: 'emergency:write', audit: 'emergency.resource_create' },
      schema: { tags, body: emergencyResourceInputSchema, response: { 201: emergencyResourceSchema } },
    },
    async (request, reply) =>
      reply.status(201).send(await resources.create(requireAuth(request), request.body)),
  );

  api.get(
    '/api/v1/emergency/resources/:id',
    {
      config: { access: 'emergency:read' },
      schema: { tags, params: idParams, response: { 200: emergencyResourceSchema } },
    },
    async (request) => resources.get(requireAuth(request), request.params.id),
  );

  api.put(
    '/api/v1/emergency/resources/:id',
    {
      config: { access: 'emergency:write', audit: 'emergency.resource_update' },
      schema: {
        tags,
        params: idParams,
        body: emergencyResourceInputSchema,
        response: { 200: emergencyResourceSchema },
      },
    },
    async (request) => resources.replace(requireAuth(request), request.params.id, request.body),
  );

  api.delete(
    '/api/v1/emergency/resources/:id',
    {
      config: { access: 'emergency:write', audit: 'emergency.resource_delete' },
      schema: { tags, params: idParams, response: { 200: z.object({ ok: z.literal(true) }) } },
    },
    async (request) => {
      await resources.remove(requireAuth(request), request.params.id);
      return { ok: true as const };
    },
  );

  api.put(
    '/api/v1/emergency/resources/:id/materials',
    {
      config: { access: 'emergency:write', audit: 'emergency.materials_update' },
      schema: {
        tags,
        summary: 'Replace a warehouse’s stock list; answers flag items below their minimum or past expiry',
        params: idParams,
        body: z.object({ items: z.array(emergencyMaterialSchema).max(500) }).strict(),
        response: { 200: emergencyResourceSchema },
      },
    },
    async (request) => resources.setMaterials(requireAuth(request), request.params.id, request.body.items),
  );
}
