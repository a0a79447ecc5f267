import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  checkCompletionSchema,
  checkFrequencies,
  checkItemSchema,
  checkListInputSchema,
} from '@anjian/domain';
import { requireAuth } from '../../../platform/access.ts';
import type { ChecksService } from './checks.service.ts';

const tags = ['checks'];
const idParams = z.object({ id: z.uuid() });
const listSchema = z.object({
  id: z.uuid(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  county: z.string(),
  name: z.string(),
  target: z.string(),
  frequency: z.enum(checkFrequencies),
  responsiblePerson: z.string(),
  items: z.array(checkItemSchema),
  active: z.boolean(),
});
const taskSchema = z.object({
  id: z.uuid(),
  listId: z.uuid(),
  listName: z.string(),
  target: z.string(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  county: z.string(),
  periodKey: z.string().describe('e.g. 2026-11-29, 2026-W48, 2026-11, 2026-Q4'),
  periodStart: z.iso.date(),
  dueDate: z.iso.date(),
  status: z.enum(['pending', 'done']),
  items: z.array(checkItemSchema),
  results: z.array(z.unknown()).nullable(),
  hazardIds: z.array(z.uuid()).describe('Hidden hazards opened by failed items'),
  completedAt: z.iso.datetime({ offset: true }).nullable(),
  completedBy: z.string().nullable(),
});

export function registerChecksRoutes(app: FastifyInstance, { checks }: { checks: ChecksService }) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/checks/lists',
    {
      config: { access: 'hazard:read' },
      schema: {
        tags,
        summary: 'Check lists (一企一标准, 一岗一清单)',
        querystring: z.object({ enterpriseId: z.uuid().optional() }),
        response: { 200: z.object({ items: z.array(listSchema) }) },
      },
    },
    async (request) => ({ items: await checks.lists(requireAuth(request), request.query.enterpriseId) }),
  );

  api.post(
    '/api/v1/checks/lists',
    {
      config: { access: 'hazard:report', audit: 'check.list_create' },
      schema: {
        tags,
        summary: 'Add a check list for a post or location, with its frequency',
        body: checkListInputSchema,
        response: { 201: listSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await checks.createList(requireAuth(request), request.body)),
  );

  api.put(
    '/api/v1/checks/lists/:id',
    {
      config: { access: 'hazard:report', audit: 'check.list_update' },
      schema: {
        tags,
        params: idParams,
        body: checkListInputSchema.omit({ enterpriseId: true }),
        response: { 200: listSchema },
      },
    },
    async (request) => checks.updateList(requireAuth(request), request.params.id, request.body),
  );

  api.get(
    '/api/v1/checks/tasks',
    {
      config: { access: 'hazard:read' },
      schema: {
        tags,
        summary:
          'Check tasks; the current period’s task of every active list is created when first asked for',
        querystring: z.object({
          status: z.enum(['pending', 'done']).optional(),
          enterpriseId: z.uuid().optional(),
        }),
        response: { 200: z.object({ items: z.array(taskSchema) }) },
      },
    },
    async (request) => ({ items: await checks.tasks(requireAuth(request), request.query) }),
  );

  api.post(
    '/api/v1/checks/tasks/:id/complete',
    {
      config: { access: 'hazard:report', audit: 'check.task_complete' },
      schema: {
        tags,
        summary: 'Record every item’s result; each failed item opens a hidden hazard',
        params: idParams,
        body: checkCompletionSchema,
        response: { 200: taskSchema },
      },
    },
    async (request) => checks.complete(requireAuth(request), request.params.id, request.body),
  );
}
