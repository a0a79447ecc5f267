import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { adHocInspectionSchema, inspectionSubmissionSchema, pageQuerySchema } from '@anjian/domain';
import { requireAuth } from '../../platform/access.ts';
import { exportIdsSchema, rowsOf, sendListExport } from '../../platform/office/index.ts';
import { inspectionExportColumns } from './enforcement-export.ts';
import type { InspectionsService } from './inspections.service.ts';
import type { Clock } from '../../platform/clock.ts';

const tags = ['enforcement'];
const base = '/api/v1/enforcement/inspections';
const idParams = z.object({ id: z.uuid() });
const inspectionFilterSchema = z.object({
  mine: z.enum(['1', 'true', '0', 'false']).optional().describe('1: only those the caller is paired with'),
  status: z.enum(['planned', 'in_progress', 'completed', 'cancelled']).optional(),
  enterpriseId: z.uuid().optional(),
  drawId: z.uuid().optional(),
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional()
    .describe('YYYY-MM: the inspections completed in this Beijing month (the cockpit figure)'),
});

/** Checklist inspections; the phone's offline contract is in docs/enforcement.md. */
export function registerInspectionsRoutes(
  app: FastifyInstance,
  { inspections, clock }: { inspections: InspectionsService; clock: Clock },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    base,
    {
      config: { access: ['enforcement:read', 'hazard:read'] },
      schema: {
        tags,
        summary: 'Inspections in scope; an enterprise sees its own only once the visit has begun (四不两直)',
        querystring: pageQuerySchema.extend(inspectionFilterSchema.shape),
      },
    },
    async (request) => {
      const { page, pageSize, mine, ...filter } = request.query;
      return inspections.list(
        requireAuth(request),
        { ...filter, mine: mine === '1' || mine === 'true' },
        { page, pageSize },
      );
    },
  );
  api.get(
    `${base}/export`,
    {
      config: { access: ['enforcement:read', 'hazard:read'], audit: 'enforcement.inspection.export' },
      schema: {
        tags,
        summary: 'The filtered inspections as an Excel workbook',
        querystring: inspectionFilterSchema.extend({ ids: exportIdsSchema }),
      },
    },
    async (request, reply) => {
      const { ids, mine, ...filter } = request.query;
      const auth = requireAuth(request);
      const rows = await rowsOf(
        (page, pageSize) =>
          inspections.list(auth, { ...filter, mine: mine === '1' || mine === 'true' }, { page, pageSize }),
        ids,
      );
      return sendListExport(
        request,
        reply,
        { asciiName: 'inspections', name: '执法检查', clock },
        inspectionExportColumns,
        rows,
      );
    },
  );
  api.post(
    base,
    {
      config: { access: 'enforcement:write', audit: 'enforcement.inspection.create' },
      schema: { tags, summary: 'An ad hoc inspection', body: adHocInspectionSchema },
    },
    async (request, reply) =>
      reply.status(201).send(await inspections.createAdHoc(requireAuth(request), request.body)),
  );
  api.get(
    `${base}/:id`,
    {
      config: { access: ['enforcement:read', 'hazard:read'] },
      schema: { tags, summary: 'One inspection with its checklist items', params: idParams },
    },
    async (request) => inspections.get(requireAuth(request), request.params.id),
  );
  api.post(
    `${base}/:id/start`,
    {
      config: { access: 'enforcement:write', audit: 'enforcement.inspection.start' },
      schema: { tags, summary: 'The visit has begun', params: idParams },
    },
    async (request) => inspections.start(requireAuth(request), request.params.id),
  );
  api.post(
    `${base}/:id/submit`,
    {
      config: { access: 'enforcement:write', audit: 'enforcement.inspection.submit' },
      schema: {
        tags,
        summary: 'Submit results from the phone, exactly once per clientSubmissionId',
        params: idParams,
        body: inspectionSubmissionSchema,
      },
    },
    async (request, reply) => {
      request.auditTarget = request.params.id;
      const { response, replayed } = await inspections.submit(
        requireAuth(request),
        request.params.id,
        request.body,
      );
      if (replayed) reply.header('idempotent-replayed', 'true');
      return response;
    },
  );
}
