import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  certificateCheckSchema,
  certificateGapKinds,
  certificateGapSchema,
  certificateInputSchema,
  gapFindingInputSchema,
  personInputSchema,
  personListQuerySchema,
  personSchema,
  trainingInputSchema,
} from '@anjian/domain';
import { requireAuth } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import { registerListWithExport } from '../../platform/office/index.ts';
import { peopleExportColumns } from './obligations-export.ts';
import type { PeopleService } from './people.service.ts';

const tags = ['obligations'];
const idParams = z.object({ id: z.uuid() });
const ok = { 200: z.object({ ok: z.literal(true) }) };

export function registerPeopleRoutes(
  app: FastifyInstance,
  { people, clock }: { people: PeopleService; clock: Clock },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/v1/obligations/people';

  registerListWithExport(app, {
    path: base,
    tags,
    access: 'registry:read',
    summary: '三项岗位人员 with their certificates (status from the dated validity parameters)',
    query: personListQuerySchema,
    item: personSchema,
    viewer: (request) => requireAuth(request),
    list: (viewer, filter, paging) => people.list(viewer, filter, paging),
    export: {
      audit: 'obligations.people_export',
      summary: 'The filtered people as an Excel workbook',
      asciiName: 'key-post-people',
      name: '三项岗位人员',
      columns: peopleExportColumns,
    },
    clock,
  });

  api.post(
    base,
    {
      config: { access: 'registry:write', audit: 'obligations.person_create' },
      schema: { tags, body: personInputSchema, response: { 201: personSchema } },
    },
    async (request, reply) => {
      const created = await people.create(requireAuth(request), request.body);
      request.auditTarget = created.id;
      return reply.status(201).send(created);
    },
  );

  api.get(
    `${base}/:id`,
    {
      config: { access: 'registry:read' },
      schema: { tags, params: idParams, response: { 200: personSchema } },
    },
    async (request) => people.get(requireAuth(request), request.params.id),
  );

  api.put(
    `${base}/:id`,
    {
      config: { access: 'registry:write', audit: 'obligations.person_update' },
      schema: {
        tags,
        summary: 'Replace a person (an absent ID number keeps the stored one)',
        params: idParams,
        body: personInputSchema,
        response: { 200: personSchema },
      },
    },
    async (request) => people.replace(requireAuth(request), request.params.id, request.body),
  );

  api.delete(
    `${base}/:id`,
    {
      config: { access: 'registry:write', audit: 'obligations.person_delete' },
      schema: { tags, params: idParams, response: ok },
    },
    async (request) => {
      await people.remove(requireAuth(request), request.params.id);
      return { ok: true as const };
    },
  );

  api.post(
    `${base}/:id/certificates`,
    {
      config: { access: 'registry:write', audit: 'obligations.certificate_add' },
      schema: {
        tags,
        summary: 'Register a certificate; expiry and review dates default from the dated parameters',
        params: idParams,
        body: certificateInputSchema,
        response: { 201: personSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await people.addCertificate(requireAuth(request), request.params.id, request.body)),
  );

  api.delete(
    `${base}/:id/certificates/:certificateId`,
    {
      config: { access: 'registry:write', audit: 'obligations.certificate_delete' },
      schema: { tags, params: z.object({ id: z.uuid(), certificateId: z.uuid() }), response: ok },
    },
    async (request) => {
      await people.removeCertificate(requireAuth(request), request.params.id, request.params.certificateId);
      return { ok: true as const };
    },
  );

  api.post(
    `${base}/:id/training`,
    {
      config: { access: 'registry:write', audit: 'obligations.training_add' },
      schema: { tags, params: idParams, body: trainingInputSchema, response: { 201: personSchema } },
    },
    async (request, reply) =>
      reply.status(201).send(await people.addTraining(requireAuth(request), request.params.id, request.body)),
  );

  api.get(
    '/api/v1/obligations/certificates/:number',
    {
      config: { access: 'registry:read' },
      schema: {
        tags,
        summary: 'Check a certificate on site by the number on the card (or its QR code)',
        params: z.object({ number: z.string().trim().min(4).max(40) }),
        response: { 200: certificateCheckSchema },
      },
    },
    async (request) => people.check(requireAuth(request), request.params.number),
  );

  api.get(
    '/api/v1/obligations/enterprises/:id/certificate-gaps',
    {
      config: { access: 'registry:read' },
      schema: {
        tags,
        summary:
          'The enterprise’s certificate gaps today (no certified principal or safety manager, uncertified special operations)',
        params: idParams,
        response: { 200: z.array(certificateGapSchema) },
      },
    },
    async (request) => people.gaps(requireAuth(request), request.params.id),
  );

  api.post(
    '/api/v1/obligations/enterprises/:id/certificate-gaps/findings',
    {
      config: { access: 'enforcement:write', audit: 'obligations.gap_finding' },
      schema: {
        tags,
        summary:
          'Record a certificate gap as a failed item of the caller’s open inspection of the enterprise',
        params: idParams,
        body: gapFindingInputSchema.extend({
          kind: z.enum(certificateGapKinds),
          personId: z.uuid().nullable(),
        }),
        response: { 200: z.object({ itemId: z.uuid(), added: z.boolean() }) },
      },
    },
    async (request) => {
      const { kind, personId, ...input } = request.body;
      const result = await people.recordFinding(
        requireAuth(request),
        request.params.id,
        { kind, personId },
        input,
      );
      request.auditTarget = input.inspectionId;
      return result;
    },
  );
}
