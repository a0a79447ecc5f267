import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError, pageOf, pageQuerySchema } from '@anjian/domain';
import { requireAuth } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import { requestLanguage } from '../../platform/http-errors.ts';
import type { NotificationRecord, NotificationsRepository } from './notifications.repository.ts';

const tags = ['notifications'];

const notificationSchema = z
  .object({
    id: z.uuid(),
    kind: z.string().describe('What it is about, e.g. hazard.escalation'),
    severity: z.enum(['info', 'warning', 'danger']),
    title: z.string().describe('In the caller’s language'),
    body: z.string().describe('In the caller’s language'),
    link: z.string().nullable().describe('Page of the web app to open, e.g. /hazards/<id>'),
    data: z
      .record(z.string(), z.unknown())
      .describe('The facts behind the text, for pages that render their own'),
    createdAt: z.iso.datetime({ offset: true }),
    readAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .describe('An in-app notification (站内通知)');

function present(record: NotificationRecord, language: 'zh-CN' | 'en') {
  const pick = (text: { zh: string; en: string }) => (language === 'en' ? text.en : text.zh);
  return {
    id: record.id,
    kind: record.kind,
    severity: record.severity,
    title: pick(record.title),
    body: pick(record.body),
    link: record.link,
    data: record.data,
    createdAt: record.createdAt.toISOString(),
    readAt: record.readAt?.toISOString() ?? null,
  };
}

/** The caller's own notifications: list with the unread count, mark one or all read. */
export function registerNotificationsRoutes(
  app: FastifyInstance,
  { notifications, clock }: { notifications: NotificationsRepository; clock: Clock },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/notifications',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'My notifications, newest first, with my unread count',
        querystring: pageQuerySchema.extend({
          unread: z.enum(['true', 'false']).optional().describe('true: only unread ones'),
        }),
        response: { 200: pageOf(notificationSchema).extend({ unread: z.int().min(0) }) },
      },
    },
    async (request) => {
      const { page, pageSize, unread } = request.query;
      const result = await notifications.list(
        requireAuth(request).userId,
        { unread: unread === 'true' },
        { page, pageSize },
      );
      const language = requestLanguage(request);
      return { ...result, items: result.items.map((item) => present(item, language)) };
    },
  );

  api.post(
    '/api/v1/notifications/:id/read',
    {
      config: { access: 'authenticated', audit: 'notification.read' },
      schema: {
        tags,
        summary: 'Mark one of my notifications read',
        params: z.object({ id: z.uuid() }),
        response: { 200: notificationSchema },
      },
    },
    async (request) => {
      request.auditTarget = request.params.id;
      const record = await notifications.markRead(
        requireAuth(request).userId,
        request.params.id,
        clock.now(),
      );
      if (!record) throw new DomainError('notification.not_found');
      return present(record, requestLanguage(request));
    },
  );

  api.post(
    '/api/v1/notifications/read-all',
    {
      config: { access: 'authenticated', audit: 'notification.read_all' },
      schema: {
        tags,
        summary: 'Mark all my notifications read',
        response: { 200: z.object({ updated: z.int().min(0) }) },
      },
    },
    async (request) => ({
      updated: await notifications.markAllRead(requireAuth(request).userId, clock.now()),
    }),
  );
}
