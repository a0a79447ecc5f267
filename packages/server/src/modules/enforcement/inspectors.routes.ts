import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  conflictInputSchema,
  enforcementCategorySchema,
  enterpriseCategoryAssignmentSchema,
  inspectorInputSchema,
} from '@anjian/domain';
import { requireAuth } from '../../platform/access.ts';
import type { InspectorsService } from './inspectors.service.ts';

const tags = ['enforcement'];
const base = '/api/v1/enforcement';
const idParams = z.object({ id: z.uuid() });

/** Enforcement categories, the inspector roster and declared conflicts of interest (回避). */
export function registerInspectorsRoutes(app: FastifyInstance, { service }: { service: InspectorsService }) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    `${base}/categories`,
    {
      config: { access: 'enforcement:read' },
      schema: { tags, summary: 'Enforcement categories (重点 / 一般 / …)' },
    },
    async () => ({ items: await service.categories() }),
  );
  api.post(
    `${base}/categories`,
    {
      config: { access: 'enforcement:write', audit: 'enforcement.category.create' },
      schema: { tags, body: enforcementCategorySchema },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createCategory(requireAuth(request), request.body)),
  );
  api.patch(
    `${base}/categories/:code`,
    {
      config: { access: 'enforcement:write', audit: 'enforcement.category.update' },
      schema: {
        tags,
        params: z.object({ code: z.string().min(1).max(32) }),
        body: enforcementCategorySchema.omit({ code: true }),
      },
    },
    async (request) => service.updateCategory(requireAuth(request), request.params.code, request.body),
  );
  api.put(
    `${base}/enterprises/:id/category`,
    {
      config: { access: 'enforcement:write', audit: 'enforcement.category.assign' },
      schema: { tags, params: idParams, body: enterpriseCategoryAssignmentSchema },
    },
    async (request) =>
      service.assignCategory(requireAuth(request), request.params.id, request.body.categoryCode),
  );

  api.get(
    `${base}/inspectors`,
    { config: { access: 'enforcement:read' }, schema: { tags, summary: 'The inspector roster in scope' } },
    async (request) => ({ items: await service.list(requireAuth(request)) }),
  );
  api.post(
    `${base}/inspectors`,
    {
      config: { access: 'enforcement:write', audit: 'enforcement.inspector.create' },
      schema: { tags, body: inspectorInputSchema },
    },
    async (request, reply) => {
      const created = await service.create(requireAuth(request), request.body);
      request.auditTarget = created.id;
      return reply.status(201).send(created);
    },
  );
  api.get(
    `${base}/inspectors/:id`,
    { config: { access: 'enforcement:read' }, schema: { tags, params: idParams } },
    async (request) => service.get(requireAuth(request), request.params.id),
  );
  api.patch(
    `${base}/inspectors/:id`,
    {
      config: { access: 'enforcement:write', audit: 'enforcement.inspector.update' },
      schema: { tags, params: idParams, body: inspectorInputSchema },
    },
    async (request) => service.update(requireAuth(request), request.params.id, request.body),
  );
  api.post(
    `${base}/inspectors/:id/conflicts`,
    {
      config: { access: 'enforcement:write', audit: 'enforcement.conflict.declare' },
      schema: {
        tags,
        summary: 'Declare a conflict of interest: never paired in a draw',
        params: idParams,
        body: conflictInputSchema,
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.declareConflict(requireAuth(request), request.params.id, request.body)),
  );
  api.delete(
    `${base}/inspectors/:id/conflicts/:conflictId`,
    {
      config: { access: 'enforcement:write', audit: 'enforcement.conflict.withdraw' },
      schema: { tags, params: z.object({ id: z.uuid(), conflictId: z.uuid() }) },
    },
    async (request) =>
      service.withdrawConflict(requireAuth(request), request.params.id, request.params.conflictId),
  );
}
