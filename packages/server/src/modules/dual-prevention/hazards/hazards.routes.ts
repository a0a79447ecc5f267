import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  hazardCriteriaLists,
  hazardEscalationSettingsSchema,
  hazardSupervisionCloseSchema,
  hazardSupervisionReviewSchema,
  hiddenHazardStatisticsResponseSchema,
  hiddenHazardActionSchema,
  hiddenHazardLevelSchema,
  hiddenHazardReportSchema,
  hiddenHazardResponseSchema,
  hiddenHazardStatusSchema,
  pageOf,
  pageQuerySchema,
  recordLabelSchema,
} from '@anjian/domain';
import { requireAuth } from '../../../platform/access.ts';
import { exportIdsSchema, rowsOf, sendListExport } from '../../../platform/office/index.ts';
import { hazardExportColumns } from './hazard-export.ts';
import { hazardActionPermissions, type HazardsService } from './hazards.service.ts';
import type { Clock } from '../../../platform/clock.ts';

const tags = ['hazards'];
const idParams = z.object({ id: z.uuid() });
const hazardSchema = hiddenHazardResponseSchema.extend({ enterpriseName: z.string(), county: z.string() });
const filterSchema = z.object({
  status: hiddenHazardStatusSchema.optional(),
  level: hiddenHazardLevelSchema.optional(),
  county: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  enterpriseId: z.uuid().optional(),
  supervised: z.enum(['true', 'false']).optional().describe('Only hazards under (or not under) 挂牌督办'),
  open: z.enum(['true', 'false']).optional().describe('Only hazards not yet closed or dismissed'),
  q: z.string().trim().max(64).optional().describe('Part of the description or the enterprise name'),
  securityLabel: recordLabelSchema.optional().describe('Only hazards with this security label'),
});
const toFilter = (query: z.infer<typeof filterSchema>) => ({
  ...query,
  supervised: query.supervised === undefined ? undefined : query.supervised === 'true',
  open: query.open === 'true',
});

