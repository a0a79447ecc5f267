import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DomainError,
  chinaStamp,
  controlNumbersSchema,
  drillQuerySchema,
  reportingFindings,
  indicatorSummarySchema,
  monthlyReportQuerySchema,
  monthlyReportSchema,
  statisticsImportKinds,
  statisticsImportReportSchema,
  statisticsScopeQuerySchema,
  statisticsYearSchema,
  yuxiCounties,
  type StatisticsImportKind,
} from '@anjian/domain';
import { requireAuth, type Access } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import type { EventBus } from '../../platform/events/index.ts';
import { attachmentHeader, XLSX_TYPE } from '../../platform/office/index.ts';
import { requestLanguage } from '../../platform/http-errors.ts';
import { buildImportTemplate } from './statistics-excel.ts';
import { monthlyReportWorkbook } from './statistics-export.ts';
import { importStatistics } from './statistics-import.ts';
import type { createStatisticsWriter } from './statistics-writer.ts';
import type { StatisticsService } from './statistics.service.ts';

const tags = ['statistics'];

const drillSchema = z.object({
  counties: z.array(
    z.object({ divisionCode: z.string(), accidents: z.number().int(), deaths: z.number().int() }),
  ),
  enterprises: z.array(
    z.object({
      enterpriseId: z.string().nullable(),
      enterpriseName: z.string().nullable(),
      accidents: z.number().int(),
      deaths: z.number().int(),
    }),
  ),
  accidents: z.array(
    z.object({
      id: z.string(),
      source: z.string().describe('"incident" (reported in Anjian) or "history" (imported)'),
      occurredAt: z.string(),
      county: z.string(),
      enterpriseId: z.string().nullable(),
      enterpriseName: z.string().nullable(),
      location: z.string(),
      sector: z.string(),
      accidentType: z.string(),
      level: z.string(),
      deaths: z.number().int(),
      seriousInjuries: z.number().int(),
      lossWan: z.number(),
      demo: z.boolean(),
      reportingFinding: z
        .enum(reportingFindings)
        .nullable()
        .describe('瞒报 / 谎报 / 迟报 found by the statistics staff, else null'),
    }),
  ),
});

/** Who may import what: accidents like any accident report; denominators and limits the city. */
const importAccess: Record<StatisticsImportKind, { access: Access; audit: string }> = {
  accidents: { access: 'emergency:write', audit: 'statistics.import_accidents' },
  denominators: { access: 'registry:configure', audit: 'statistics.import_denominators' },
  'control-numbers': { access: 'registry:configure', audit: 'statistics.import_control_numbers' },
};

const templateNames: Record<StatisticsImportKind, string> = {
  accidents: '历史事故导入模板',
  denominators: '地区生产总值和就业人员导入模板',
  'control-numbers': '年度控制考核指标导入模板',
};

