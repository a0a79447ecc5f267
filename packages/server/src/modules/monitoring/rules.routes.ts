import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { alarmRuleSchema, DomainError } from '@anjian/domain';
import { requireAuth } from '../../platform/access.ts';
import { tags } from './monitoring-route-schemas.ts';
import type { MonitoringService } from './monitoring.service.ts';

const ruleInputSchema = z
  .unknown()
  .describe('An alarm rule (the domain’s AlarmRule) without version: the server assigns the next one');

/** Alarm rules, versioned. */
export function registerRuleRoutes(app: FastifyInstance, deps: { monitoring: MonitoringService }) {
  const { monitoring } = deps;
  const api = app.withTypeProvider<ZodTypeProvider>();

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
}
