import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { SmsOutbox } from '../../platform/sms.ts';

const itemSchema = z.object({
  id: z.string(),
  purpose: z.string().describe('The feature that sent it, e.g. whistle.code (举报验证码)'),
  template: z.string(),
  phoneMasked: z.string().describe('138****5678: the number itself is never shown'),
  status: z.enum(['pending', 'sent', 'failed']).describe('待发送 / 已发送 / 失败'),
  attempts: z.number().int(),
  lastError: z.string().nullable().describe('Why the last try failed (the gateway’s answer)'),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  failedAt: z.string().nullable(),
});

/** The system administrator's view of the SMS outbox (platform/sms.ts): what waits, what failed and why. */
export function registerSmsOutboxRoutes(app: FastifyInstance, deps: { sms: SmsOutbox }) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/system/sms-outbox',
    {
      config: { access: 'sms:read' },
      schema: {
        tags: ['system'],
        summary:
          'The latest SMS (newest first, at most 200): masked phone, template, status, tries and the last error; never a code',
        querystring: z.object({
          status: z.enum(['pending', 'sent', 'failed']).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: z.object({ gatewayConfigured: z.boolean(), items: z.array(itemSchema) }) },
      },
    },
    async (request) => ({
      gatewayConfigured: deps.sms.configured,
      items: await deps.sms.recent(request.query),
    }),
  );
}
