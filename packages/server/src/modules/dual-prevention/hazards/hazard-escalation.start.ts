import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import type { EventBus } from '../../../platform/events/index.ts';
import { createWebhookOutbox, type Notifier } from '../../notifications/index.ts';
import { loadHazardEscalationConfig } from './hazard-escalation.config.ts';
import type { HazardEscalationRepository } from './hazard-escalation.repository.ts';
import { createHazardEscalationWorker } from './hazard-escalation.worker.ts';

/** Starts the escalation worker with the app (HAZARD_* variables) and stops it when the app closes. */
export function startHazardEscalation(
  app: FastifyInstance,
  deps: {
    db: Db;
    clock: Clock;
    escalation: HazardEscalationRepository;
    notifications: Notifier;
    events: EventBus;
  },
) {
  const config = loadHazardEscalationConfig();
  const worker = createHazardEscalationWorker({
    ...deps,
    webhook: createWebhookOutbox({ db: deps.db, clock: deps.clock }),
    webhookUrl: config.webhookUrl,
    log: (message, error) => app.log.error({ err: error }, message),
  });
  worker.start(config.intervalMs);
  app.addHook('onClose', () => worker.stop());
  return worker;
}
