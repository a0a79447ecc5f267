import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAuth } from '../../platform/access.ts';
import { idParams, instant, tags } from './monitoring-route-schemas.ts';
import type { MonitoringService } from './monitoring.service.ts';

/** Monitored sites and their warning history. */
export function registerSiteRoutes(app: FastifyInstance, deps: { monitoring: MonitoringService }) {
  const { monitoring } = deps;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/monitoring/sites',
    {
      config: { access: 'monitoring:read' },
      schema: { tags, summary: 'Monitored sites with their four-colour warning and its reasons (四色预警)' },
    },
    async (request) => ({ items: await monitoring.sites(requireAuth(request)) }),
  );

  api.get(
    '/api/v1/monitoring/sites/:id/history',
    {
      config: { access: 'monitoring:read' },
      schema: { tags, summary: 'Changes of a site’s warning level, newest first', params: idParams },
    },
    async (request) => ({ items: await monitoring.warningHistory(requireAuth(request), request.params.id) }),
  );
}

/** Alarm-noise and data-quality figures. */
export function registerStatisticsRoutes(app: FastifyInstance, deps: { monitoring: MonitoringService }) {
  const { monitoring } = deps;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/monitoring/statistics',
    {
      config: { access: 'monitoring:read' },
      schema: {
        tags,
        summary:
          'Alarm noise and data quality: alarms per point per day, chattering points, response times, online rate',
        querystring: z.object({ from: instant, to: instant }),
      },
    },
    async (request) =>
      monitoring.statistics(requireAuth(request), new Date(request.query.from), new Date(request.query.to)),
  );
}