export function registerHazardsRoutes(
  app: FastifyInstance,
  { hazards, clock }: { hazards: HazardsService; clock: Clock },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/hazards/criteria',
    {
      config: { access: 'hazard:read' },
      schema: {
        tags,
        summary:
          'The statutory major-hazard criteria lists (化工和危险化学品, 烟花爆竹, 工贸, 金属非金属矿山) for the report form',
        response: { 200: z.object({ items: z.array(z.unknown()) }) },
      },
    },
    async () => ({ items: [...hazardCriteriaLists] }),
  );

  api.get(
    '/api/v1/hazards',
    {
      config: { access: 'hazard:read' },
      schema: {
        tags,
        summary: 'Hidden hazards in the caller’s scope, newest first',
        querystring: pageQuerySchema.extend(filterSchema.shape),
        response: { 200: pageOf(hazardSchema) },
      },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      return hazards.list(requireAuth(request), toFilter(filter), { page, pageSize });
    },
  );

  api.get(
    '/api/v1/hazards/export',
    {
      config: { access: 'hazard:read', audit: 'hazard.export' },
      schema: {
        tags,
        summary: 'The filtered hazard ledger (or 挂牌督办 with supervised=true) as an Excel workbook',
        querystring: filterSchema.extend({ ids: exportIdsSchema }),
      },
    },
    async (request, reply) => {
      const { ids, ...filter } = request.query;
      const auth = requireAuth(request);
      const rows = await rowsOf(
        (page, pageSize) => hazards.list(auth, toFilter(filter), { page, pageSize }),
        ids,
      );
      const supervised = filter.supervised === 'true';
      return sendListExport(
        request,
        reply,
        { asciiName: 'hazards', name: supervised ? '挂牌督办隐患' : '隐患台账', clock },
        hazardExportColumns,
        rows,
      );
    },
  );

  api.get(
    '/api/v1/hazards/statistics',
    {
      config: { access: 'hazard:read' },
      schema: {
        tags,
        summary:
          'Counts by status, level and deadline state; open, closed and overdue by level, county and sector; 整改率 and 按期整改率',
        querystring: filterSchema,
        response: { 200: hiddenHazardStatisticsResponseSchema },
      },
    },
    async (request) => hazards.statistics(requireAuth(request), toFilter(request.query)),
  );

  api.post(
    '/api/v1/hazards',
    {
      config: { access: ['hazard:report', 'hazard:supervise', 'enforcement:write'], audit: 'hazard.report' },
      schema: {
        tags,
        summary: 'Report a hidden hazard; ticking any statutory criterion makes it 重大',
        body: hiddenHazardReportSchema,
        response: { 201: hazardSchema },
      },
    },
    async (request, reply) => {
      const created = await hazards.report(requireAuth(request), request.body);
      request.auditTarget = created.id;
      request.auditDetail = `${created.level} ${created.enterpriseName}`;
      return reply.status(201).send(created);
    },
  );

  api.get(
    '/api/v1/hazards/:id',
    {
      config: { access: 'hazard:read' },
      schema: { tags, params: idParams, response: { 200: hazardSchema } },
    },
    async (request) => hazards.get(requireAuth(request), request.params.id),
  );

  api.get(
    '/api/v1/hazards/escalation-settings',
    {
      config: { access: 'hazard:read' },
      schema: {
        tags,
        summary: 'Days of the escalation ladder: 提醒 before, 通报 N and 约谈 M days after the deadline',
        response: { 200: hazardEscalationSettingsSchema },
      },
    },
    async () => hazards.escalationSettings(),
  );

  api.put(
    '/api/v1/hazards/escalation-settings',
    {
      config: { access: 'registry:configure', audit: 'hazard.escalation_settings' },
      schema: {
        tags,
        summary: 'Set the days of the escalation ladder (city bureau)',
        body: hazardEscalationSettingsSchema,
        response: { 200: hazardEscalationSettingsSchema },
      },
    },
    async (request) => hazards.saveEscalationSettings(requireAuth(request), request.body),
  );

  api.post(
    '/api/v1/hazards/:id/supervision/review',
    {
      config: { access: 'hazard:supervise', audit: 'hazard.supervision_review' },
      schema: {
        tags,
        summary: '督办检查 of a listed hazard, by the department that listed it',
        params: idParams,
        body: hazardSupervisionReviewSchema,
        response: { 200: hazardSchema },
      },
    },
    async (request) => {
      request.auditTarget = request.params.id;
      return hazards.reviewSupervision(requireAuth(request), request.params.id, request.body);
    },
  );

  api.post(
    '/api/v1/hazards/:id/supervision/close',
    {
      config: { access: 'hazard:supervise', audit: 'hazard.supervision_close' },
      schema: {
        tags,
        summary: '核销 (摘牌) of a listing once the hazard is accepted, by the department that listed it',
        params: idParams,
        body: hazardSupervisionCloseSchema,
        response: { 200: hazardSchema },
      },
    },
    async (request) => {
      request.auditTarget = request.params.id;
      return hazards.closeSupervision(requireAuth(request), request.params.id, request.body);
    },
  );

  api.put(
    '/api/v1/hazards/:id/security-label',
    {
      config: {
        access: ['hazard:report', 'hazard:supervise', 'enforcement:write'],
        audit: 'hazard.relabel',
      },
      schema: {
        tags,
        summary: 'Set the security label (密级) of a hazard, at most the caller’s own clearance',
        params: idParams,
        body: z.object({ securityLabel: recordLabelSchema }).strict(),
        response: { 200: hazardSchema },
      },
    },
    async (request) => {
      request.auditTarget = request.params.id;
      const { previous, hazard } = await hazards.setLabel(
        requireAuth(request),
        request.params.id,
        request.body.securityLabel,
      );
      request.auditDetail = `${previous} -> ${hazard.securityLabel}`;
      return hazard;
    },
  );

  api.put(
    '/api/v1/hazards/:id/linked-points',
    {
      config: {
        access: ['hazard:report', 'hazard:supervise', 'enforcement:write'],
        audit: 'hazard.link_points',
      },
      schema: {
        tags,
        summary: 'Link the hazard to monitoring points; acceptance then waits until they read normal',
        params: idParams,
        body: z.object({ pointIds: z.array(z.uuid()).max(50) }).strict(),
        response: { 200: hazardSchema },
      },
    },
    async (request) => {
      request.auditTarget = request.params.id;
      return hazards.setLinkedPoints(requireAuth(request), request.params.id, request.body.pointIds);
    },
  );

  api.post(
    '/api/v1/hazards/:id/actions',
    {
      config: { access: [...hazardActionPermissions], audit: 'hazard.action' },
      schema: {
        tags,
        summary:
          'One step of the closed loop: plan, 挂牌督办, extension, rectification, acceptance or rejection, dismissal, reclassification',
        params: idParams,
        body: hiddenHazardActionSchema,
        response: { 200: hazardSchema },
      },
    },
    async (request) => {
      request.auditDetail = request.body.action;
      return hazards.act(requireAuth(request), request.params.id, request.body);
    },
  );
}
