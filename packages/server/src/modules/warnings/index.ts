/**
 * Public warning release (预警发布): authoring, two-person approval, CAP 1.2 release with archived
 * SM3-hashed versions, the channel outbox (in-app, webhook, MQTT, email) and the public feeds.
 * Owns the tables warnings, warning_steps, warning_versions, warning_deliveries, warning_imports,
 * warning_attachments (the files are uploads) and warning_pushes (direct pushes to named people
 * through the same adapters: `DirectPushPort`, used for a rescue team's dispatch).
 */
import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../platform/clock.ts';
import type { Config } from '../../platform/config.ts';
import type { FieldCipher } from '../../platform/crypto.ts';
import type { Db } from '../../platform/db.ts';
import type { EventBus } from '../../platform/events/index.ts';
import type { Notifier } from '../notifications/index.ts';
import type { AttachmentStore } from '../uploads/index.ts';
import { createWarningAttachmentsRepository } from './warning-attachments.repository.ts';
import { emailSender, mqttSender, webhookSender, type ChannelSender } from './warning-channels.ts';
import { createWarningOutbox, warningDeliveryPass, type WarningChannel } from './warning-outbox.ts';
import { createWarningPushes, warningPushPass, type WarningPushes } from './warning-pushes.ts';
import { createWarningsRepository } from './warnings.repository.ts';
import { registerWarningsRoutes } from './warnings.routes.ts';
import { createWarningImports } from './warning-import.ts';
import { pollWarningFeeds } from './warning-feed-poll.ts';
import { registerWarningImportRoutes } from './warning-import.routes.ts';
import { createWarningsService } from './warnings.service.ts';
import { createWarningLinksRepository } from './warning-links.repository.ts';
import { createWarningRecipients } from './warning-recipients.ts';
import { centreSender, smsSender } from './warning-sms.ts';
import { createWarningSigner } from './warning-signature.ts';
import { createWarningSources, type WarningSourcePorts } from './warning-sources.ts';
import { registerWarningSourceRoutes } from './warning-sources.routes.ts';
import { createWarningTemplatesRepository } from './warning-templates.repository.ts';
import { registerWarningTemplateRoutes } from './warning-templates.routes.ts';
import { createWarningTemplatesService } from './warning-templates.service.ts';

export type { WarningsService } from './warnings.service.ts';
export type { WarningOutbox } from './warning-outbox.ts';
export type { WarningTemplatesService } from './warning-templates.service.ts';
export { noWarningSources } from './warning-sources.ts';
export { verifyWarningSignature } from './warning-signature.ts';
export type {
  DirectPush,
  DirectPushPort,
  PushChannel,
  PushRecipient,
  PushState,
  PushStatus,
} from './warning-pushes.ts';
import type { WarningOutbox } from './warning-outbox.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The warnings' channel outbox, for the worker and for tests that drive it by hand. */
    warningOutbox: WarningOutbox;
    /** The direct pushes' outbox (a team's dispatch), for the worker and for tests. */
    warningPushes: WarningPushes;
  }
}

const DELIVER_MS = 2_000;
const EXPIRE_MS = 60_000;
const FEED_POLL_MS = 5 * 60_000;

