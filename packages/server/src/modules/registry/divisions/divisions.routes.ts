import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DivisionsService } from './divisions.service.ts';

const tags = ['divisions'];

const featureCollectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  schematic: z.boolean().describe('True when any boundary is schematic (示意边界)'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      properties: z.object({
        code: z.string(),
        nameZh: z.string(),
        nameEn: z.string().nullable(),
        schematic: z.boolean(),
        source: z.string(),
      }),
      geometry: z.unknown(),
    }),
  ),
});

export function registerDivisionsRoutes(
  app: FastifyInstance,
  { divisions }: { divisions: DivisionsService },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/divisions/boundaries',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Boundaries as GeoJSON (WGS-84); schematic ones must be labelled 示意边界 where drawn',
        querystring: z.object({ level: z.enum(['city', 'county']).default('county') }),
        response: { 200: featureCollectionSchema },
      },
    },
    async (request) => divisions.boundaries(request.query.level),
  );

  api.put(
    '/api/v1/divisions/boundaries',
    {
      config: { access: 'registry:configure', audit: 'division.boundaries_import' },
      bodyLimit: 20 * 1024 * 1024,
      schema: {
        tags,
        summary:
          'Replace boundaries with GeoJSON: features with properties.code (or adcode) and Polygon/MultiPolygon geometry',
        body: z
          .object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()).min(1).max(20) })
          .loose(),
        querystring: z.object({ source: z.string().trim().min(1).max(128).default('import') }),
        response: { 200: z.object({ replaced: z.array(z.string()) }) },
      },
    },
    async (request) => {
      const result = await divisions.importBoundaries(request.body, request.query.source);
      request.auditDetail = `replaced=${result.replaced.join(',')} source=${request.query.source}`;
      return result;
    },
  );
}
