import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  emergencyCaseInputSchema,
  emergencyCaseListQuerySchema,
  emergencyCaseSchema,
  pageOf,
} from '@anjian/domain';
import { requireAuth } from '../../platform/access.ts';
import type { CasesService } from './cases.service.ts';

const tags = ['emergency'];
const idParams = z.object({ id: z.uuid() });

export function registerCasesRoutes(app: FastifyInstance, { cases }: { cases: CasesService }) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/emergency/cases',
    {
      config: { access: 'emergency:read' },
      schema: {
        tags,
        summary: 'Case library (案例库): past accidents with causes and lessons, newest first',
        querystring: emergencyCaseListQuerySchema,
        response: { 200: pageOf(emergencyCaseSchema) },
      },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      return cases.list(requireAuth(request), filter, { page, pageSize });
    },
  );

  api.post(
    '/api/v1/emergency/cases',
    {
      config: { access: 'emergency:write', audit: 'emergency.case_create' },
      schema: { tags, body: emergencyCaseInputSchema, response: { 201: emergencyCaseSchema } },
    },
    async (request, reply) => {
      const created = await cases.create(requireAuth(request), request.body);
      request.auditTarget = created.id;
      return reply.status(201).send(created);
    },
  );

  api.get(
    '/api/v1/emergency/cases/:id',
    {
      config: { access: 'emergency:read' },
      schema: { tags, params: idParams, response: { 200: emergencyCaseSchema } },
    },
    async (request) => cases.get(requireAuth(request), request.params.id),
  );

  api.put(
    '/api/v1/emergency/cases/:id',
    {
      config: { access: 'emergency:write', audit: 'emergency.case_update' },
      schema: {
        tags,
        params: idParams,
        body: emergencyCaseInputSchema,
        response: { 200: emergencyCaseSchema },
      },
    },
    async (request) => cases.replace(requireAuth(request), request.params.id, request.body),
  );

  api.delete(
    '/api/v1/emergency/cases/:id',
    {
      config: { access: 'emergency:write', audit: 'emergency.case_delete' },
      schema: { tags, params: idParams, response: { 200: z.object({ ok: z.literal(true) }) } },
    },
    async (request) => {
      await cases.remove(requireAuth(request), request.params.id);
      return { ok: true as const };
    },
  );
}
