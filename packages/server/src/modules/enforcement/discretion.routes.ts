import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { discretionTableSchema, penaltySuggestionQuerySchema } from '@anjian/domain';
import { requireAuth } from '../../platform/access.ts';
import type { DiscretionService } from './discretion.service.ts';

const tags = ['enforcement'];
const base = '/api/v1/enforcement/discretion';

/** In a query string the circumstances come as `a,b` or as the parameter repeated. */
const suggestionQuerySchema = penaltySuggestionQuerySchema.extend({
  circumstances: z.preprocess(
    (value) => (typeof value === 'string' ? value.split(',').filter((v) => v.trim() !== '') : value),
    penaltySuggestionQuerySchema.shape.circumstances,
  ),
});

/** Discretion standards (自由裁量基准): the table and the suggested amount range. */
export function registerDiscretionRoutes(
  app: FastifyInstance,
  { discretion }: { discretion: DiscretionService },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const summary = 'The amount range the discretion table suggests for a violation and its circumstances';

  api.get(
    `${base}/suggestion`,
    { config: { access: 'enforcement:read' }, schema: { tags, summary, querystring: suggestionQuerySchema } },
    async (request) => discretion.suggest(request.query),
  );
  api.post(
    `${base}/suggestion`,
    {
      config: { access: 'enforcement:read', audit: 'enforcement.discretion.suggest' },
      schema: { tags, summary, body: penaltySuggestionQuerySchema },
    },
    async (request) => discretion.suggest(request.body),
  );
  api.get(
    `${base}/table`,
    {
      config: { access: 'enforcement:read' },
      schema: { tags, summary: 'The discretion table in force (the example until the bureau saves its own)' },
    },
    async () => discretion.table(),
  );
  api.put(
    `${base}/table`,
    {
      config: { access: 'enforcement:write', audit: 'enforcement.discretion.table' },
      schema: { tags, summary: 'Adopt a discretion table (city officers)', body: discretionTableSchema },
    },
    async (request) => discretion.saveTable(requireAuth(request), request.body),
  );
}
