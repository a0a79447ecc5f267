import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  disasterDetailSchema,
  disasterEventInputSchema,
  disasterEventSchema,
  disasterReportInputSchema,
  isoInstant,
} from '@anjian/domain';
import { requireAuth } from '../../../platform/access.ts';
import type { Clock } from '../../../platform/clock.ts';
import { exportIdsSchema, rowsOf, sendListExport, sendOfficeFile } from '../../../platform/office/index.ts';
import { disasterBulletin, disasterListColumns, disasterWorkbook } from './disaster-documents.ts';
import type { DisastersService } from './disasters.service.ts';

const tags = ['emergency'];
const idParams = z.object({ id: z.uuid() });
const listQuery = z.object({
  county: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  kind: z.string().max(32).optional(),
  q: z.string().trim().max(64).optional(),
});

/** Natural-disaster events and their township figures: /api/v1/emergency/disasters/**. */
export function registerDisastersRoutes(
  app: FastifyInstance,
  { disasters, clock }: { disasters: DisastersService; clock: Clock },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/emergency/disasters/rules',
    {
      config: { access: 'emergency:read' },
      schema: {
        tags,
        summary: 'The configured disaster kinds and reporting rules (初报, 续报, 核报 deadlines)',
        response: {
          200: z.object({
            kinds: z.array(z.string()),
            initialWithinHours: z.number(),
            followUpDailyAt: z.string(),
            verifiedWithinWorkingDays: z.number(),
            jumpRatio: z.number(),
            jumpMinimum: z.number(),
            consistencyChecks: z.boolean(),
          }),
        },
      },
    },
    async () => {
      const rules = disasters.rules();
      return { ...rules, kinds: [...rules.kinds] };
    },
  );

  api.get(
    '/api/v1/emergency/disasters',
    {
      config: { access: 'emergency:read' },
      schema: {
        tags,
        summary: 'Natural-disaster events, newest first, with their current totals',
        querystring: listQuery,
        response: { 200: z.object({ items: z.array(disasterEventSchema) }) },
      },
    },
    async (request) => ({ items: await disasters.list(requireAuth(request), request.query) }),
  );

  api.get(
    '/api/v1/emergency/disasters/export',
    {
      config: { access: 'emergency:read', audit: 'emergency.disaster_export' },
      schema: {
        tags,
        summary: 'The filtered disaster list with current totals as an Excel workbook',
        querystring: listQuery.extend({ ids: exportIdsSchema }),
      },
    },
    async (request, reply) => {
      const { ids, ...filter } = request.query;
      const auth = requireAuth(request);
      const rows = await rowsOf(async () => {
        const items = await disasters.list(auth, filter);
        return { items, total: items.length };
      }, ids);
      return sendListExport(
        request,
        reply,
        { asciiName: 'disasters', name: '自然灾害事件', clock },
        disasterListColumns,
        rows,
      );
    },
  );

  api.post(
    '/api/v1/emergency/disasters',
    {
      config: { access: 'emergency:write', audit: 'emergency.disaster_create' },
      schema: { tags, body: disasterEventInputSchema, response: { 201: disasterDetailSchema } },
    },
    async (request, reply) => {
      const created = await disasters.create(requireAuth(request), request.body);
      request.auditTarget = created.id;
      return reply.status(201).send(created);
    },
  );

  api.get(
    '/api/v1/emergency/disasters/:id',
    {
      config: { access: 'emergency:read' },
      schema: {
        tags,
        summary: 'A disaster across its townships: current figures, totals, every report, deadlines',
        params: idParams,
        response: { 200: disasterDetailSchema },
      },
    },
    async (request) => disasters.get(requireAuth(request), request.params.id),
  );

  api.post(
    '/api/v1/emergency/disasters/:id/reports',
    {
      config: { access: 'emergency:write', audit: 'emergency.disaster_report' },
      schema: {
        tags,
        summary: "A township's figures as 初报, 续报 or 核报; appended, never overwriting an earlier report",
        params: idParams,
        body: disasterReportInputSchema,
        response: { 201: disasterDetailSchema },
      },
    },
    async (request, reply) => {
      request.auditTarget = request.params.id;
      return reply
        .status(201)
        .send(await disasters.report(requireAuth(request), request.params.id, request.body));
    },
  );

  api.post(
    '/api/v1/emergency/disasters/:id/stabilised',
    {
      config: { access: 'emergency:write', audit: 'emergency.disaster_stabilised' },
      schema: {
        tags,
        summary: 'Mark the disaster stable: follow-ups stop and the verified reports fall due',
        params: idParams,
        body: z.object({ at: isoInstant().optional() }).strict(),
        response: { 200: disasterDetailSchema },
      },
    },
    async (request) => {
      request.auditTarget = request.params.id;
      return disasters.stabilise(requireAuth(request), request.params.id, request.body.at);
    },
  );

  api.get(
    '/api/v1/emergency/disasters/:id/bulletin',
    {
      config: { access: 'emergency:read', audit: 'emergency.disaster_bulletin' },
      schema: { tags, summary: 'The one-page 灾情快报 (DOCX) from the current figures', params: idParams },
    },
    async (request, reply) => {
      const detail = await disasters.get(requireAuth(request), request.params.id);
      request.auditTarget = detail.id;
      const now = clock.now();
      return sendOfficeFile(
        reply,
        'docx',
        { asciiName: 'disaster-bulletin', name: `灾情快报_${detail.name}`, stampedAt: now },
        await disasterBulletin(detail, now),
      );
    },
  );

  api.get(
    '/api/v1/emergency/disasters/:id/export',
    {
      config: { access: 'emergency:read', audit: 'emergency.disaster_export' },
      schema: { tags, summary: 'The township figures in the 快报表 layout (Excel)', params: idParams },
    },
    async (request, reply) => {
      const detail = await disasters.get(requireAuth(request), request.params.id);
      request.auditTarget = detail.id;
      const now = clock.now();
      return sendOfficeFile(
        reply,
        'xlsx',
        { asciiName: 'disaster-figures', name: `灾情统计_${detail.name}`, stampedAt: now },
        await disasterWorkbook(detail, now),
      );
    },
  );
}
