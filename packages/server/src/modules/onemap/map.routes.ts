import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  certificateGapKinds,
  enterpriseListQuerySchema,
  regulatedObjectKinds,
  regulatedObjectSchema,
} from '@anjian/domain';
import { requireAuth } from '../../platform/access.ts';
import type { Config } from '../../platform/config.ts';
import type { ObligationGapsMap } from '../obligations/index.ts';
import {
  registryActorOf as actorOf,
  type EnterprisesService,
  type ObjectsService,
} from '../registry/index.ts';

const tags = ['map'];
const MAP_COLUMNS = ['id', 'lon', 'lat', 'sector', 'name', 'status', 'demo'];
const enterpriseLayerQuery = enterpriseListQuerySchema.omit({
  page: true,
  pageSize: true,
  sort: true,
  order: true,
});

export function registerMapRoutes(
  app: FastifyInstance,
  deps: {
    enterprises: EnterprisesService;
    objects: ObjectsService;
    obligationGaps: ObligationGapsMap;
    basemap: Config['basemap'];
  },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/map/config',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary:
          'The basemap, if one is configured; without it the map draws boundaries only and works offline',
        response: {
          200: z.object({
            basemap: z
              .object({
                tileUrl: z.string(),
                gcj02: z.boolean().describe('Tiles in GCJ-02: shift WGS-84 positions for display only'),
                attribution: z.string(),
              })
              .nullable(),
          }),
        },
      },
    },
    async () => ({ basemap: deps.basemap }),
  );

  api.get(
    '/api/v1/map/enterprises',
    {
      config: { access: 'registry:read' },
      schema: {
        tags,
        summary: 'Enterprise markers of the one-map, compact: one array per enterprise',
        querystring: enterpriseLayerQuery,
        response: {
          200: z.object({
            columns: z.array(z.string()).describe('Names of the positions in each point'),
            points: z.array(z.array(z.unknown())),
          }),
        },
      },
    },
    async (request, reply) => {
      const points = await deps.enterprises.mapPointsJson(actorOf(requireAuth(request)), request.query);
      // Sent as text: the points are already JSON (the schema above documents their shape).
      return (reply as FastifyReply)
        .type('application/json')
        .send(`{"columns":${JSON.stringify(MAP_COLUMNS)},"points":${points}}`);
    },
  );

  api.get(
    '/api/v1/map/objects',
    {
      config: { access: 'registry:read' },
      schema: {
        tags,
        summary: 'Regulated objects of the one-map, with line and area geometries',
        querystring: z.object({
          kinds: z
            .string()
            .optional()
            .transform((value, ctx) => {
              if (!value) return [...regulatedObjectKinds];
              const kinds = value.split(',');
              const unknown = kinds.filter(
                (kind) => !(regulatedObjectKinds as readonly string[]).includes(kind),
              );
              if (unknown.length)
                ctx.addIssue({ code: 'custom', message: `unknown kinds: ${unknown.join(',')}` });
              return kinds as (typeof regulatedObjectKinds)[number][];
            })
            .describe('Comma-separated kinds; all when absent'),
          county: z
            .string()
            .regex(/^\d{6}$/)
            .optional(),
        }),
        response: { 200: z.object({ items: z.array(regulatedObjectSchema) }) },
      },
    },
    async (request) => ({
      items: await deps.objects.layer(
        actorOf(requireAuth(request)),
        request.query.kinds,
        request.query.county,
      ),
    }),
  );

  api.get(
    '/api/v1/map/obligation-gaps',
    {
      config: { access: 'registry:read' },
      schema: {
        tags,
        summary:
          '企业主体责任缺项: enterprises in scope with a certificate gap or without mandatory insurance today',
        querystring: z.object({
          county: z
            .string()
            .regex(/^\d{6}$/)
            .optional(),
        }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                name: z.string(),
                county: z.string(),
                lon: z.number(),
                lat: z.number(),
                demo: z.boolean(),
                certificateGaps: z.array(
                  z.object({
                    kind: z.enum(certificateGapKinds),
                    personName: z.string().nullable(),
                    operation: z.string().nullable(),
                  }),
                ),
                uninsured: z.boolean(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => ({
      items: await deps.obligationGaps.points(actorOf(requireAuth(request)).scope, request.query),
    }),
  );
}
