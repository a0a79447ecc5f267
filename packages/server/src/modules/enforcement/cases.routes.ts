import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  pageQuerySchema,
  penaltyCaseActionSchema,
  penaltyCaseFileSchema,
  penaltyCaseStatusSchema,
  recordLabelSchema,
} from '@anjian/domain';
import { requireAuth } from '../../platform/access.ts';
import { exportIdsSchema, rowsOf, sendListExport } from '../../platform/office/index.ts';
import { caseExportColumns } from './enforcement-export.ts';
import type { CasesService } from './cases.service.ts';
import type { Clock } from '../../platform/clock.ts';

const tags = ['enforcement'];
const base = '/api/v1/enforcement/cases';
const idParams = z.object({ id: z.uuid() });
const caseFilterSchema = z.object({
  status: penaltyCaseStatusSchema.optional(),
  enterpriseId: z.uuid().optional(),
  inspectionId: z.uuid().optional(),
  securityLabel: recordLabelSchema.optional().describe('Only cases with this security label'),
});

/** Penalty cases: filing → investigation → notice → hearing → decision → execution → closure. */
export function registerCasesRoutes(
  app: FastifyInstance,
  { cases, clock }: { cases: CasesService; clock: Clock },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    base,
    {
      config: { access: 'enforcement:read' },
      schema: {
        tags,
        summary: 'Cases in scope, newest first, each with its next statutory deadline',
        querystring: pageQuerySchema.extend(caseFilterSchema.shape),
      },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      return cases.list(requireAuth(request), filter, { page, pageSize });
    },
  );
  api.get(
    `${base}/export`,
    {
      config: { access: 'enforcement:read', audit: 'enforcement.case.export' },
      schema: {
        tags,
        summary: 'The filtered penalty cases as an Excel workbook',
        querystring: caseFilterSchema.extend({ ids: exportIdsSchema }),
      },
    },
    async (request, reply) => {
      const { ids, ...filter } = request.query;
      const auth = requireAuth(request);
      const rows = await rowsOf((page, pageSize) => cases.list(auth, filter, { page, pageSize }), ids);
      return sendListExport(
        request,
        reply,
        { asciiName: 'penalty-cases', name: '行政处罚案件', clock },
        caseExportColumns,
        rows,
      );
    },
  );
  api.post(
    base,
    {
      config: { access: 'enforcement:write', audit: 'enforcement.case.file' },
      schema: {
        tags,
        summary: '立案 (bureau officers), ad hoc or from a completed inspection',
        body: penaltyCaseFileSchema,
      },
    },
    async (request, reply) => {
      const filed = await cases.file(requireAuth(request), request.body);
      request.auditTarget = filed.id;
      return reply.status(201).send(filed);
    },
  );
  api.get(
    `${base}/:id`,
    {
      config: { access: 'enforcement:read' },
      schema: {
        tags,
        summary: 'The case with its deadlines, timeline and the steps open to the caller',
        params: idParams,
      },
    },
    async (request) => cases.get(requireAuth(request), request.params.id),
  );
  api.put(
    `${base}/:id/security-label`,
    {
      config: { access: 'enforcement:write', audit: 'enforcement.case.relabel' },
      schema: {
        tags,
        summary: 'Set the security label (密级) of a case, at most the caller’s own clearance',
        params: idParams,
        body: z.object({ securityLabel: recordLabelSchema }).strict(),
      },
    },
    async (request) => {
      request.auditTarget = request.params.id;
      const changed = await cases.setLabel(
        requireAuth(request),
        request.params.id,
        request.body.securityLabel,
      );
      request.auditDetail = `${changed.previous} -> ${changed.case.securityLabel}`;
      return changed.case;
    },
  );
  api.post(
    `${base}/:id/actions`,
    {
      config: { access: 'enforcement:write', audit: 'enforcement.case.action' },
      schema: { tags, summary: 'Take one step of the case', params: idParams, body: penaltyCaseActionSchema },
    },
    async (request) => {
      request.auditTarget = request.params.id;
      request.auditDetail = request.body.action;
      return cases.act(requireAuth(request), request.params.id, request.body);
    },
  );
}