export function registerStatisticsRoutes(
  app: FastifyInstance,
  deps: {
    db: Db;
    clock: Clock;
    events: EventBus;
    service: StatisticsService;
    writer: ReturnType<typeof createStatisticsWriter>;
  },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { service, clock } = deps;
  if (!app.hasContentTypeParser(XLSX_TYPE))
    app.addContentTypeParser(
      [XLSX_TYPE],
      { parseAs: 'buffer', bodyLimit: 10 * 1024 * 1024 },
      (_r, body, done) => done(null, body),
    );

  api.get(
    '/api/v1/statistics/indicators',
    {
      config: { access: 'stats:read' },
      schema: {
        tags,
        summary:
          'The plan’s indicators (专栏1) for a year and area: baseline, target, milestone, year to date, projection with band, status and trajectory',
        querystring: statisticsScopeQuerySchema,
        response: { 200: indicatorSummarySchema },
      },
    },
    async (request) =>
      service.summary(requireAuth(request).scope, request.query.year, request.query.divisionCode),
  );

  api.get(
    '/api/v1/statistics/indicators/counties',
    {
      config: { access: 'stats:read' },
      schema: {
        tags,
        summary: 'Every county’s indicators and trajectory for a year',
        querystring: z.object({ year: statisticsYearSchema }).strict(),
        response: {
          200: z.object({
            year: z.number().int(),
            includesDemo: z.boolean(),
            counties: z.array(
              z.object({ divisionCode: z.string(), indicators: indicatorSummarySchema.shape.indicators }),
            ),
          }),
        },
      },
    },
    async (request) => service.countySummaries(requireAuth(request).scope, request.query.year),
  );

  api.get(
    '/api/v1/statistics/monthly',
    {
      config: { access: 'stats:read' },
      schema: {
        tags,
        summary:
          'The monthly 生产安全事故统计报表: by sector, county, type and class, 本月 and 累计 with 同比',
        querystring: monthlyReportQuerySchema,
        response: { 200: monthlyReportSchema },
      },
    },
    async (request) => service.monthly(requireAuth(request).scope, request.query),
  );

  api.get(
    '/api/v1/statistics/monthly/export',
    {
      config: { access: 'stats:read', audit: 'statistics.export' },
      schema: {
        tags,
        summary: 'The monthly report as an Excel workbook',
        querystring: monthlyReportQuerySchema,
      },
    },
    async (request, reply) => {
      const report = await service.monthly(requireAuth(request).scope, request.query);
      const area = yuxiCounties.find((c) => c.code === report.divisionCode)?.nameZh ?? '玉溪市';
      const stamp = chinaStamp(clock.now());
      return reply
        .header('content-type', XLSX_TYPE)
        .header(
          'content-disposition',
          attachmentHeader(
            `accident_statistics_${stamp}.xlsx`,
            `生产安全事故统计报表_${report.year}年${report.month}月_${stamp}.xlsx`,
          ),
        )
        .send(await monthlyReportWorkbook(report, area));
    },
  );

  api.get(
    '/api/v1/statistics/drill',
    {
      config: { access: 'stats:read' },
      schema: {
        tags,
        summary:
          'Drill-down: no county → counties; a county → its enterprises; an enterprise → its accidents',
        querystring: drillQuerySchema,
        response: { 200: drillSchema },
      },
    },
    async (request) => service.drill(requireAuth(request).scope, request.query),
  );

  api.get(
    '/api/v1/statistics/control-numbers',
    {
      config: { access: 'stats:read' },
      schema: {
        tags,
        summary: '年度控制考核指标: deaths so far against each county’s limit, warned at 80 % and 100 %',
        querystring: z.object({ year: statisticsYearSchema }).strict(),
        response: { 200: controlNumbersSchema },
      },
    },
    async (request) => service.controlNumbers(requireAuth(request).scope, request.query.year),
  );

  api.get(
    '/api/v1/statistics/imports/:kind/template',
    {
      config: { access: 'stats:read' },
      schema: {
        tags,
        summary: 'The Excel template of an import, with its instructions sheet',
        params: z.object({ kind: z.enum(statisticsImportKinds) }),
      },
    },
    async (request, reply) => {
      const stamp = chinaStamp(clock.now());
      return reply
        .header('content-type', XLSX_TYPE)
        .header(
          'content-disposition',
          attachmentHeader(
            `statistics_${request.params.kind}_${stamp}.xlsx`,
            `${templateNames[request.params.kind]}_${stamp}.xlsx`,
          ),
        )
        .send(await buildImportTemplate(request.params.kind));
    },
  );

  for (const kind of statisticsImportKinds) {
    api.post(
      `/api/v1/statistics/imports/${kind}`,
      {
        config: importAccess[kind],
        schema: {
          tags,
          summary: `Import a filled-in ${kind} template (body: the .xlsx file); any invalid row stops the import unless validOnly=true`,
          querystring: z.object({
            validOnly: z
              .enum(['true', 'false'])
              .default('false')
              .describe('Import the valid rows and skip the rest'),
          }),
          response: { 200: statisticsImportReportSchema },
        },
      },
      async (request) => {
        if (!Buffer.isBuffer(request.body)) throw new DomainError('import.file_invalid');
        const report = await importStatistics(deps, requireAuth(request), kind, request.body, {
          validOnly: request.query.validOnly === 'true',
          language: requestLanguage(request),
          now: clock.now(),
        });
        request.auditDetail = `rows=${report.totalRows} imported=${report.imported} invalid=${report.invalidRows} committed=${report.committed}`;
        return report;
      },
    );
  }
}
