import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DomainError, chinaStamp, planImportQuerySchema, planImportReportSchema } from '@anjian/domain';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import { requestLanguage } from '../../platform/http-errors.ts';
import { attachmentHeader, XLSX_TYPE } from '../../platform/office/index.ts';
import { buildPlanImportTemplate, importPlan } from './plan-import.ts';

const tags = ['plan'];

/** 规划导入: the Excel template and the import of a bureau's own plan (the 安委办 only). */
export function registerPlanImportRoutes(app: FastifyInstance, deps: { db: Db; clock: Clock }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  if (!app.hasContentTypeParser(XLSX_TYPE))
    app.addContentTypeParser(
      [XLSX_TYPE],
      { parseAs: 'buffer', bodyLimit: 10 * 1024 * 1024 },
      (_r, body, done) => done(null, body),
    );

  api.get(
    '/api/v1/plan/imports/template',
    {
      config: { access: 'plan:manage' },
      schema: {
        tags,
        summary: 'The Excel template of a plan (tasks, units, yearly milestones) with instructions',
      },
    },
    async (_request, reply) => {
      const stamp = chinaStamp(deps.clock.now());
      return reply
        .header('content-type', XLSX_TYPE)
        .header(
          'content-disposition',
          attachmentHeader(`plan_template_${stamp}.xlsx`, `规划导入模板_${stamp}.xlsx`),
        )
        .send(await buildPlanImportTemplate());
    },
  );

  api.post(
    '/api/v1/plan/imports',
    {
      config: { access: 'plan:manage', audit: 'plan.import' },
      schema: {
        tags,
        summary:
          'Load a plan from a filled-in template (body: the .xlsx file); any invalid row stops the import unless validOnly=true',
        querystring: planImportQuerySchema,
        response: { 200: planImportReportSchema },
      },
    },
    async (request) => {
      if (!Buffer.isBuffer(request.body)) throw new DomainError('import.file_invalid');
      const { validOnly, ...plan } = request.query;
      const report = await importPlan(deps, request.body, {
        ...plan,
        validOnly: validOnly === 'true',
        language: requestLanguage(request),
      });
      if (report.planId) request.auditTarget = report.planId;
      request.auditDetail = `rows=${report.totalRows} imported=${report.imported} invalid=${report.invalidRows} committed=${report.committed}`;
      return report;
    },
  );
}
