import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  emergencyPlanInputSchema,
  emergencyPlanListQuerySchema,
  emergencyPlanSchema,
  pageOf,
} from '@anjian/domain';
import { requireAuth } from '../../platform/access.ts';
import type { PlansService } from './plans.service.ts';

const tags = ['emergency'];
const idParams = z.object({ id: z.uuid() });

export function registerPlansRoutes(app: FastifyInstance, { plans }: { plans: PlansService }) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/emergency/plans',
    {
      config: { access: 'emergency:read' },
      schema: {
        tags,
        summary:
          'Emergency plans (应急预案), the next review first; review=due lists those due within 90 days',
        querystring: emergencyPlanListQuerySchema,
        response: { 200: pageOf(emergencyPlanSchema) },
      },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      return plans.list(requireAuth(request), filter, { page, pageSize });
    },
  );

  api.post(
    '/api/v1/emergency/plans',
    {
      config: { access: 'emergency:write', audit: 'emergency.plan_create' },
      schema: { tags, body: emergencyPlanInputSchema, response: { 201: emergencyPlanSchema } },
    },
    async (request, reply) => {
      const created = await plans.create(requireAuth(request), request.body);
      request.auditTarget = created.id;
      return reply.status(201).send(created);
    },
  );

  api.get(
    '/api/v1/emergency/plans/:id',
    {
      config: { access: 'emergency:read' },
      schema: { tags, params: idParams, response: { 200: emergencyPlanSchema } },
    },
    async (request) => plans.get(requireAuth(request), request.params.id),
  );

  api.put(
    '/api/v1/emergency/plans/:id',
    {
      config: { access: 'emergency:write', audit: 'emergency.plan_update' },
      schema: {
        tags,
        summary: 'Replace a plan (a revision sets revisedOn; the review date follows unless given)',
        params: idParams,
        body: emergencyPlanInputSchema,
        response: { 200: emergencyPlanSchema },
      },
    },
    async (request) => plans.replace(requireAuth(request), request.params.id, request.body),
  );

  api.delete(
    '/api/v1/emergency/plans/:id',
    {
      config: { access: 'emergency:write', audit: 'emergency.plan_delete' },
      schema: { tags, params: idParams, response: { 200: z.object({ ok: z.literal(true) }) } },
    },
    async (request) => {
      await plans.remove(requireAuth(request), request.params.id);
      return { ok: true as const };
    },
  );
}
