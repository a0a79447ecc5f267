import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { enforcementDocumentRequestSchema } from '@anjian/domain';
import { requireAuth } from '../../platform/access.ts';
import type { DocumentsService } from './documents.service.ts';
import { sendOfficeFile } from '../../platform/office/index.ts';

const tags = ['enforcement'];
const base = '/api/v1/enforcement/documents';

export function registerDocumentsRoutes(
  app: FastifyInstance,
  { documents }: { documents: DocumentsService },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    base,
    {
      config: { access: 'enforcement:read' },
      schema: {
        tags,
        querystring: z.object({
          inspectionId: z.uuid().optional(),
          caseId: z.uuid().optional(),
          enterpriseId: z.uuid().optional().describe('All of an enterprise’s 文书 (一企一档)'),
        }),
      },
    },
    async (request) => ({ items: await documents.list(requireAuth(request), request.query) }),
  );
  api.post(
    base,
    {
      config: { access: 'enforcement:write', audit: 'enforcement.document.issue' },
      schema: {
        tags,
        summary: 'Issue a numbered 文书 (e.g. 玉应急检记〔2026〕1号)',
        body: enforcementDocumentRequestSchema,
      },
    },
    async (request, reply) => {
      const issued = await documents.issue(requireAuth(request), request.body);
      request.auditTarget = issued.id;
      request.auditDetail = issued.number;
      return reply.status(201).send(issued);
    },
  );
  api.get(
    `${base}/:id/docx`,
    {
      config: { access: 'enforcement:read' },
      schema: { tags, summary: 'The document as DOCX', params: z.object({ id: z.uuid() }) },
    },
    async (request, reply) => {
      const { fileName, data } = await documents.docx(requireAuth(request), request.params.id);
      return sendOfficeFile(reply, 'docx', { asciiName: 'enforcement-document', name: fileName }, data);
    },
  );
}
