import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError, planImportQuerySchema, planImportReportSchema } from '@anjian/domain';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import { requestLanguage } from '../../platform/http-errors.ts';
import { sendOfficeFile, XLSX_TYPE } from '../../platform/office/index.ts';
import { importPlan, type IndicatorNames } from './plan-import.ts';
import { buildPlanImportTemplate, buildPlanWorkbook } from './plan-workbook.ts';
import { deliverableDefinitions } from './plan-reference.repository.ts';
import type { PlanService } from './plan.service.ts';

const tags = ['plan'];

/**
 * 规划导入 and 规划导出: the Excel template and the import of a bureau's own plan (the 安委办 only),
 * and any loaded plan as a workbook in the template's format (every reader of the plan), which
 * loads again as a new plan.
 */
export function registerPlanImportRoutes(
  app: FastifyInstance,
  deps: { db: Db; clock: Clock; service: PlanService; indicators: IndicatorNames },
) {
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
    async (_request, reply) =>
      sendOfficeFile(
        reply,
        'xlsx',
        { asciiName: 'plan_template', name: '规划导入模板', stampedAt: deps.clock.now() },
        await buildPlanImportTemplate(),
      ),
  );

  api.get(
    '/api/v1/plan/plans/:id/export',
    {
      config: { access: ['plan:manage', 'plan:report'], audit: 'plan.export' },
      schema: {
        tags,
        summary:
          'A plan as an Excel workbook in the import template’s format (tasks, chapters, 专栏, indicators, deliverables); it loads again as a new plan',
        params: z.object({ id: z.uuid() }).strict(),
      },
    },
    async (request, reply) => {
      const plan = await deps.service.plan(request.params.id);
      request.auditTarget = plan.id;
      const names = new Map((await deps.indicators.names()).map((i) => [i.code, i.nameZh]));
      const now = deps.clock.now();
      return sendOfficeFile(
        reply,
        'xlsx',
        { asciiName: `plan_${plan.code}`, name: plan.name, stampedAt: now },
        await buildPlanWorkbook(plan, names, now, await deliverableDefinitions(deps.db, plan.id)),
      );
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
