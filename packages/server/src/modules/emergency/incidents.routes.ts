import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  accidentLevels,
  dispatchStatuses,
  incidentFollowUpSchema,
  incidentReportSchema,
  incidentSchema,
  incidentStatisticsSchema,
  recordLabelSchema,
} from '@anjian/domain';
import { requireAuth } from '../../platform/access.ts';
import { exportIdsSchema, rowsOf, sendListExport } from '../../platform/office/index.ts';
import { incidentExportColumns, incidentMatches } from './emergency-export.ts';
import type { IncidentsService } from './incidents.service.ts';
import type { Clock } from '../../platform/clock.ts';

const tags = ['emergency'];
const idParams = z.object({ id: z.uuid() });
const text = z.string().trim().min(1).max(2000);
const labelFilter = recordLabelSchema.optional().describe('Only accidents with this security label');

export function registerIncidentsRoutes(
  app: FastifyInstance,
  { incidents, clock }: { incidents: IncidentsService; clock: Clock },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const write = (audit: string) => ({ access: 'emergency:write' as const, audit });

  api.get(
    '/api/v1/incidents',
    {
      config: { access: 'emergency:read' },
      schema: {
        tags,
        summary: 'Accidents, newest first',
        querystring: z.object({
          status: z.enum(['open', 'closed']).optional(),
          enterpriseId: z.uuid().optional().describe('The accidents of one enterprise (一企一档)'),
          securityLabel: labelFilter,
        }),
        response: { 200: z.object({ items: z.array(incidentSchema) }) },
      },
    },
    async (request) => ({ items: await incidents.list(requireAuth(request), request.query) }),
  );

  api.get(
    '/api/v1/incidents/export',
    {
      config: { access: 'emergency:read', audit: 'incident.export' },
      schema: {
        tags,
        summary: 'The filtered accident list as an Excel workbook',
        querystring: z.object({
          status: z.enum(['open', 'closed']).optional(),
          securityLabel: labelFilter,
          q: z.string().trim().max(64).optional(),
          level: z.enum(accidentLevels).optional(),
          county: z
            .string()
            .regex(/^\d{6}$/)
            .optional(),
          month: z
            .string()
            .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
            .optional()
            .describe('YYYY-MM: the accidents of one Beijing month'),
          ids: exportIdsSchema,
        }),
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      const rows = await rowsOf(async () => {
        const { status, securityLabel } = request.query;
        const items = (await incidents.list(auth, { status, securityLabel })).filter(
          incidentMatches(request.query),
        );
        return { items, total: items.length };
      }, request.query.ids);
      return sendListExport(
        request,
        reply,
        { asciiName: 'incidents', name: '事故信息', clock },
        incidentExportColumns,
        rows,
      );
    },
  );

  api.post(
    '/api/v1/incidents',
    {
      config: write('incident.report'),
      schema: {
        tags,
        summary: 'Initial report (首报); the statutory class and the reporting deadlines follow',
        body: incidentReportSchema,
        response: { 201: incidentSchema },
      },
    },
    async (request, reply) => {
      const created = await incidents.report(requireAuth(request), request.body);
      request.auditTarget = created.id;
      return reply.status(201).send(created);
    },
  );

  api.get(
    '/api/v1/incidents/:id',
    {
      config: { access: 'emergency:read' },
      schema: { tags, params: idParams, response: { 200: incidentSchema } },
    },
    async (request) => incidents.get(requireAuth(request), request.params.id),
  );

  api.put(
    '/api/v1/incidents/:id/security-label',
    {
      config: write('incident.relabel'),
      schema: {
        tags,
        summary: 'Set the security label (密级) of an accident, at most the caller’s own clearance',
        params: idParams,
        body: z.object({ securityLabel: recordLabelSchema }).strict(),
        response: { 200: incidentSchema },
      },
    },
    async (request) => {
      request.auditTarget = request.params.id;
      const changed = await incidents.setLabel(
        requireAuth(request),
        request.params.id,
        request.body.securityLabel,
      );
      request.auditDetail = `${changed.previous} -> ${changed.incident.securityLabel}`;
      return changed.incident;
    },
  );

  api.post(
    '/api/v1/incidents/:id/follow-ups',
    {
      config: write('incident.follow_up'),
      schema: {
        tags,
        summary: 'Follow-up report (续报) with new totals; later deaths within 30 (7) days recount the class',
        params: idParams,
        body: incidentFollowUpSchema,
        response: { 200: incidentSchema },
      },
    },
    async (request) => incidents.followUp(requireAuth(request), request.params.id, request.body),
  );

  api.put(
    '/api/v1/incidents/:id/statistics',
    {
      config: write('incident.classify'),
      schema: {
        tags,
        summary:
          'Statistical review: sector, GB/T 4754 industry, township and whether it counts as a 生产安全事故, with the reason',
        params: idParams,
        body: incidentStatisticsSchema,
        response: { 200: incidentSchema },
      },
    },
    async (request) => incidents.classify(requireAuth(request), request.params.id, request.body),
  );

  api.post(
    '/api/v1/incidents/:id/reports-sent',
    {
      config: write('incident.report_sent'),
      schema: {
        tags,
        summary: 'Record that the report to the next level was made',
        params: idParams,
        body: z.object({ stepId: z.string().max(64) }).strict(),
        response: { 200: incidentSchema },
      },
    },
    async (request) => incidents.reportSent(requireAuth(request), request.params.id, request.body.stepId),
  );

  api.post(
    '/api/v1/incidents/:id/dispatch',
    {
      config: write('incident.dispatch'),
      schema: {
        tags,
        summary: 'Dispatch a team (or other resource) to the incident',
        params: idParams,
        body: z.object({ resourceId: z.uuid(), note: text.optional() }).strict(),
        response: { 200: incidentSchema },
      },
    },
    async (request) =>
      incidents.dispatch(requireAuth(request), request.params.id, request.body.resourceId, request.body.note),
  );

  api.post(
    '/api/v1/incidents/:id/tasks/:taskId/status',
    {
      config: write('incident.task_status'),
      schema: {
        tags,
        summary: 'A dispatched resource’s progress: en route, on scene, done',
        params: z.object({ id: z.uuid(), taskId: z.uuid() }),
        body: z.object({ status: z.enum(dispatchStatuses) }).strict(),
        response: { 200: incidentSchema },
      },
    },
    async (request) =>
      incidents.taskStatus(
        requireAuth(request),
        request.params.id,
        request.params.taskId,
        request.body.status,
      ),
  );

  api.post(
    '/api/v1/incidents/:id/notes',
    {
      config: write('incident.note'),
      schema: {
        tags,
        params: idParams,
        body: z.object({ text }).strict(),
        response: { 200: incidentSchema },
      },
    },
    async (request) => incidents.note(requireAuth(request), request.params.id, request.body.text),
  );

  api.post(
    '/api/v1/incidents/:id/close',
    {
      config: write('incident.close'),
      schema: {
        tags,
        params: idParams,
        body: z.object({ text }).strict(),
        response: { 200: incidentSchema },
      },
    },
    async (request) => incidents.close(requireAuth(request), request.params.id, request.body.text),
  );
}
