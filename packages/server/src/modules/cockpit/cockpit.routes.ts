import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { cockpitSchema } from '@anjian/domain';
import { requireAuth } from '../../platform/access.ts';
import type { EventBus } from '../../platform/events/index.ts';
import { createEventStreams, streamQuery } from '../../platform/events/event-streams.ts';
import { subscribeCockpitSignals } from './cockpit-stream.ts';
import type { CockpitService } from './cockpit.service.ts';

const tags = ['cockpit'];

export function registerCockpitRoutes(
  app: FastifyInstance,
  { cockpit, events }: { cockpit: CockpitService; events: EventBus },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/v1/cockpit',
    {
      config: { access: 'dashboard:view' },
      schema: {
        tags,
        summary:
          'The leaders’ cockpit and big screen: indicators, monthly figures, live alarms, map and events of the caller’s scope',
        response: { 200: cockpitSchema },
      },
    },
    async (request) => cockpit.forCaller(requireAuth(request)),
  );

  const streams = createEventStreams(app, events);
  api.get(
    '/api/v1/cockpit/stream',
    {
      config: { access: 'dashboard:view' },
      schema: {
        tags,
        summary:
          'Server-Sent Events naming which cockpit figures changed (alarm, hazard, incident, statistics)',
        querystring: streamQuery,
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      streams.open(request, reply, request.query.seconds, (send) =>
        subscribeCockpitSignals(events, auth, (signal) => send(signal.type, signal)),
      );
    },
  );
}
