import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { incidentZoneSetInputSchema, incidentZoneSetSchema } from '@anjian/domain';
import { requireAuth } from '../../platform/access.ts';
import type { IncidentZonesService } from './incident-zones.ts';

const tags = ['emergency'];
const idParams = z.object({ id: z.uuid() });

/** The consequence zones recorded for an incident, versioned by computation time. */
export function registerIncidentZonesRoutes(
  app: FastifyInstance,
  { zones }: { zones: IncidentZonesService },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/incidents/:id/zones',
    {
      config: { access: 'emergency:read' },
      schema: {
        tags,
        summary: 'The consequence zones recorded for an incident, newest version first',
        params: idParams,
        response: { 200: z.object({ items: z.array(incidentZoneSetSchema) }) },
      },
    },
    async (request) => ({ items: await zones.list(requireAuth(request), request.params.id) }),
  );

  api.post(
    '/api/v1/incidents/:id/zones',
    {
      config: { access: 'emergency:write', audit: 'incident.zones' },
      schema: {
        tags,
        summary:
          'Records the consequence zones computed for an incident, with the inputs (a new version; the teams’ phones and the cameras search use the latest)',
        params: idParams,
        body: incidentZoneSetInputSchema,
        response: { 201: incidentZoneSetSchema },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return zones.record(requireAuth(request), request.params.id, request.body);
    },
  );
}
