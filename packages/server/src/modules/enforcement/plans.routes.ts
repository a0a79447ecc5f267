import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { planInputSchema } from '@anjian/domain';
import { requireAuth } from '../../platform/access.ts';
import type { PlansService } from './plans.service.ts';

const tags = ['enforcement'];
const base = '/api/v1/enforcement/plans';
const idParams = z.object({ id: z.uuid() });

/** Annual and monthly inspection plans (三级巡查) with targets, focus lists and progress. */
export function registerPlansRoutes(app: FastifyInstance, { plans }: { plans: PlansService }) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    base,
    {
      config: { access: 'enforcement:read' },
      schema: {
        tags,
        summary: 'Plans in scope',
        querystring: z.object({
          year: z.coerce.number().int().min(2000).max(2100).optional(),
          kind: z.enum(['annual', 'monthly']).optional(),
          county: z
            .string()
            .regex(/^5304\d{2}$/)
            .optional(),
        }),
      },
    },
    async (request) => ({ items: await plans.list(requireAuth(request), request.query) }),
  );
  api.post(
    base,
    {
      config: { access: 'enforcement:write', audit: 'enforcement.plan.create' },
      schema: { tags, summary: 'Create a plan (one per division and period)', body: planInputSchema },
    },
    async (request, reply) => {
      const created = await plans.create(requireAuth(request), request.body);
      request.auditTarget = created.id;
      return reply.status(201).send(created);
    },
  );
  api.get(
    `${base}/:id`,
    { config: { access: 'enforcement:read' }, schema: { tags, params: idParams } },
    async (request) => plans.get(requireAuth(request), request.params.id),
  );
  api.put(
    `${base}/:id`,
    {
      config: { access: 'enforcement:write', audit: 'enforcement.plan.update' },
      schema: { tags, summary: 'Replace a plan', params: idParams, body: planInputSchema },
    },
    async (request) => {
      request.auditTarget = request.params.id;
      return plans.update(requireAuth(request), request.params.id, request.body);
    },
  );
  api.get(
    `${base}/:id/progress`,
    {
      config: { access: 'enforcement:read' },
      schema: { tags, summary: 'Completed inspections against the targets and focus list', params: idParams },
    },
    async (request) => plans.progress(requireAuth(request), request.params.id),
  );
}
