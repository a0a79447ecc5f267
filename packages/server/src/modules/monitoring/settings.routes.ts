import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { tags } from './monitoring-route-schemas.ts';
import type { MonitoringService } from './monitoring.service.ts';

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

/** Response time, escalation and repeat-alarm settings. */
export function registerSettingsRoutes(app: FastifyInstance, deps: { monitoring: MonitoringService }) {
  const { monitoring } = deps;
  const api = app.withTypeProvider<ZodTypeProvider>();

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
}
