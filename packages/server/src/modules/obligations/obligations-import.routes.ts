import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  chinaStamp,
  DomainError,
  obligationImportReportSchema,
  type ObligationImportReport,
} from '@anjian/domain';
import { requireAuth } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import { requestLanguage } from '../../platform/http-errors.ts';
import { attachmentHeader, XLSX_TYPE } from '../../platform/office/index.ts';
import type { ObligationsImportService } from './obligations-import.service.ts';

const tags = ['obligations'];
const summary = (report: ObligationImportReport) =>
  `rows=${report.totalRows} created=${report.created} updated=${report.updated} skipped=${report.skipped} errors=${report.errors}`;

/** Templates and uploads of the exam-results and policies imports (body: the .xlsx file itself). */
export function registerObligationsImportRoutes(
  app: FastifyInstance,
  { imports, clock }: { imports: ObligationsImportService; clock: Clock },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  if (!app.hasContentTypeParser(XLSX_TYPE))
    app.addContentTypeParser(
      [XLSX_TYPE],
      { parseAs: 'buffer', bodyLimit: 10 * 1024 * 1024 },
      (_r, body, done) => done(null, body),
    );

  const sendTemplate = async (reply: FastifyReply, ascii: string, name: string, file: Promise<Buffer>) => {
    const stamp = chinaStamp(clock.now());
    return reply
      .header('content-type', XLSX_TYPE)
      .header('content-disposition', attachmentHeader(`${ascii}_${stamp}.xlsx`, `${name}_${stamp}.xlsx`))
      .send(await file);
  };
  const fileOf = (body: unknown): Buffer => {
    if (!Buffer.isBuffer(body)) throw new DomainError('import.file_invalid');
    return body;
  };

  api.get(
    '/api/v1/obligations/exam-results/import-template',
    {
      config: { access: 'registry:write' },
      schema: {
        tags,
        summary:
          'The Excel template of exam results (the provincial exam platform’s export) with instructions',
      },
    },
    async (_request, reply) =>
      sendTemplate(reply, 'exam_results_template', '培训考试成绩导入模板', imports.examTemplate()),
  );

  api.post(
    '/api/v1/obligations/exam-results/import',
    {
      config: { access: 'registry:write', audit: 'obligations.people_import' },
      schema: {
        tags,
        summary:
          'Import exam results: each row records the exam of the person its ID number names and, when passed with a certificate number, registers or updates the certificate; answers a per-row report',
        response: { 200: obligationImportReportSchema },
      },
    },
    async (request) => {
      const report = await imports.importExams(
        requireAuth(request),
        fileOf(request.body),
        requestLanguage(request),
      );
      request.auditDetail = summary(report);
      return report;
    },
  );

  api.get(
    '/api/v1/obligations/policies/import-template',
    {
      config: { access: 'registry:write' },
      schema: { tags, summary: 'The Excel template of 安责险 policies with instructions' },
    },
    async (_request, reply) =>
      sendTemplate(reply, 'liability_policies_template', '安责险保单导入模板', imports.policyTemplate()),
  );

  api.post(
    '/api/v1/obligations/policies/import',
    {
      config: { access: 'registry:write', audit: 'obligations.policies_import' },
      schema: {
        tags,
        summary:
          'Import 安责险 policies (enterprise by credit code; a registered policy number is updated); answers a per-row report',
        response: { 200: obligationImportReportSchema },
      },
    },
    async (request) => {
      const report = await imports.importPolicies(
        requireAuth(request),
        fileOf(request.body),
        requestLanguage(request),
      );
      request.auditDetail = summary(report);
      return report;
    },
  );
}
