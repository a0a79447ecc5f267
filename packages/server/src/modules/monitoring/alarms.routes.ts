import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { alarmActionSchema, alarmStatusSchema, pageQuerySchema, warningColourSchema } from '@anjian/domain';
import { exportIdsSchema, rowsOf, sendListExport } from '../../platform/office/index.ts';
import { requireAuth } from '../../platform/access.ts';
import { alarmExportColumns } from './alarm-export.ts';
import { county, idParams, tags } from './monitoring-route-schemas.ts';
import type { MonitoringService } from './monitoring.service.ts';
import type { Clock } from '../../platform/clock.ts';

const alarmFilterSchema = pageQuerySchema.extend({
  open: z.enum(['true', 'false']).optional().describe('Only alarms not yet cleared or closed'),
  status: alarmStatusSchema.optional(),
  colour: warningColourSchema.optional(),
  county,
  enterpriseId: z.uuid().optional(),
  pointId: z.uuid().optional(),
  objectId: z.uuid().optional(),
});

/** The alarm queue, its export and the steps people take on an alarm. */
export function registerAlarmRoutes(
  app: FastifyInstance,
  deps: { monitoring: MonitoringService; clock: Clock },
) {
  const { monitoring, clock } = deps;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/monitoring/alarms',
    {
      config: { access: 'monitoring:read' },
      schema: {
        tags,
        summary: 'Alarms, open and most severe first (报警队列)',
        querystring: alarmFilterSchema,
      },
    },
    async (request) => {
      const { page, pageSize, open, ...filter } = request.query;
      return monitoring.listAlarms(
        requireAuth(request),
        { ...filter, open: open === 'true' },
        page,
        pageSize,
      );
    },
  );

  api.get(
    '/api/v1/monitoring/alarms/export',
    {
      config: { access: 'monitoring:read', audit: 'alarm.export' },
      schema: {
        tags,
        summary: 'The filtered alarm history as an Excel workbook',
        querystring: alarmFilterSchema.omit({ page: true, pageSize: true }).extend({ ids: exportIdsSchema }),
      },
    },
    async (request, reply) => {
      const { ids, open, ...filter } = request.query;
      const auth = requireAuth(request);
      const rows = await rowsOf(
        (page, pageSize) => monitoring.listAlarms(auth, { ...filter, open: open === 'true' }, page, pageSize),
        ids,
      );
      return sendListExport(
        request,
        reply,
        { asciiName: 'alarms', name: '报警记录', clock },
        alarmExportColumns,
        rows,
      );
    },
  );

  api.get(
    '/api/v1/monitoring/alarms/:id',
    {
      config: { access: 'monitoring:read' },
      schema: { tags, summary: 'An alarm with its timeline', params: idParams },
    },
    async (request) => monitoring.getAlarm(requireAuth(request), request.params.id),
  );

  api.post(
    '/api/v1/monitoring/alarms/:id/actions',
    {
      config: { access: 'alarm:handle', audit: 'monitoring.alarm.action' },
      schema: {
        tags,
        summary: 'Acknowledge, handle, clear (消警, with a reason) or close an alarm',
        params: idParams,
        body: alarmActionSchema,
      },
    },
    async (request) => {
      request.auditTarget = request.params.id;
      request.auditDetail = request.body.action;
      return monitoring.actOnAlarm(requireAuth(request), request.params.id, request.body);
    },
  );
}
