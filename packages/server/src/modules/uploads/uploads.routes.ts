import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '@anjian/domain';
import { requireAuth } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import type { EnterpriseLookup } from '../registry/index.ts';
import { checkUploadOwner } from './upload-owner.ts';
import { sanitizeImage } from './image-sanitizer.ts';
import type { UploadsRepository } from './uploads.repository.ts';

const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
const tags = ['uploads'];
const extensions: Record<string, string> = { 'image/png': 'png', 'image/webp': 'webp', 'image/jpeg': 'jpg' };
const extensionOf = (type: string) => extensions[type] ?? 'jpg';

export function registerUploadsRoutes(
  app: FastifyInstance,
  deps: { uploads: UploadsRepository; clock: Clock; maxPixels: number; enterprises: EnterpriseLookup },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  app.addContentTypeParser(
    ['image/jpeg', 'image/png', 'image/webp'],
    { parseAs: 'buffer', bodyLimit: MAX_PHOTO_BYTES },
    (_request, body, done) => done(null, body),
  );

  api.post(
    '/api/v1/uploads',
    {
      config: {
        access: [
          'hazard:report',
          'hazard:supervise',
          'enforcement:write',
          'registry:write',
          'plan:report',
          'team:field',
        ],
        audit: 'upload.create',
      },
      schema: {
        tags,
        summary:
          'Upload a photo (body: the JPEG, PNG or WebP, at most 10 MB); it is decoded and re-encoded, so no metadata (EXIF, GPS, XMP, text) and nothing after the image is stored',
        querystring: z.object({
          county: z
            .string()
            .regex(/^\d{6}$/)
            .optional()
            .describe('County the photo belongs to (required for bureau staff)'),
          enterpriseId: z.uuid().optional().describe('Enterprise the photo belongs to, when known'),
        }),
        response: {
          201: z.object({
            id: z.uuid(),
            contentType: z.string(),
            size: z.number().int(),
            sha256: z.string(),
          }),
        },
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      if (!Buffer.isBuffer(request.body)) throw new DomainError('upload.not_an_image');
      const image = await sanitizeImage(request.body, { maxPixels: deps.maxPixels });
      const scope = auth.scope;
      const county = scope.kind === 'enterprise' ? scope.county : request.query.county;
      const enterpriseId =
        scope.kind === 'enterprise' ? scope.enterpriseId : (request.query.enterpriseId ?? null);
      if (!county)
        throw new DomainError('request.invalid', {
          fields: [{ path: 'querystring.county', code: 'invalid_type', message: 'county' }],
        });
      await checkUploadOwner(scope, { county, enterpriseId }, deps.enterprises);
      const sha256 = createHash('sha256').update(image.data).digest('hex');
      const id = await deps.uploads.insert({
        contentType: image.type,
        size: image.data.length,
        sha256,
        data: image.data,
        county,
        enterpriseId,
        uploadedBy: auth.userId,
        createdAt: deps.clock.now(),
      });
      request.auditTarget = id;
      return reply.status(201).send({ id, contentType: image.type, size: image.data.length, sha256 });
    },
  );

  api.get(
    '/api/v1/uploads/:id',
    {
      config: {
        access: [
          'hazard:read',
          'enforcement:read',
          'registry:read',
          'plan:report',
          'plan:manage',
          'team:field',
          'emergency:read',
        ],
      },
      schema: {
        tags,
        summary: 'A photo, if the caller’s scope reaches its county or enterprise',
        params: z.object({ id: z.uuid() }),
      },
    },
    async (request, reply) => {
      const file = await deps.uploads.find(request.params.id, requireAuth(request).scope);
      if (!file) throw new DomainError('upload.not_found');
      return (
        reply
          .header('content-type', file.contentType)
          .header('content-disposition', `inline; filename="${file.id}.${extensionOf(file.contentType)}"`)
          // docs/security.md: a photo is personal data and is never kept by a browser or proxy cache.
          .header('cache-control', 'no-store')
          .send(file.data)
      );
    },
  );
}
