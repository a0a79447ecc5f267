import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  coverageQuerySchema,
  coverageRowSchema,
  pageOf,
  policyInputSchema,
  policyListQuerySchema,
  policySchema,
} from '@anjian/domain';
import { requireAuth } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import {
  exportIdsSchema,
  rowsOf,
  sendListExport,
  registerListWithExport,
} from '../../platform/office/index.ts';
import { coverageExportColumns, policyExportColumns } from './obligations-export.ts';
import type { InsuranceService } from './insurance.service.ts';

const tags = ['obligations'];

export function registerInsuranceRoutes(
  app: FastifyInstance,
  { insurance, clock }: { insurance: InsuranceService; clock: Clock },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/v1/obligations/policies';

  registerListWithExport(app, {
    path: base,
    tags,
    access: 'registry:read',
    summary: '安责险 policies, the latest ending first',
    query: policyListQuerySchema,
    item: policySchema,
    viewer: (request) => requireAuth(request),
    list: (viewer, filter, paging) => insurance.list(viewer, filter, paging),
    export: {
      audit: 'obligations.policies_export',
      asciiName: 'liability-insurance-policies',
      name: '安责险保单',
      columns: policyExportColumns,
    },
    clock,
  });

  api.post(
    base,
    {
      config: { access: 'registry:write', audit: 'obligations.policy_create' },
      schema: { tags, body: policyInputSchema, response: { 201: policySchema } },
    },
    async (request, reply) => {
      const created = await insurance.create(requireAuth(request), request.body);
      request.auditTarget = created.id;
      return reply.status(201).send(created);
    },
  );

  api.delete(
    `${base}/:id`,
    {
      config: { access: 'registry:write', audit: 'obligations.policy_delete' },
      schema: {
        tags,
        params: z.object({ id: z.uuid() }),
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request) => {
      await insurance.remove(requireAuth(request), request.params.id);
      return { ok: true as const };
    },
  );

  api.get(
    '/api/v1/obligations/coverage',
    {
      config: { access: 'registry:read' },
      schema: {
        tags,
        summary:
          'Enterprises of the mandatory sectors with their 安责险 standing (status=gaps: uninsured, below minimum, expiring)',
        querystring: coverageQuerySchema,
        response: { 200: pageOf(coverageRowSchema) },
      },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      return insurance.coverage(requireAuth(request), filter, { page, pageSize });
    },
  );

  api.get(
    '/api/v1/obligations/coverage/export',
    {
      config: { access: 'registry:read', audit: 'obligations.coverage_export' },
      schema: {
        tags,
        querystring: coverageQuerySchema
          .omit({ page: true, pageSize: true })
          .extend({ ids: exportIdsSchema }),
      },
    },
    async (request, reply) => {
      const { ids, ...filter } = request.query;
      const auth = requireAuth(request);
      const rows = await rowsOf(
        (page, pageSize) => insurance.coverage(auth, filter, { page, pageSize }),
        ids,
      );
      return sendListExport(
        request,
        reply,
        { asciiName: 'liability-insurance-coverage', name: '安责险投保情况', clock },
        coverageExportColumns,
        rows,
      );
    },
  );
}
