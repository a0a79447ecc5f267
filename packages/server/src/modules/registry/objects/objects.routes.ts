import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  pageOf,
  regulatedObjectInputSchema,
  regulatedObjectListQuerySchema,
  regulatedObjectSchema,
} from '@anjian/domain';
import { requireAuth } from '../../../platform/access.ts';
import { exportIdsSchema, rowsOf, sendListExport } from '../../../platform/office/index.ts';
import { actorOf } from '../enterprises/enterprises.service.ts';
import { objectExportColumns } from './object-export.ts';
import type { ObjectsService } from './objects.service.ts';
import type { Clock } from '../../../platform/clock.ts';

const tags = ['registry'];
const idParams = z.object({ id: z.uuid() });

export function registerObjectsRoutes(
  app: FastifyInstance,
  { objects, clock }: { objects: ObjectsService; clock: Clock },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/objects',
    {
      config: { access: 'registry:read' },
      schema: {
        tags,
        summary:
          'Regulated objects (major hazard sources, tailings ponds, mines, waste dumps, pipelines, parks)',
        querystring: regulatedObjectListQuerySchema,
        response: { 200: pageOf(regulatedObjectSchema) },
      },
    },
    async (request) => objects.list(actorOf(requireAuth(request)), request.query),
  );

  api.get(
    '/api/v1/objects/export',
    {
      config: { access: 'registry:read', audit: 'object.export' },
      schema: {
        tags,
        summary: 'The filtered regulated objects as an Excel workbook',
        querystring: regulatedObjectListQuerySchema
          .omit({ page: true, pageSize: true })
          .extend({ ids: exportIdsSchema }),
      },
    },
    async (request, reply) => {
      const { ids, ...filter } = request.query;
      const actor = actorOf(requireAuth(request));
      const rows = await rowsOf((page, pageSize) => objects.list(actor, { ...filter, page, pageSize }), ids);
      return sendListExport(
        request,
        reply,
        { asciiName: 'objects', name: '监管对象', clock },
        objectExportColumns,
        rows,
      );
    },
  );

  api.post(
    '/api/v1/objects',
    {
      config: { access: 'registry:write', audit: 'object.create' },
      schema: { tags, body: regulatedObjectInputSchema, response: { 201: regulatedObjectSchema } },
    },
    async (request, reply) => {
      const created = await objects.create(actorOf(requireAuth(request)), request.body);
      request.auditTarget = created.id;
      request.auditDetail = `${created.kind} ${created.name}`;
      return reply.status(201).send(created);
    },
  );

  api.get(
    '/api/v1/objects/:id',
    {
      config: { access: 'registry:read' },
      schema: { tags, params: idParams, response: { 200: regulatedObjectSchema } },
    },
    async (request) => objects.get(actorOf(requireAuth(request)), request.params.id),
  );

  api.put(
    '/api/v1/objects/:id',
    {
      config: { access: 'registry:write', audit: 'object.update' },
      schema: {
        tags,
        summary: 'Replace an object’s data',
        params: idParams,
        body: regulatedObjectInputSchema,
        response: { 200: regulatedObjectSchema },
      },
    },
    async (request) => objects.replace(actorOf(requireAuth(request)), request.params.id, request.body),
  );

  api.delete(
    '/api/v1/objects/:id',
    {
      config: { access: 'registry:write', audit: 'object.delete' },
      schema: { tags, params: idParams, response: { 200: z.object({ ok: z.literal(true) }) } },
    },
    async (request) => {
      await objects.remove(actorOf(requireAuth(request)), request.params.id);
      return { ok: true as const };
    },
  );
}
