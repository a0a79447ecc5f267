import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  alarmActionSchema,
  alarmRuleSchema,
  alarmStatusSchema,
  DomainError,
  errorMessage,
  maxReadingsPerBatch,
  monitoringPointDefinitionSchema,
  monitoringPointTypeSchema,
  pageQuerySchema,
  readingFlags,
  warningColourSchema,
} from '@anjian/domain';
import { exportIdsSchema, rowsOf, sendListExport } from '../../platform/list-export.ts';
import { alarmExportColumns } from './alarm-export.ts';
import { requireAuth } from '../../platform/access.ts';
import { databaseRetryAfterSeconds, requestLanguage } from '../../platform/http-errors.ts';
import { isDatabaseUnavailable } from '../../platform/db.ts';
import type { Device, DeviceTokens } from './device-tokens.ts';
import { scopeAllows } from '../../platform/scope-sql.ts';
import type { EventBus } from '../../platform/events/index.ts';
import { subscribeMonitoringEvents } from './monitoring-events.ts';
import type { MonitoringService } from './monitoring.service.ts';

declare module 'fastify' {
  interface FastifyRequest {
    device?: Device;
  }
}

const tags = ['monitoring'];
const idParams = z.object({ id: z.uuid() });
const county = z
  .string()
  .regex(/^\d{6}$/)
  .optional();
const instant = z.iso.datetime({ offset: true });

const telemetryResultSchema = z
  .object({
    accepted: z.int().describe('Readings stored, flagged ones included'),
    duplicates: z
      .int()
      .describe('Readings already stored for the same point and time, or repeated in the batch'),
    rejected: z
      .array(
        z.object({
          index: z.int().describe('Position in the batch'),
          code: z.enum(['telemetry.invalid_reading', 'telemetry.unknown_point']),
          point: z.string().optional(),
          message: z.string().describe('What is wrong, in the caller’s language (Accept-Language)'),
          detail: z.string().optional().describe('For a malformed reading: which field and why'),
        }),
      )
      .describe('Readings not stored: malformed, or of a point that is not this enterprise’s'),
    unknownPoints: z.array(z.string()),
    flagged: z
      .array(z.object({ index: z.int(), flags: z.array(z.enum(readingFlags)) }))
      .describe('Stored but kept out of alarm evaluation: nan, future, out_of_range'),
  })
  .describe('Result of a telemetry batch; sent only after the stored readings are durable');

const pointFilterSchema = pageQuerySchema.extend({
  objectId: z.uuid().optional(),
  enterpriseId: z.uuid().optional(),
  county,
  type: monitoringPointTypeSchema.optional(),
  q: z.string().trim().max(64).optional(),
});

const alarmFilterSchema = pageQuerySchema.extend({
  open: z.enum(['true', 'false']).optional().describe('Only alarms not yet cleared or closed'),
  status: alarmStatusSchema.optional(),
  colour: warningColourSchema.optional(),
  county,
  enterpriseId: z.uuid().optional(),
  pointId: z.uuid().optional(),
  objectId: z.uuid().optional(),
});

const ruleInputSchema = z
  .unknown()
  .describe('An alarm rule (the domain’s AlarmRule) without version: the server assigns the next one');

const settingsSchema = z
  .object({
    escalation: z.object({
      responseMinutes: z.int().min(1).max(10_080).describe('Minutes the enterprise has to acknowledge'),
      cityAfterMinutes: z.int().min(0).max(10_080).describe('Further minutes before the city is told'),
    }),
    repeat: z.object({
      count: z.int().min(2).max(1000).describe('Firings that open a hidden hazard'),
      periodHours: z.int().min(1).max(8760),
    }),
    normalMinutesBeforeAcceptance: z
      .int()
      .min(0)
      .max(43_200)
      .describe('A hazard linked to points is accepted only after they stayed normal this long'),
  })
  .strict();

