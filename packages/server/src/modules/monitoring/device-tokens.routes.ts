import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { codedIssue, countyCodeSchema } from '@anjian/domain';
import { requireAuth } from '../../platform/access.ts';
import type { DeviceTokens } from './device-tokens.ts';
import { idParams, tags } from './monitoring-route-schemas.ts';
import type { MonitoringService } from './monitoring.service.ts';

/** Device tokens for telemetry. */
export function registerDeviceTokenRoutes(
  app: FastifyInstance,
  deps: { monitoring: MonitoringService; devices: DeviceTokens },
) {
  const { monitoring, devices } = deps;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/monitoring/device-tokens',
    {
      config: { access: 'registry:write' },
      schema: { tags, summary: 'Device tokens (the secret is never shown again)' },
    },
    async (request) => ({ items: await devices.list(requireAuth(request).scope) }),
  );

  api.post(
    '/api/v1/monitoring/device-tokens',
    {
      config: { access: 'registry:write', audit: 'monitoring.device_token.create' },
      schema: {
        tags,
        summary:
          'Issue a device token for one enterprise, or for one county (the points of its natural-hazard sites, which have no enterprise); the token is in this answer only',
        body: z
          .object({
            enterpriseId: z.uuid().optional(),
            county: countyCodeSchema.optional().describe('For a county device: points without an enterprise'),
            name: z.string().trim().min(1).max(64),
          })
          .strict()
          .refine(
            (body) => (body.enterpriseId === undefined) !== (body.county === undefined),
            codedIssue('monitoring.device_owner_required'),
          ),
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      const { enterpriseId, county } = request.body;
      const owner = enterpriseId
        ? await monitoring.enterpriseInScope(auth, enterpriseId)
        : { id: null, county: monitoring.countyInScope(auth, county!) };
      const created = await devices.create({
        enterpriseId: owner.id,
        county: owner.county,
        name: request.body.name,
        userId: auth.userId,
      });
      request.auditTarget = created.id;
      return reply.status(201).send(created);
    },
  );

  api.post(
    '/api/v1/monitoring/device-tokens/:id/revoke',
    {
      config: { access: 'registry:write', audit: 'monitoring.device_token.revoke' },
      schema: { tags, summary: 'Revoke a device token', params: idParams },
    },
    async (request, reply) => {
      request.auditTarget = request.params.id;
      await devices.revoke(requireAuth(request).scope, request.params.id);
      return reply.status(204).send();
    },
  );
}
