import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { yuxiCity, yuxiCounties } from '@anjian/domain';
import type { Db } from '../../platform/db.ts';
import { databaseRetryAfterSeconds } from '../../platform/http-errors.ts';
import type { DivisionsService } from '../registry/index.ts';

const divisionSchema = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  level: z.enum(['city', 'county']),
  seat: z.tuple([z.number(), z.number()]).readonly(),
});

export function registerSystemRoutes(
  app: FastifyInstance,
  { db, version, divisions }: { db: Db; version: string; divisions: DivisionsService },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        summary: 'Liveness and database reachability; no login needed',
        response: {
          200: z.object({
            status: z.literal('ok'),
            version: z.string(),
            database: z.literal('ok'),
            databaseRole: z.string().describe('The PostgreSQL role the application runs as'),
          }),
          503: z.object({
            status: z.literal('unavailable'),
            version: z.string(),
            database: z.literal('down'),
          }),
        },
      },
    },
    async (request, reply) => {
      try {
        const row = await db.query<{ role: string }>('SELECT current_user AS role');
        return { status: 'ok' as const, version, database: 'ok' as const, databaseRole: row.rows[0]!.role };
      } catch (error) {
        // A load balancer or monitor reads this: the process lives, its database does not answer.
        request.log.warn({ err: error }, 'health: database down');
        return reply
          .status(503)
          .header('retry-after', String(databaseRetryAfterSeconds))
          .send({ status: 'unavailable' as const, version, database: 'down' as const });
      }
    },
  );

  api.get(
    '/api/v1/divisions',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        summary:
          'The city, its 9 county-level divisions (GB/T 2260) and 76 townships (统计用区划代码), in code order',
        response: {
          200: z.object({
            city: divisionSchema,
            counties: z.array(divisionSchema),
            townships: z.array(
              z.object({
                code: z.string(),
                county: z.string(),
                nameZh: z.string(),
                centre: z.tuple([z.number(), z.number()]).describe('[lon, lat] WGS-84'),
                centreSchematic: z
                  .boolean()
                  .describe('True when the centre is a placeholder (示意), not a surveyed seat'),
              }),
            ),
          }),
        },
      },
    },
    async () => {
      const townships = (await divisions.list())
        .filter((d) => d.level === 'township')
        .map((d) => ({
          code: d.code,
          county: d.parentCode ?? '',
          nameZh: d.nameZh,
          centre: d.centre,
          centreSchematic: d.centreSchematic,
        }));
      return { city: yuxiCity, counties: [...yuxiCounties], townships };
    },
  );
}