export function registerMonitoringRoutes(
  app: FastifyInstance,
  deps: { monitoring: MonitoringService; devices: DeviceTokens; events: EventBus },
) {
  const { monitoring, devices, events } = deps;
  const api = app.withTypeProvider<ZodTypeProvider>();
  const openStreams = new Set<ServerResponse>();

  api.post(
    '/api/v1/telemetry',
    {
      bodyLimit: 4 * 1024 * 1024,
      // Devices post all day: their requests are not logged one by one (failures still are).
      logLevel: 'warn',
      config: { access: 'device', auditSkip: true },
      onRequest: async (request) => {
        request.device = await devices.authenticate(request.headers.authorization);
      },
      schema: {
        tags,
        summary: `Readings from a device (Authorization: Bearer <device token>), at most ${maxReadingsPerBatch} per batch`,
        description:
          'Each reading {point, ts, value} is checked on its own: malformed ones and points of another enterprise ' +
          'are rejected by index while the rest are stored. Duplicates (same point and ts) are ignored. ' +
          'Values out of range, null (NaN) or from the future are stored and flagged. The answer comes only ' +
          'after the readings are durable; when the queue is full or the database is away the answer is 503 with Retry-After.',
        security: [{ device: [] }],
        body: z.object({ readings: z.array(z.unknown()).min(1) }).strict(),
        response: { 200: telemetryResultSchema },
      },
    },
    async (request, reply) => {
      const arrivedAt = Date.now();
      if (request.body.readings.length > maxReadingsPerBatch) throw new DomainError('request.too_large');
      try {
        const result = await monitoring.ingest(request.device!, request.body.readings, arrivedAt);
        const language = requestLanguage(request);
        const rejected = result.rejected.map((item) => ({
          ...item,
          message: errorMessage(item.code, language),
        }));
        return { ...result, rejected };
      } catch (error) {
        if (error instanceof DomainError && error.code === 'telemetry.busy') reply.header('retry-after', '1');
        else if (isDatabaseUnavailable(error)) {
          // Nothing was acknowledged: the device keeps the readings and sends them again.
          reply.header('retry-after', String(databaseRetryAfterSeconds));
          throw new DomainError('server.database_unavailable');
        } else if (!(error instanceof DomainError)) {
          request.log.error({ err: error }, 'telemetry not stored');
          reply.header('retry-after', '5');
          throw new DomainError('telemetry.store_failed');
        }
        throw error;
      }
    },
  );

  api.get(
    '/api/v1/monitoring/ingest',
    {
      config: { access: 'registry:configure' },
      schema: {
        tags,
        summary: 'Ingestion health: queue depth and where the time goes (cumulative since start)',
      },
    },
    async () => ({
      queued: monitoring.pipeline.queuedReadings,
      points: monitoring.points.size,
      ...monitoring.pipeline.stats,
    }),
  );

  api.get(
    '/api/v1/monitoring/sites',
    {
      config: { access: 'monitoring:read' },
      schema: { tags, summary: 'Monitored sites with their four-colour warning and its reasons (四色预警)' },
    },
    async (request) => ({ items: await monitoring.sites(requireAuth(request)) }),
  );

  api.get(
    '/api/v1/monitoring/sites/:id/history',
    {
      config: { access: 'monitoring:read' },
      schema: { tags, summary: 'Changes of a site’s warning level, newest first', params: idParams },
    },
    async (request) => ({ items: await monitoring.warningHistory(requireAuth(request), request.params.id) }),
  );

  api.get(
    '/api/v1/monitoring/points',
    {
      config: { access: 'monitoring:read' },
      schema: {
        tags,
        summary: 'Monitoring points with their latest value and state',
        querystring: pointFilterSchema,
      },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      return monitoring.listPoints(requireAuth(request), filter, page, pageSize);
    },
  );

  api.post(
    '/api/v1/monitoring/points',
    {
      config: { access: 'registry:write', audit: 'monitoring.point.create' },
      schema: {
        tags,
        summary: 'Add a monitoring point (监测点) to a site',
        body: monitoringPointDefinitionSchema,
      },
    },
    async (request) => {
      const point = await monitoring.createPoint(requireAuth(request), request.body);
      request.auditTarget = point.id;
      return point;
    },
  );

  api.get(
    '/api/v1/monitoring/points/:id',
    {
      config: { access: 'monitoring:read' },
      schema: { tags, summary: 'A monitoring point with its thresholds and rules', params: idParams },
    },
    async (request) => monitoring.getPoint(requireAuth(request), request.params.id),
  );

  api.put(
    '/api/v1/monitoring/points/:id',
    {
      config: { access: 'registry:write', audit: 'monitoring.point.update' },
      schema: {
        tags,
        summary: 'Change a point (a new version of its thresholds)',
        params: idParams,
        body: monitoringPointDefinitionSchema,
      },
    },
    async (request) => {
      request.auditTarget = request.params.id;
      return monitoring.updatePoint(requireAuth(request), request.params.id, request.body);
    },
  );

  api.delete(
    '/api/v1/monitoring/points/:id',
    {
      config: { access: 'registry:write', audit: 'monitoring.point.disable' },
      schema: {
        tags,
        summary: 'Take a point out of service (its readings and alarms stay)',
        params: idParams,
      },
    },
    async (request, reply) => {
      request.auditTarget = request.params.id;
      await monitoring.disablePoint(requireAuth(request), request.params.id);
      return reply.status(204).send();
    },
  );

  api.get(
    '/api/v1/monitoring/points/:id/readings',
    {
      config: { access: 'monitoring:read' },
      schema: {
        tags,
        summary: 'A point’s readings [epochMs, value, flags] (bucketed beyond 2,000), with its thresholds',
        params: idParams,
        querystring: z.object({ from: instant, to: instant }),
      },
    },
    async (request) =>
      monitoring.readings(
        requireAuth(request),
        request.params.id,
        new Date(request.query.from),
        new Date(request.query.to),
      ),
  );

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
        { asciiName: 'alarms', name: '报警记录', now: new Date() },
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

  api.get(
    '/api/v1/monitoring/statistics',
    {
      config: { access: 'monitoring:read' },
      schema: {
        tags,
        summary:
          'Alarm noise and data quality: alarms per point per day, chattering points, response times, online rate',
        querystring: z.object({ from: instant, to: instant }),
      },
    },
    async (request) =>
      monitoring.statistics(requireAuth(request), new Date(request.query.from), new Date(request.query.to)),
  );

  api.get(
    '/api/v1/monitoring/rules',
    {
      config: { access: 'monitoring:read' },
      schema: {
        tags,
        summary: 'Stored alarm rules (newest version of each); every type also has its defaults',
      },
    },
    async () => ({ items: monitoring.rules() }),
  );

  api.post(
    '/api/v1/monitoring/rules',
    {
      config: { access: 'registry:write', audit: 'monitoring.rule.save' },
      schema: {
        tags,
        summary: 'Save a new version of an alarm rule for a point or a type',
        body: ruleInputSchema,
      },
    },
    async (request) => {
      const parsed = alarmRuleSchema.safeParse({ ...(request.body as object), version: 1 });
      if (!parsed.success || typeof request.body !== 'object' || request.body === null)
        throw new DomainError('monitoring.rule_invalid', {
          fields: (parsed.error?.issues ?? []).map((issue) => ({
            path: issue.path.join('.'),
            code: 'monitoring.rule_invalid',
            message: issue.message,
          })),
        });
      const { version: _version, ...rule } = parsed.data;
      request.auditTarget = rule.id;
      return monitoring.saveRule(requireAuth(request), rule);
    },
  );

  api.get(
    '/api/v1/monitoring/settings',
    {
      config: { access: 'monitoring:read' },
      schema: { tags, summary: 'Response time, escalation and repeat-alarm settings' },
    },
    async () => monitoring.settings,
  );

  api.put(
    '/api/v1/monitoring/settings',
    {
      config: { access: 'registry:configure', audit: 'monitoring.settings.update' },
      schema: { tags, summary: 'Change the monitoring settings', body: settingsSchema },
    },
    async (request) => monitoring.saveSettings(request.body),
  );

  api.get(
    '/api/v1/monitoring/device-tokens',
    {
      config: { access: 'registry:write' },
      schema: { tags, summary: 'Device tokens (the secret is never shown again)' },
    },
    async (request) => ({ items: await devices.list(requireAuth(request).scope) }),
  );

  api.post(
    '/api/v1/monitoring/device-tokens',
    {
      config: { access: 'registry:write', audit: 'monitoring.device_token.create' },
      schema: {
        tags,
        summary: 'Issue a device token for one enterprise; the token is in this answer only',
        body: z.object({ enterpriseId: z.uuid(), name: z.string().trim().min(1).max(64) }).strict(),
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      const enterprise = await monitoring.enterpriseInScope(auth, request.body.enterpriseId);
      const created = await devices.create({
        enterpriseId: enterprise.id,
        county: enterprise.county,
        name: request.body.name,
        userId: auth.userId,
      });
      request.auditTarget = created.id;
      return reply.status(201).send(created);
    },
  );

  api.post(
    '/api/v1/monitoring/device-tokens/:id/revoke',
    {
      config: { access: 'registry:write', audit: 'monitoring.device_token.revoke' },
      schema: { tags, summary: 'Revoke a device token', params: idParams },
    },
    async (request, reply) => {
      request.auditTarget = request.params.id;
      await devices.revoke(requireAuth(request).scope, request.params.id);
      return reply.status(204).send();
    },
  );

  api.get(
    '/api/v1/monitoring/stream',
    {
      config: { access: 'monitoring:read' },
      schema: {
        tags,
        summary: 'Server-Sent Events of alarm, warning and escalation changes in the caller’s scope',
        querystring: z.object({
          seconds: z.coerce
            .number()
            .int()
            .min(0)
            .max(86_400)
            .optional()
            .describe('Close the stream after this long (EventSource reconnects); default: stay open'),
        }),
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      reply.hijack();
      const response = reply.raw;
      response.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      response.write('retry: 3000\n\n');
      const unsubscribe = subscribeMonitoringEvents(events, (event) => {
        if (!scopeAllows(auth.scope, event.county, event.enterpriseId)) return;
        response.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
      });
      // Events may have been missed while the bus was cut off: close, so the client reconnects and refetches.
      const stopResync = events.onResync(() => response.end());
      const heartbeat = setInterval(() => response.write(': keep-alive\n\n'), 15_000);
      const seconds = request.query.seconds;
      const limit = seconds === undefined ? null : setTimeout(() => response.end(), seconds * 1000);
      const end = () => {
        clearInterval(heartbeat);
        if (limit) clearTimeout(limit);
        unsubscribe();
        stopResync();
      };
      request.raw.on('close', end);
      response.on('close', end);
      response.on('error', end);
      openStreams.add(response);
      response.on('close', () => openStreams.delete(response));
    },
  );
  // A stream never ends on its own: at shutdown end them (EventSource reconnects to the next server),
  // or closing the HTTP server would wait for them forever.
  app.addHook('preClose', async () => {
    for (const response of openStreams) response.end();
  });
}
