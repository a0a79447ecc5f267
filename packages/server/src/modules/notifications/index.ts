/** In-app notifications and the signed webhook outbox (tables notifications, webhook_outbox). */
import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import { createNotificationsRepository, type NotificationsRepository } from './notifications.repository.ts';
import { registerNotificationsRoutes } from './notifications.routes.ts';

export type { Audience, NewNotification, NotificationSeverity } from './notifications.repository.ts';
export { createWebhookOutbox, type WebhookOutbox, type PostJson } from './webhook-outbox.ts';

/** What other modules may do with notifications: find an audience and notify it. */
export type Notifier = Pick<NotificationsRepository, 'audienceUserIds' | 'insertMany'>;

export function createNotificationsModule(deps: { db: Db; clock: Clock }) {
  const notifications = createNotificationsRepository(deps.db);
  return {
    notifier: notifications as Notifier,
    register(app: FastifyInstance) {
      registerNotificationsRoutes(app, { notifications, clock: deps.clock });
    },
  };
}
