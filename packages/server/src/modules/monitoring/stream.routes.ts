import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAuth } from '../../platform/access.ts';
import type { EventBus } from '../../platform/events/index.ts';
import { scopeAllows } from '../../platform/scope-sql.ts';
import { subscribeMonitoringEvents } from './monitoring-events.ts';
import { tags } from './monitoring-route-schemas.ts';

/** The live stream (Server-Sent Events) of alarm, warning and escalation changes. */
export function registerStreamRoutes(app: FastifyInstance, deps: { events: EventBus }) {
  const { events } = deps;
  const api = app.withTypeProvider<ZodTypeProvider>();

  const openStreams = new Set<ServerResponse>();

  api.get(
    '/api/v1/monitoring/stream',
    {
      config: { access: 'monitoring:read' },
      schema: {
        tags,
        summary: 'Server-Sent Events of alarm, warning and escalation changes in the caller’s scope',
        querystring: z.object({
          seconds: z.coerce
            .number()
            .int()
            .min(0)
            .max(86_400)
            .optional()
            .describe('Close the stream after this long (EventSource reconnects); default: stay open'),
        }),
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      reply.hijack();
      const response = reply.raw;
      response.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      response.write('retry: 3000\n\n');
      const unsubscribe = subscribeMonitoringEvents(events, (event) => {
        if (!scopeAllows(auth.scope, event.county, event.enterpriseId)) return;
        response.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
      });
      // Events may have been missed while the bus was cut off: close, so the client reconnects and refetches.
      const stopResync = events.onResync(() => response.end());
      const heartbeat = setInterval(() => response.write(': keep-alive\n\n'), 15_000);
      const seconds = request.query.seconds;
      const limit = seconds === undefined ? null : setTimeout(() => response.end(), seconds * 1000);
      const end = () => {
        clearInterval(heartbeat);
        if (limit) clearTimeout(limit);
        unsubscribe();
        stopResync();
      };
      request.raw.on('close', end);
      response.on('close', end);
      response.on('error', end);
      openStreams.add(response);
      response.on('close', () => openStreams.delete(response));
    },
  );
  // A stream never ends on its own: at shutdown end them (EventSource reconnects to the next server),
  // or closing the HTTP server would wait for them forever.
  app.addHook('preClose', async () => {
    for (const response of openStreams) response.end();
  });
}
