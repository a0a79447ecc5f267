import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  agencyDetailSchema,
  agencyInputSchema,
  agencyListQuerySchema,
  agencyReportDisclosureInputSchema,
  agencyReportInputSchema,
  agencyReportNoticeInputSchema,
  agencyReportListQuerySchema,
  agencyReportSchema,
  agencySchema,
  agencyStaffInputSchema,
} from '@anjian/domain';
import { requireAuth } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import { registerListWithExport } from '../../platform/office/index.ts';
import { agencyExportColumns, agencyReportExportColumns } from './obligations-export.ts';
import type { AgenciesService } from './agencies.service.ts';

const tags = ['obligations'];
const idParams = z.object({ id: z.uuid() });

export function registerAgenciesRoutes(
  app: FastifyInstance,
  { agencies, clock }: { agencies: AgenciesService; clock: Clock },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/v1/obligations/agencies';
  const reports = '/api/v1/obligations/agency-reports';

  registerListWithExport(app, {
    path: base,
    tags,
    access: 'registry:read',
    summary: '安全评价检测检验机构 with their flagged reports in the caller’s scope',
    query: agencyListQuerySchema,
    item: agencySchema,
    viewer: (request) => requireAuth(request),
    list: (viewer, filter, paging) => agencies.listAgencies(viewer, filter, paging),
    export: {
      audit: 'obligations.agencies_export',
      asciiName: 'technical-service-agencies',
      name: '安全评价检测检验机构',
      columns: agencyExportColumns,
    },
    clock,
  });

  api.post(
    base,
    {
      config: { access: 'registry:write', audit: 'obligations.agency_create' },
      schema: { tags, body: agencyInputSchema, response: { 201: agencyDetailSchema } },
    },
    async (request, reply) => {
      const created = await agencies.createAgency(requireAuth(request), request.body);
      request.auditTarget = created.id;
      return reply.status(201).send(created);
    },
  );

  api.get(
    `${base}/:id`,
    {
      config: { access: 'registry:read' },
      schema: {
        tags,
        summary: 'An agency with its staff and its reports in the caller’s scope, each with its flags',
        params: idParams,
        response: { 200: agencyDetailSchema },
      },
    },
    async (request) => agencies.getAgency(requireAuth(request), request.params.id),
  );

  api.post(
    `${base}/:id/staff`,
    {
      config: { access: 'registry:write', audit: 'obligations.agency_staff_add' },
      schema: { tags, params: idParams, body: agencyStaffInputSchema, response: { 201: agencyDetailSchema } },
    },
    async (request, reply) => {
      request.auditTarget = request.params.id;
      return reply
        .status(201)
        .send(await agencies.addStaff(requireAuth(request), request.params.id, request.body));
    },
  );

  registerListWithExport(app, {
    path: reports,
    tags,
    access: 'registry:read',
    summary: 'Reports filed by agencies against enterprises, newest first, each with its flags',
    query: agencyReportListQuerySchema,
    item: agencyReportSchema,
    viewer: (request) => requireAuth(request),
    list: (viewer, filter, paging) => agencies.listReports(viewer, filter, paging),
    export: {
      audit: 'obligations.agency_reports_export',
      asciiName: 'agency-reports',
      name: '技术服务报告',
      columns: agencyReportExportColumns,
    },
    clock,
  });

  api.post(
    reports,
    {
      config: { access: 'registry:write', audit: 'obligations.agency_report_file' },
      schema: { tags, body: agencyReportInputSchema, response: { 201: agencyReportSchema } },
    },
    async (request, reply) => {
      const filed = await agencies.fileReport(requireAuth(request), request.body);
      request.auditTarget = filed.enterpriseId;
      return reply.status(201).send(filed);
    },
  );

  api.put(
    `${reports}/:id/disclosure`,
    {
      config: { access: 'registry:write', audit: 'obligations.agency_report_disclosure' },
      schema: {
        tags,
        summary: '信息公开 of a report: the day, the page and what was published',
        params: idParams,
        body: agencyReportDisclosureInputSchema,
        response: { 200: agencyReportSchema },
      },
    },
    async (request) => {
      const report = await agencies.recordDisclosure(requireAuth(request), request.params.id, request.body);
      request.auditTarget = report.enterpriseId;
      return report;
    },
  );

  api.put(
    `${reports}/:id/notice`,
    {
      config: { access: 'registry:write', audit: 'obligations.agency_report_notice' },
      schema: {
        tags,
        summary: '书面告知: the first on-site day and the day the written notice reached the bureau',
        params: idParams,
        body: agencyReportNoticeInputSchema,
        response: { 200: agencyReportSchema },
      },
    },
    async (request) => {
      const report = await agencies.recordNotice(requireAuth(request), request.params.id, request.body);
      request.auditTarget = report.enterpriseId;
      return report;
    },
  );
}
