import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError, errorMessage, maxReadingsPerBatch, readingFlags } from '@anjian/domain';
import { databaseRetryAfterSeconds, requestLanguage } from '../../platform/http-errors.ts';
import { isDatabaseUnavailable } from '../../platform/db.ts';
import type { Device, DeviceTokens } from './device-tokens.ts';
import { tags } from './monitoring-route-schemas.ts';
import type { MonitoringService } from './monitoring.service.ts';

declare module 'fastify' {
  interface FastifyRequest {
    device?: Device;
  }
}

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

/** Device telemetry and the ingestion health. */
export function registerTelemetryRoutes(
  app: FastifyInstance,
  deps: { monitoring: MonitoringService; devices: DeviceTokens },
) {
  const { monitoring, devices } = deps;
  const api = app.withTypeProvider<ZodTypeProvider>();

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
}
