import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { riskPointInputSchema, riskUnitInputSchema, riskUnitSchema } from '@anjian/domain';
import { requireAuth } from '../../../platform/access.ts';
import type { Clock } from '../../../platform/clock.ts';
import { sendOfficeFile } from '../../../platform/office/index.ts';
import { registerRiskOverviewRoutes } from './risk-overview.routes.ts';
import type { RiskService } from './risk.service.ts';

const tags = ['risk'];
const idParams = z.object({ id: z.uuid() });
const filterSchema = z.object({
  enterpriseId: z.uuid().optional(),
  county: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
});
const ok = z.object({ ok: z.literal(true) });

export function registerRiskRoutes(
  app: FastifyInstance,
  { risk, clock }: { risk: RiskService; clock: Clock },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/risk/units',
    {
      config: { access: 'risk:read' },
      schema: {
        tags,
        summary: 'Risk units with their assessed points, in the caller’s scope',
        querystring: filterSchema,
        response: { 200: z.object({ items: z.array(riskUnitSchema) }) },
      },
    },
    async (request) => ({ items: await risk.units(requireAuth(request), request.query) }),
  );

  api.post(
    '/api/v1/risk/units',
    {
      config: { access: 'risk:write', audit: 'risk.unit_create' },
      schema: {
        tags,
        summary: 'Add a risk unit (area, facility, activity or post)',
        body: riskUnitInputSchema,
        response: { 201: riskUnitSchema },
      },
    },
    async (request, reply) => {
      const unit = await risk.createUnit(requireAuth(request), request.body);
      request.auditTarget = unit.id;
      return reply.status(201).send(unit);
    },
  );

  api.get(
    '/api/v1/risk/units/:id',
    {
      config: { access: 'risk:read' },
      schema: { tags, params: idParams, response: { 200: riskUnitSchema } },
    },
    async (request) => risk.unit(requireAuth(request), request.params.id),
  );

  api.put(
    '/api/v1/risk/units/:id',
    {
      config: { access: 'risk:write', audit: 'risk.unit_update' },
      schema: {
        tags,
        params: idParams,
        body: riskUnitInputSchema.omit({ enterpriseId: true }),
        response: { 200: riskUnitSchema },
      },
    },
    async (request) => risk.updateUnit(requireAuth(request), request.params.id, request.body),
  );

  api.delete(
    '/api/v1/risk/units/:id',
    {
      config: { access: 'risk:write', audit: 'risk.unit_delete' },
      schema: { tags, params: idParams, response: { 200: ok } },
    },
    async (request) => {
      await risk.deleteUnit(requireAuth(request), request.params.id);
      return { ok: true as const };
    },
  );

  api.post(
    '/api/v1/risk/units/:id/points',
    {
      config: { access: 'risk:write', audit: 'risk.point_create' },
      schema: {
        tags,
        summary: 'Assess a risk point by LEC or LS; the level and colour are computed by the server',
        params: idParams,
        body: riskPointInputSchema,
        response: { 201: riskUnitSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await risk.addPoint(requireAuth(request), request.params.id, request.body)),
  );

  api.put(
    '/api/v1/risk/points/:id',
    {
      config: { access: 'risk:write', audit: 'risk.point_update' },
      schema: {
        tags,
        summary: 'Reassess a risk point',
        params: idParams,
        body: riskPointInputSchema,
        response: { 200: riskUnitSchema },
      },
    },
    async (request) => risk.updatePoint(requireAuth(request), request.params.id, request.body),
  );

  api.delete(
    '/api/v1/risk/points/:id',
    {
      config: { access: 'risk:write', audit: 'risk.point_delete' },
      schema: { tags, params: idParams, response: { 200: ok } },
    },
    async (request) => {
      await risk.deletePoint(requireAuth(request), request.params.id);
      return { ok: true as const };
    },
  );

  api.get(
    '/api/v1/risk/ledger',
    {
      config: { access: 'risk:read', audit: 'risk.ledger_export' },
      schema: {
        tags,
        summary: '风险分级管控台账 as an Excel workbook, most severe first',
        querystring: filterSchema,
      },
    },
    async (request, reply) => {
      const workbook = await risk.ledger(requireAuth(request), request.query);
      return sendOfficeFile(
        reply,
        'xlsx',
        { asciiName: 'risk-ledger', name: '风险分级管控台账', stampedAt: clock.now() },
        workbook,
      );
    },
  );

  api.get(
    '/api/v1/risk/notice-board',
    {
      config: { access: 'risk:read', audit: 'risk.notice_board' },
      schema: {
        tags,
        summary: '安全风险公告栏 of an enterprise, as a printable DOCX',
        querystring: z.object({ enterpriseId: z.uuid() }),
      },
    },
    async (request, reply) => {
      const { name, docx } = await risk.noticeBoard(requireAuth(request), request.query.enterpriseId);
      return sendOfficeFile(
        reply,
        'docx',
        { asciiName: 'notice-board', name: `${name}_安全风险公告栏` },
        docx,
      );
    },
  );

  api.get(
    '/api/v1/risk/units/:id/post-card',
    {
      config: { access: 'risk:read', audit: 'risk.post_card' },
      schema: { tags, summary: '岗位安全风险告知卡 of a unit, as a printable DOCX', params: idParams },
    },
    async (request, reply) => {
      const { name, docx } = await risk.postCard(requireAuth(request), request.params.id);
      return sendOfficeFile(
        reply,
        'docx',
        { asciiName: 'post-card', name: `${name}_岗位安全风险告知卡` },
        docx,
      );
    },
  );

  api.get(
    '/api/v1/risk/enterprise-levels',
    {
      config: { access: 'risk:read' },
      schema: {
        tags,
        summary: 'Each enterprise’s highest risk level (1 red … 4 blue), for the four-colour city map',
        response: {
          200: z.object({ items: z.array(z.object({ enterpriseId: z.uuid(), level: z.number().int() })) }),
        },
      },
    },
    async (request) => ({ items: await risk.enterpriseLevels(requireAuth(request)) }),
  );

  registerRiskOverviewRoutes(app, { risk, clock });
}
