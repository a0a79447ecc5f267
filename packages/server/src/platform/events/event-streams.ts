import type { ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { EventBus } from './event-bus.ts';

const HEARTBEAT_MS = 15_000;

/** The `?seconds=` every stream route takes. */
export const streamQuery = z.object({
  seconds: z.coerce
    .number()
    .int()
    .min(0)
    .max(86_400)
    .optional()
    .describe('Close the stream after this long (EventSource reconnects); default: stay open'),
});

/** Writes one named Server-Sent Event. */
export type SendEvent = (name: string, data: unknown) => void;

/**
 * The live streams (Server-Sent Events) of one module: each route answers with `open`, which takes
 * the response over, keeps it alive with a comment every 15 s, closes it after `seconds` when asked,
 * and closes it when the event bus was cut off (events may have been missed: the client reconnects
 * and re-reads). At shutdown every open stream is ended (EventSource reconnects to the next server),
 * or closing the HTTP server would wait for them forever.
 */
export function createEventStreams(app: FastifyInstance, events: EventBus) {
  const open = new Set<ServerResponse>();
  app.addHook('preClose', async () => {
    for (const response of open) response.end();
  });
  return {
    /** `subscribe` is given the sender and answers how to unsubscribe. */
    open(
      request: FastifyRequest,
      reply: FastifyReply,
      seconds: number | undefined,
      subscribe: (send: SendEvent) => () => void,
    ): void {
      reply.hijack();
      const response = reply.raw;
      response.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      response.write('retry: 3000\n\n');
      const unsubscribe = subscribe((name, data) =>
        response.write(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`),
      );
      const stopResync = events.onResync(() => response.end());
      const heartbeat = setInterval(() => response.write(': keep-alive\n\n'), HEARTBEAT_MS);
      const limit = seconds === undefined ? null : setTimeout(() => response.end(), seconds * 1000);
      let ended = false;
      const end = () => {
        if (ended) return;
        ended = true;
        clearInterval(heartbeat);
        if (limit) clearTimeout(limit);
        unsubscribe();
        stopResync();
        open.delete(response);
      };
      request.raw.on('close', end);
      response.on('close', end);
      response.on('error', end);
      open.add(response);
    },
  };
}
