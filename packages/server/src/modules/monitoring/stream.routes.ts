import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireAuth } from '../../platform/access.ts';
import type { EventBus } from '../../platform/events/index.ts';
import { createEventStreams, streamQuery } from '../../platform/events/event-streams.ts';
import { scopeAllows } from '../../platform/scope-sql.ts';
import { subscribeMonitoringEvents } from './monitoring-events.ts';
import { tags } from './monitoring-route-schemas.ts';

/** The live stream (Server-Sent Events) of alarm, warning and escalation changes. */
export function registerStreamRoutes(app: FastifyInstance, deps: { events: EventBus }) {
  const { events } = deps;
  const api = app.withTypeProvider<ZodTypeProvider>();

  const streams = createEventStreams(app, events);

  api.get(
    '/api/v1/monitoring/stream',
    {
      config: { access: 'monitoring:read' },
      schema: {
        tags,
        summary: 'Server-Sent Events of alarm, warning and escalation changes in the caller’s scope',
        querystring: streamQuery,
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      streams.open(request, reply, request.query.seconds, (send) =>
        subscribeMonitoringEvents(events, (event) => {
          if (scopeAllows(auth.scope, event.county, event.enterpriseId)) send(event.type, event);
        }),
      );
    },
  );
}
