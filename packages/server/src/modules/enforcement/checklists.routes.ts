import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checklistItemInputSchema } from '@anjian/domain';
import { requireAuth } from '../../platform/access.ts';
import type { ChecklistsService } from './checklists.service.ts';

const tags = ['enforcement'];
const base = '/api/v1/enforcement/checklist-items';

export function registerChecklistsRoutes(
  app: FastifyInstance,
  { checklists }: { checklists: ChecklistsService },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    base,
    {
      config: { access: 'enforcement:read' },
      schema: {
        tags,
        summary: 'The checklist library',
        querystring: z.object({ sector: z.string().max(32).optional() }),
      },
    },
    async (request) => ({ items: await checklists.list(request.query.sector) }),
  );
  api.post(
    base,
    {
      config: { access: 'enforcement:write', audit: 'enforcement.checklist.create' },
      schema: { tags, body: checklistItemInputSchema },
    },
    async (request, reply) =>
      reply.status(201).send(await checklists.save(requireAuth(request), request.body)),
  );
  api.patch(
    `${base}/:id`,
    {
      config: { access: 'enforcement:write', audit: 'enforcement.checklist.update' },
      schema: { tags, params: z.object({ id: z.uuid() }), body: checklistItemInputSchema },
    },
    async (request) => checklists.save(requireAuth(request), request.body, request.params.id),
  );
}
