import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError, whistleIncidentOptionSchema } from '@anjian/domain';
import { requireAuth } from '../../platform/access.ts';
import type { WhistleIncidentEvidence } from './whistle-incident-evidence.ts';
import type { WhistleIntakeService } from './whistle-intake.service.ts';

const tags = ['whistleblowing'];
const handle = 'whistle:handle' as const;

/** What the staff attach to a report: photos a letter or visit brought, the incident uncovered. */
export function registerWhistleEvidenceRoutes(
  app: FastifyInstance,
  deps: { intake: WhistleIntakeService; incidents: WhistleIncidentEvidence },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/whistleblowing/incidents',
    {
      config: { access: handle },
      schema: {
        tags,
        summary:
          'Accidents (事故) in the caller’s counties a concealed-accident report may be linked to, newest first, with deaths and class as counted today',
        response: { 200: z.array(whistleIncidentOptionSchema) },
      },
    },
    async (request) => deps.incidents.options(requireAuth(request)),
  );

  api.post(
    '/api/v1/whistleblowing/photos',
    {
      config: { access: handle, audit: 'whistle.photo_upload' },
      schema: {
        tags,
        summary:
          'A photo for a report about to be entered by staff (JPEG, PNG or WebP, at most 10 MB): re-encoded without metadata as on the public page, kept for the officer for a day',
        response: { 201: z.object({ id: z.uuid(), contentType: z.string(), size: z.number().int() }) },
      },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) throw new DomainError('upload.not_an_image');
      return reply.status(201).send(await deps.intake.staffPhoto(requireAuth(request), request.body));
    },
  );
}
