import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  describeSecurityEvent,
  pageOf,
  securityEventKindLabels,
  securityEventListQuerySchema,
  securityEventSchema,
  type SecurityEvent,
} from '@anjian/domain';
import type { Clock } from '../../platform/clock.ts';
import {
  cell,
  exportIdsSchema,
  rowsOf,
  sendListExport,
  type ExportColumn,
} from '../../platform/office/index.ts';
import type { SecurityEventsRepository } from './security-events.repository.ts';

const tags = ['security'];

const columns: ExportColumn<SecurityEvent>[] = [
  { header: '时间', width: 20, value: (e) => cell.dateTime(e.at) },
  { header: '事件', width: 26, value: (e) => securityEventKindLabels[e.kind].zh },
  { header: '用户名', width: 18, value: (e) => e.username ?? '' },
  { header: '来源地址', width: 18, value: (e) => e.ip ?? '' },
  { header: '说明', width: 48, value: (e) => describeSecurityEvent(e, 'zh-CN') },
];

/** The security administrator's view of the security events (lock-outs, captchas, throttles, scope denials). */
export function registerSecurityEventRoutes(
  app: FastifyInstance,
  deps: { events: SecurityEventsRepository; clock: Clock },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/security-events',
    {
      config: { access: 'security:read' },
      schema: {
        tags,
        summary: 'Security events, newest first',
        querystring: securityEventListQuerySchema,
        response: { 200: pageOf(securityEventSchema) },
      },
    },
    async (request) => deps.events.list(request.query),
  );

  api.get(
    '/api/v1/security-events/export',
    {
      config: { access: 'security:read', audit: 'security_event.export' },
      schema: {
        tags,
        summary: 'The filtered security events as an Excel workbook (安全事件)',
        querystring: securityEventListQuerySchema
          .omit({ page: true, pageSize: true })
          .extend({ ids: exportIdsSchema }),
      },
    },
    async (request, reply) => {
      const { ids, ...filter } = request.query;
      const batches = await rowsOf((page, pageSize) => deps.events.list({ ...filter, page, pageSize }), ids);
      return sendListExport(
        request,
        reply,
        { asciiName: 'security-events', name: '安全事件', clock: deps.clock },
        columns,
        batches,
      );
    },
  );
}
