import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageOf, pageQuerySchema } from '@anjian/domain';
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
          'The SMS outbox, newest first, a page at a time: masked phone, template, status, tries and the last error; never a code',
        querystring: pageQuerySchema.extend({ status: z.enum(['pending', 'sent', 'failed']).optional() }),
        response: { 200: pageOf(itemSchema).extend({ gatewayConfigured: z.boolean() }) },
      },
    },
    async (request) => ({
      ...(await deps.sms.recent(request.query)),
      gatewayConfigured: deps.sms.configured,
    }),
  );
}
