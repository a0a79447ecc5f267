import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { monitoringPointDefinitionSchema, monitoringPointTypeSchema, pageQuerySchema } from '@anjian/domain';
import { requireAuth } from '../../platform/access.ts';
import { county, idParams, instant, tags } from './monitoring-route-schemas.ts';
import type { MonitoringService } from './monitoring.service.ts';

const pointFilterSchema = pageQuerySchema.extend({
  objectId: z.uuid().optional(),
  enterpriseId: z.uuid().optional(),
  county,
  type: monitoringPointTypeSchema.optional(),
  q: z.string().trim().max(64).optional(),
});

/** Monitoring points and their readings. */
export function registerPointRoutes(app: FastifyInstance, deps: { monitoring: MonitoringService }) {
  const { monitoring } = deps;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/monitoring/points',
    {
      config: { access: 'monitoring:read' },
      schema: {
        tags,
        summary: 'Monitoring points with their latest value and state',
        querystring: pointFilterSchema,
      },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      return monitoring.listPoints(requireAuth(request), filter, page, pageSize);
    },
  );

  api.post(
    '/api/v1/monitoring/points',
    {
      config: { access: 'registry:write', audit: 'monitoring.point.create' },
      schema: {
        tags,
        summary: 'Add a monitoring point (监测点) to a site',
        body: monitoringPointDefinitionSchema,
      },
    },
    async (request) => {
      const point = await monitoring.createPoint(requireAuth(request), request.body);
      request.auditTarget = point.id;
      return point;
    },
  );

  api.get(
    '/api/v1/monitoring/points/:id',
    {
      config: { access: 'monitoring:read' },
      schema: { tags, summary: 'A monitoring point with its thresholds and rules', params: idParams },
    },
    async (request) => monitoring.getPoint(requireAuth(request), request.params.id),
  );

  api.put(
    '/api/v1/monitoring/points/:id',
    {
      config: { access: 'registry:write', audit: 'monitoring.point.update' },
      schema: {
        tags,
        summary: 'Change a point (a new version of its thresholds)',
        params: idParams,
        body: monitoringPointDefinitionSchema,
      },
    },
    async (request) => {
      request.auditTarget = request.params.id;
      return monitoring.updatePoint(requireAuth(request), request.params.id, request.body);
    },
  );

  api.delete(
    '/api/v1/monitoring/points/:id',
    {
      config: { access: 'registry:write', audit: 'monitoring.point.disable' },
      schema: {
        tags,
        summary: 'Take a point out of service (its readings and alarms stay)',
        params: idParams,
      },
    },
    async (request, reply) => {
      request.auditTarget = request.params.id;
      await monitoring.disablePoint(requireAuth(request), request.params.id);
      return reply.status(204).send();
    },
  );

  api.get(
    '/api/v1/monitoring/points/:id/readings',
    {
      config: { access: 'monitoring:read' },
      schema: {
        tags,
        summary: 'A point’s readings [epochMs, value, flags] (bucketed beyond 2,000), with its thresholds',
        params: idParams,
        querystring: z.object({ from: instant, to: instant }),
      },
    },
    async (request) =>
      monitoring.readings(
        requireAuth(request),
        request.params.id,
        new Date(request.query.from),
        new Date(request.query.to),
      ),
  );
}
