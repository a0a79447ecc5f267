import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { yuxiCity, yuxiCounties } from '@anjian/domain';
import type { Db } from '../../platform/db.ts';

const divisionSchema = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  level: z.enum(['city', 'county']),
  seat: z.tuple([z.number(), z.number()]).readonly(),
});

export function registerSystemRoutes(app: FastifyInstance, { db, version }: { db: Db; version: string }) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        summary: 'Liveness and database reachability; no login needed',
        response: {
          200: z.object({ status: z.literal('ok'), version: z.string(), database: z.literal('ok') }),
        },
      },
    },
    async () => {
      await db.query('SELECT 1');
      return { status: 'ok' as const, version, database: 'ok' as const };
    },
  );

  api.get(
    '/api/v1/divisions',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        summary: 'The city and its county-level divisions (GB/T 2260), in code order',
        response: { 200: z.object({ city: divisionSchema, counties: z.array(divisionSchema) }) },
      },
    },
    async () => ({ city: yuxiCity, counties: [...yuxiCounties] }),
  );
}
