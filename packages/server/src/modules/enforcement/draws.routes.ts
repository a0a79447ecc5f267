import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { enforcementDrawRequestSchema } from '@anjian/domain';
import { requireAuth } from '../../platform/access.ts';
import type { DrawsService } from './draws.service.ts';

const tags = ['enforcement'];
const base = '/api/v1/enforcement/draws';
const idParams = z.object({ id: z.uuid() });

/** Double-random draws (双随机): draft → published (commitment) → executed → disclosed. */
export function registerDrawsRoutes(app: FastifyInstance, { draws }: { draws: DrawsService }) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    base,
    { config: { access: 'enforcement:read' }, schema: { tags, summary: 'Draws in scope, newest first' } },
    async (request) => ({ items: await draws.list(requireAuth(request)) }),
  );
  api.post(
    base,
    {
      config: { access: 'enforcement:write', audit: 'enforcement.draw.create' },
      schema: {
        tags,
        summary: 'Build the pool from the filters (a draft draw)',
        body: enforcementDrawRequestSchema,
      },
    },
    async (request, reply) => {
      const created = await draws.create(requireAuth(request), request.body);
      request.auditTarget = created.id;
      return reply.status(201).send(created);
    },
  );
  api.get(
    `${base}/:id`,
    { config: { access: 'enforcement:read' }, schema: { tags, params: idParams } },
    async (request) => draws.get(requireAuth(request), request.params.id),
  );
  for (const [step, summary] of [
    ['publish', 'Publish the record and the SM3 commitment of the secret seed'],
    ['execute', 'Run the draw and create the inspections'],
    ['disclose', 'Reveal the seed and result on the public page now'],
  ] as const) {
    api.post(
      `${base}/:id/${step}`,
      {
        config: { access: 'enforcement:write', audit: `enforcement.draw.${step}` },
        schema: { tags, summary, params: idParams },
      },
      async (request) => {
        request.auditTarget = request.params.id;
        return draws[step](requireAuth(request), request.params.id);
      },
    );
  }
}
