import {
  applyWarningAction,
  DomainError,
  findWarningEventType,
  validateWarningArea,
  type WarningAction,
  type WarningAuthoring,
  type WarningSourceRef,
} from '@anjian/domain';
import type { Clock } from '../../platform/clock.ts';
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db.ts';
import { inTransactionWithEvents, type EventBus } from '../../platform/events/index.ts';
import type { Notifier } from '../notifications/index.ts';
import type { AttachmentStore } from '../uploads/index.ts';
import type { WarningActorContext } from './warning-actor.ts';
import type { WarningAttachmentsRepository } from './warning-attachments.repository.ts';
import { createWarningAttachmentsService } from './warning-attachments.service.ts';
import type { WarningLinksRepository } from './warning-links.repository.ts';
import type { WarningOutbox } from './warning-outbox.ts';
import { createWarningQueries } from './warning-queries.ts';
import type { WarningRecipients } from './warning-recipients.ts';
import { createWarningRelease } from './warning-release.ts';
import type { WarningSigner } from './warning-signature.ts';
import type { WarningTemplatesService } from './warning-templates.service.ts';
import type { WarningSources } from './warning-sources.ts';
import { countiesOf, type WarningContent, type WarningsRepository } from './warnings.repository.ts';

type Pool = Db;

/** Two officers forwarding the same received warning at once: the second is told it is forwarded. */
function oneLiveForward(error: unknown): never {
  const pg = error as { code?: string; constraint?: string };
  if (pg.code === '23505' && pg.constraint === 'warnings_one_live_forward')
    throw new DomainError('warning.import_already_forwarded');
  throw error;
}

/** Checks an author's input and answers the content to store (rules from the domain). */
export function contentOf(input: WarningAuthoring): WarningContent {
  if (!findWarningEventType(input.eventType)) throw new DomainError('warning.unknown_event_type');
  const onset = new Date(input.onset);
  const expires = new Date(input.expires);
  if (expires.getTime() <= onset.getTime()) throw new DomainError('warning.expires_before_onset');
  return {
    eventType: input.eventType,
    level: input.level,
    onset,
    expires,
    audience: input.audience,
    contact: input.contact,
    area: validateWarningArea(input.area),
    info: input.info,
  };
}

/**
 * Warnings: their lifecycle (create, edit, the approval steps, release on publish and cancel) here;
 * reading them (warning-queries.ts), releasing a version (warning-release.ts) and attachments
 * (warning-attachments.service.ts) in their own files, joined into one service.
 */
export function createWarningsService(deps: {
  db: Pool;
  clock: Clock;
  events: EventBus;
  warnings: WarningsRepository;
  links: WarningLinksRepository;
  sources: WarningSources;
  templates: WarningTemplatesService;
  recipients: WarningRecipients;
  signer: WarningSigner;
  outbox: WarningOutbox;
  notifier: Notifier;
  config: Config['warnings'];
  attachments: WarningAttachmentsRepository;
  attachmentFiles: AttachmentStore;
}) {
  const { db, clock, events, warnings, outbox } = deps;
  const release = createWarningRelease(deps);
  const queries = createWarningQueries(deps);
  const { found, detail } = queries;
  const attachments = createWarningAttachmentsService({ ...deps, queries });

  /** A county bureau warns for its own counties (and townships in them) only. */
  function inScope(actor: WarningActorContext, content: WarningContent): WarningContent {
    const { scope } = actor;
    if (scope.kind === 'county' && countiesOf(content.area).some((code) => !scope.counties.includes(code))) {
      throw new DomainError('warning.area_out_of_scope');
    }
    return content;
  }

  return {
    capUrl: queries.capUrl,
    detail,
    list: queries.list,
    listAll: queries.listAll,

    async create(
      actor: WarningActorContext,
      input: WarningAuthoring & { source?: WarningSourceRef | null; templateId?: string | null },
      demo = false,
    ) {
      const content = inScope(actor, contentOf(input));
      const source = input.source
        ? { ...input.source, label: await deps.sources.label(actor, input.source) }
        : null;
      const now = clock.now();
      const id = await inTransactionWithEvents(db, events, async (tx) => {
        const created = await warnings.insert(tx, content, { id: actor.id, name: actor.name }, now, demo);
        if (source) await deps.links.setSource(tx, created, source).catch(oneLiveForward);
        if (input.recipientGroups) await deps.links.setRecipientGroups(tx, created, input.recipientGroups);
        if (input.templateId) await deps.links.setTemplate(tx, created, input.templateId);
        await warnings.addStep(tx, {
          warningId: created,
          at: now,
          action: 'create',
          actorId: actor.id,
          actorName: actor.name,
          comment: '',
        });
        return created;
      });
      return detail(actor, id);
    },

    async update(actor: WarningActorContext, id: string, input: WarningAuthoring) {
      await found(actor, id);
      const content = inScope(actor, contentOf(input));
      const now = clock.now();
      await inTransactionWithEvents(db, events, async (tx) => {
        const row = (await warnings.findForUpdate(tx, id))!;
        applyWarningAction(
          {
            status: row.status,
            authorId: row.authorId,
            releasedVersions: row.releasedVersions,
            expires: row.expires,
          },
          'edit',
          { userId: actor.id, canWrite: actor.canWrite, canApprove: actor.canApprove },
          now,
        );
        await warnings.updateContent(tx, id, content, now);
        if (input.recipientGroups) await deps.links.setRecipientGroups(tx, id, input.recipientGroups);
        await warnings.addStep(tx, {
          warningId: id,
          at: now,
          action: 'edit',
          actorId: actor.id,
          actorName: actor.name,
          comment: '',
        });
      });
      return detail(actor, id);
    },

    /** One step of the lifecycle, in one transaction with its log entry (and release, for publish and cancel). */
    async step(
      actor: WarningActorContext,
      id: string,
      action: Exclude<WarningAction, 'edit'>,
      comment: string,
    ) {
      await found(actor, id);
      const now = clock.now();
      await inTransactionWithEvents(db, events, async (tx, published) => {
        const row = (await warnings.findForUpdate(tx, id))!;
        const next = applyWarningAction(
          {
            status: row.status,
            authorId: row.authorId,
            releasedVersions: row.releasedVersions,
            expires: row.expires,
          },
          action,
          { userId: actor.id, canWrite: actor.canWrite, canApprove: actor.canApprove },
          now,
        );
        let releasedVersions: number | undefined;
        if (action === 'publish' || (action === 'cancel' && row.releasedVersions > 0)) {
          releasedVersions = (await release(tx, published, row, action === 'cancel', now)).version;
        }
        await warnings.setStatus(tx, id, {
          status: next,
          at: now,
          ...(action === 'approve' || action === 'reject'
            ? { approver: { id: actor.id, name: actor.name } }
            : {}),
          ...(action === 'reject' || action === 'approve' ? { comment: comment || null } : {}),
          ...(releasedVersions !== undefined ? { releasedVersions } : {}),
        });
        await warnings.addStep(tx, {
          warningId: id,
          at: now,
          action,
          actorId: actor.id,
          actorName: actor.name,
          comment,
        });
      });
      return detail(actor, id);
    },

    addAttachment: attachments.addAttachment,
    deleteAttachment: attachments.deleteAttachment,
    publicAttachment: attachments.publicAttachment,

    async retryFailed(actor: WarningActorContext, id: string) {
      await found(actor, id);
      await outbox.retryFailed(id, clock.now());
      return detail(actor, id);
    },

    active: queries.active,
    capXml: queries.capXml,
    expireDue: queries.expireDue,
  };
}

export type WarningsService = ReturnType<typeof createWarningsService>;
