import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { deliverableDeliverSchema, deliverableSchema, deliverableUndoSchema } from '@anjian/domain';
import { requireAuth } from '../../platform/access.ts';
import type { PlanDeliverables } from './plan-deliverables.ts';
import { planViewerOf } from './plan-viewer.ts';

const idParams = z.object({ id: z.uuid() }).strict();

/** A task's deliverables (成果): listed for the 安委办 and the responsible unit, marked delivered by the unit. */
export function registerPlanDeliverableRoutes(
  app: FastifyInstance,
  deps: { deliverables: PlanDeliverables },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/v1/plan/tasks/:id/deliverables',
    {
      config: { access: ['plan:manage', 'plan:report'] },
      schema: {
        tags: ['plan'],
        summary:
          'A task’s deliverables with their delivered state; a unit sees those of the tasks it leads or was assigned (another unit’s task answers 404)',
        params: idParams,
        response: { 200: z.array(deliverableSchema) },
      },
    },
    async (request) => deps.deliverables.list(planViewerOf(requireAuth(request)), request.params.id),
  );
  api.post(
    '/api/v1/plan/deliverables/:id/delivered',
    {
      config: { access: 'plan:report', audit: 'plan.deliverable_deliver' },
      schema: {
        tags: ['plan'],
        summary:
          'The responsible unit marks a deliverable delivered: the date, evidence uploads and/or a link to an Anjian record; answers the task’s deliverables',
        params: idParams,
        body: deliverableDeliverSchema,
        response: { 200: z.array(deliverableSchema) },
      },
    },
    async (request) => {
      const auth = requireAuth(request);
      request.auditTarget = request.params.id;
      return deps.deliverables.deliver(planViewerOf(auth), auth.scope, request.params.id, request.body);
    },
  );
  api.post(
    '/api/v1/plan/deliverables/:id/undo',
    {
      config: { access: 'plan:report', audit: 'plan.deliverable_undo' },
      schema: {
        tags: ['plan'],
        summary:
          'The responsible unit undoes a delivered mark made in error, with a reason (audited with the mark it clears); answers the task’s deliverables',
        params: idParams,
        body: deliverableUndoSchema,
        response: { 200: z.array(deliverableSchema) },
      },
    },
    async (request) => {
      const auth = requireAuth(request);
      request.auditTarget = request.params.id;
      const { deliverables, cleared } = await deps.deliverables.undo(planViewerOf(auth), request.params.id);
      request.auditDetail = `${cleared.deliveredOn} ${cleared.unit ?? ''}: ${request.body.reason}`;
      return deliverables;
    },
  );
}
