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
const bboxSchema = z
  .string()
  .describe('The view: west,south,east,north in WGS-84 degrees')
  .transform((value, ctx) => {
    const parts = value.split(',').map((part) => (part.trim() === '' ? Number.NaN : Number(part)));
    const [west, south, east, north] = parts as [number, number, number, number];
    const valid =
      parts.length === 4 &&
      parts.every(Number.isFinite) &&
      west >= -180 &&
      east <= 180 &&
      south >= -90 &&
      north <= 90 &&
      west <= east &&
      south <= north;
    if (!valid) {
      ctx.addIssue({
        code: 'custom',
        message: 'bbox: west,south,east,north with west ≤ east, south ≤ north',
      });
      return z.NEVER;
    }
    return [west, south, east, north] as const;
  });
const enterpriseLayerQuery = enterpriseListQuerySchema
  .omit({ page: true, pageSize: true, sort: true, order: true })
  .extend({
    bbox: bboxSchema.optional(),
    zoom: z.coerce.number().int().min(0).max(22).optional().describe('The map zoom of the view'),
  })
  .refine((query) => (query.bbox === undefined) === (query.zoom === undefined), {
    message: 'bbox and zoom go together',
    path: ['zoom'],
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
        summary:
          'Enterprise markers of the one-map, compact: every point of a small scope, else the view’s points or grid clusters',
        querystring: enterpriseLayerQuery,
        response: {
          200: z.object({
            columns: z.array(z.string()).describe('Names of the positions in each point'),
            points: z.array(z.array(z.unknown())),
            complete: z
              .boolean()
              .describe('true: every point of the scope is here, the view does not matter'),
            total: z.number().int().describe('Enterprises with a position in the scope and filter'),
            clusters: z
              .array(z.array(z.number()))
              .describe('[lon, lat, count] per grid cell the view touches, when its points are too many'),
            sectors: z
              .array(z.tuple([z.string(), z.number()]))
              .describe('[first sector, count] over the scope, when not complete'),
          }),
        },
      },
    },
    async (request, reply) => {
      const { bbox, zoom, ...filter } = request.query;
      const view = bbox && zoom !== undefined ? { bbox, zoom } : undefined;
      const json = await deps.enterprises.mapLayerJson(actorOf(requireAuth(request)), filter, view);
      // Sent as text: the points are already JSON (the schema above documents their shape).
      return (reply as FastifyReply).type('application/json').send(json);
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
