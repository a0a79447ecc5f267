import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { workbenchSchema } from '@anjian/domain';
import { requireAuth } from '../../platform/access.ts';
import type { WorkbenchService } from './workbench.service.ts';

export function registerWorkbenchRoutes(
  app: FastifyInstance,
  { workbench }: { workbench: WorkbenchService },
) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/workbench',
    {
      config: { access: 'dashboard:view' },
      schema: {
        tags: ['workbench'],
        summary: 'The caller’s to-do counts, key figures of their scope with a 30-day trend, notifications',
        response: { 200: workbenchSchema },
      },
    },
    async (request) => workbench.forCaller(requireAuth(request)),
  );
}
