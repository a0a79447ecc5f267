import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { keySupervisionTags } from '@anjian/domain';
import type { DictionariesRepository } from './dictionaries.repository.ts';

const itemSchema = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  sort: z.number().int(),
  active: z.boolean(),
});
const tags = ['registry'];

export function registerDictionariesRoutes(
  app: FastifyInstance,
  { dictionaries }: { dictionaries: DictionariesRepository },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/dictionaries',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary:
          'Registry dictionaries: regulatory sectors, responsible departments, licence types, key-supervision lists',
        response: {
          200: z.object({
            sector: z.array(itemSchema),
            department: z.array(itemSchema),
            licence_type: z.array(itemSchema),
            keyTag: z.array(z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() })),
          }),
        },
      },
    },
    async () => ({ ...(await dictionaries.list()), keyTag: [...keySupervisionTags] }),
  );

  api.put(
    '/api/v1/dictionaries/:dictionary/:code',
    {
      config: { access: 'registry:configure', audit: 'dictionary.upsert' },
      schema: {
        tags,
        summary: 'Add or change a dictionary entry; retire one with active=false (records keep their value)',
        params: z.object({
          dictionary: z.enum(['sector', 'department', 'licence_type']),
          code: z.string().regex(/^[a-z][a-z0-9_]{1,47}$/, 'lower-case letters, digits and _'),
        }),
        body: z
          .object({
            nameZh: z.string().trim().min(1).max(64),
            nameEn: z.string().trim().min(1).max(128),
            sort: z.number().int().min(0).max(100_000).default(1000),
            active: z.boolean().default(true),
          })
          .strict(),
        response: { 200: itemSchema },
      },
    },
    async (request) => {
      const item = { code: request.params.code, ...request.body };
      request.auditTarget = `${request.params.dictionary}:${request.params.code}`;
      await dictionaries.upsert(request.params.dictionary, item);
      return item;
    },
  );
}