export function createWarningsModule(deps: {
  db: Db;
  clock: Clock;
  config: Config;
  events: EventBus;
  notifier: Notifier;
  /** Opens the registry's sealed phones for SMS. */
  cipher: FieldCipher;
  /** The alarms and incidents a warning may be drafted from (monitoring, emergency). */
  sources: WarningSourcePorts;
  log: (message: string, error?: unknown) => void;
  /** Stores the attachments' files as uploads (images re-encoded). */
  attachmentFiles: AttachmentStore;
}) {
  const { db, clock, config } = deps;
  const settings = config.warnings;
  const warnings = createWarningsRepository(db);
  const links = createWarningLinksRepository(db);
  const imports = createWarningImports({ db, clock, links });
  const sources = createWarningSources({ clock, ports: deps.sources, links, imports });
  const templates = createWarningTemplatesService({ clock, templates: createWarningTemplatesRepository(db) });
  const mqtt = config.mqttUrl
    ? mqttSender(config.mqttUrl, `${config.mqtt.clientId}-warnings-${process.pid}`)
    : null;
  const email = settings.smtpUrl ? emailSender(settings.smtpUrl, settings.emailFrom) : null;
  const sms = settings.smsUrl
    ? smsSender({
        db,
        clock,
        url: settings.smsUrl,
        token: settings.smsToken,
        dailyQuota: settings.smsDailyQuota,
        senderName: settings.senderName.zh,
      })
    : null;
  const senders: Partial<Record<Exclude<WarningChannel, 'in_app'>, ChannelSender>> = {
    webhook: webhookSender(settings.webhookSecret),
    centre: centreSender(settings.centreToken),
    ...(mqtt ? { mqtt } : {}),
    ...(email ? { email } : {}),
    ...(sms ? { sms } : {}),
  };
  // Direct pushes to named people (a rescue team's dispatch): the same SMS gateway, no daily quota.
  const pushes = createWarningPushes({
    db,
    clock,
    events: deps.events,
    cipher: deps.cipher,
    publicBaseUrl: settings.publicBaseUrl,
    senders: {
      ...(settings.smsUrl
        ? {
            sms: smsSender({
              db,
              clock,
              url: settings.smsUrl,
              token: settings.smsToken,
              dailyQuota: null,
              senderName: settings.senderName.zh,
            }),
          }
        : {}),
      ...(email ? { email } : {}),
    },
  });
  const outbox = createWarningOutbox({
    db,
    clock,
    warnings,
    notifier: deps.notifier,
    senders,
    publicBaseUrl: settings.publicBaseUrl,
  });
  const service = createWarningsService({
    db,
    clock,
    events: deps.events,
    warnings,
    links,
    sources,
    templates,
    signer: createWarningSigner(settings.sm2PrivateKeyPem),
    outbox,
    notifier: deps.notifier,
    recipients: createWarningRecipients({
      notifier: deps.notifier,
      cipher: deps.cipher,
      config: settings,
      mqttEnabled: mqtt !== null,
      emailEnabled: email !== null,
    }),
    config: settings,
    attachments: createWarningAttachmentsRepository(db),
    attachmentFiles: deps.attachmentFiles,
  });
  return {
    warnings: service,
    templates,
    outbox,
    /** Direct pushes through the channels' adapters to named people (emergency: a team's dispatch). */
    pushes: pushes.port,
    /** Received CAP messages and the drafts forwarded from them (the demo loader uses both). */
    imports,
    sources,
    register(app: FastifyInstance) {
      registerWarningSourceRoutes(app, { sources });
      registerWarningTemplateRoutes(app, { templates });
      registerWarningImportRoutes(app, { imports });
      registerWarningsRoutes(app, {
        warnings: service,
        clock,
        publicBaseUrl: settings.publicBaseUrl,
        senderName: settings.senderName.zh,
        senderNames: settings.senderName,
      });
      app.decorate('warningOutbox', outbox);
      app.decorate('warningPushes', pushes);
      const timers: NodeJS.Timeout[] = [];
      app.addHook('onReady', async () => {
        if (!config.workers) return;
        // Safe in every process: rows are claimed with FOR UPDATE SKIP LOCKED and a lease.
        const every = (ms: number, work: () => Promise<unknown>, what: string) =>
          timers.push(setInterval(() => void work().catch((error: unknown) => deps.log(what, error)), ms));
        // Pass after pass while passes come back full (a fan-out), one drain at a time per process.
        let draining = false;
        const drain = async () => {
          if (draining) return;
          draining = true;
          try {
            while ((await outbox.deliverDue()).claimed === warningDeliveryPass);
          } finally {
            draining = false;
          }
        };
        every(DELIVER_MS, drain, 'warning delivery failed');
        let pushing = false;
        const push = async () => {
          if (pushing) return;
          pushing = true;
          try {
            while ((await pushes.deliverDue()).claimed === warningPushPass);
          } finally {
            pushing = false;
          }
        };
        every(DELIVER_MS, push, 'warning push failed');
        every(EXPIRE_MS, () => service.expireDue(), 'warning expiry failed');
        // Each process may poll: the import stores a message once per (sender, identifier).
        if (settings.feedUrls.length > 0)
          every(FEED_POLL_MS, () => pollWarningFeeds(imports, settings.feedUrls), 'warning feed poll failed');
      });
      app.addHook('onClose', async () => {
        for (const timer of timers) clearInterval(timer);
        await mqtt?.close();
        email?.close();
      });
    },
  };
}
