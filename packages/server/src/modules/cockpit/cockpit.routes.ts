import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cockpitSchema } from '@anjian/domain';
import { requireAuth } from '../../platform/access.ts';
import type { EventBus } from '../../platform/events/index.ts';
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

  const openStreams = new Set<ServerResponse>();
  api.get(
    '/api/v1/cockpit/stream',
    {
      config: { access: 'dashboard:view' },
      schema: {
        tags,
        summary:
          'Server-Sent Events naming which cockpit figures changed (alarm, hazard, incident, statistics)',
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
      const unsubscribe = subscribeCockpitSignals(events, auth, (signal) =>
        response.write(`event: ${signal.type}\ndata: ${JSON.stringify(signal)}\n\n`),
      );
      // Events may have been missed while the bus was cut off: close, so the page reconnects and re-reads.
      const stopResync = events.onResync(() => response.end());
      const heartbeat = setInterval(() => response.write(': keep-alive\n\n'), 15_000);
      const seconds = request.query.seconds;
      const limit = seconds === undefined ? null : setTimeout(() => response.end(), seconds * 1000);
      const end = () => {
        clearInterval(heartbeat);
        if (limit) clearTimeout(limit);
        unsubscribe();
        stopResync();
        openStreams.delete(response);
      };
      request.raw.on('close', end);
      response.on('close', end);
      response.on('error', end);
      openStreams.add(response);
    },
  );
  // At shutdown end the streams (EventSource reconnects to the next server), or closing waits forever.
  app.addHook('preClose', async () => {
    for (const response of openStreams) response.end();
  });
}
