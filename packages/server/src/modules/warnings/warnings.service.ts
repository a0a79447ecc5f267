import {
  MAX_WARNING_ATTACHMENT_BYTES,
  allowedWarningActions,
  applyWarningAction,
  buildCapXml,
  capIdentifier,
  chinaStamp,
  defaultLevelMapping,
  DomainError,
  findWarningEventType,
  releaseMsgType,
  validateWarningArea,
  type DataScope,
  type WarningAction,
  type WarningAuthoring,
  type WarningSourceRef,
  type WarningStatus,
} from '@anjian/domain';
import type { AuthContext } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Config } from '../../platform/config.ts';
import { createHash } from 'node:crypto';
import { sm3Hex } from '../../platform/crypto.ts';
import { inTransaction, type Db, type Queryable } from '../../platform/db.ts';
import { inTransactionWithEvents, type EventBus, type EventPublisher } from '../../platform/events/index.ts';
import type { Notifier } from '../notifications/index.ts';
import type { AttachmentStore } from '../uploads/index.ts';
import type { WarningAttachmentsRepository } from './warning-attachments.repository.ts';
import type { WarningLinksRepository } from './warning-links.repository.ts';
import type { WarningOutbox } from './warning-outbox.ts';
import type { WarningRecipients } from './warning-recipients.ts';
import type { WarningSigner } from './warning-signature.ts';
import type { WarningTemplatesService } from './warning-templates.service.ts';
import type { WarningSources } from './warning-sources.ts';
import {
  countiesOf,
  type VersionRow,
  type WarningContent,
  type WarningRow,
  type WarningsRepository,
} from './warnings.repository.ts';

export interface WarningActorContext {
  id: string;
  name: string;
  scope: DataScope;
  canWrite: boolean;
  canApprove: boolean;
}

export const warningActorOf = (auth: AuthContext): WarningActorContext => ({
  id: auth.userId,
  name: auth.username,
  scope: auth.scope,
  canWrite: auth.permissions.has('warning:write'),
  canApprove: auth.permissions.has('warning:approve'),
});

type Pool = Db;

/** Where the public reads an attachment listed in the released version `identifier`. */
export const attachmentPath = (identifier: string, id: string) =>
  `/api/v1/public/warnings/${identifier}/attachments/${id}`;

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
  const { db, clock, events, warnings, outbox, config } = deps;

  const capUrl = (identifier: string) => `/api/v1/public/warnings/cap/${identifier}.xml`;

  /** Archives one released version (CAP XML + SM3), queues its deliveries and announces it. */
  async function release(
    tx: Parameters<Notifier['insertMany']>[0],
    published: EventPublisher,
    warning: WarningRow,
    cancelling: boolean,
    now: Date,
  ): Promise<VersionRow> {
    const earlier = await warnings.versions(warning.id, tx);
    const msgType = releaseMsgType(earlier.length, cancelling);
    // Serialise identifier numbering across processes: one sequence digit per second of entry.
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('warning_identifier'))`);
    const prefix = `${config.senderCode}_${chinaStamp(now)}_`;
    const sequence = await warnings.identifiersWithPrefix(tx, prefix);
    const sent = sequence > 9 ? new Date(Math.ceil((now.getTime() + 1) / 1000) * 1000) : now;
    const identifier = capIdentifier(config.senderCode, sent, sequence > 9 ? 0 : sequence);
    const content: WarningContent = {
      eventType: warning.eventType,
      level: warning.level,
      onset: warning.onset,
      expires: warning.expires,
      audience: warning.audience,
      contact: warning.contact,
      area: warning.area,
      info: warning.info,
    };
    const capXml = buildCapXml({
      identifier,
      sender: config.senderCode,
      sent,
      status: 'Actual',
      msgType,
      references: earlier.map((v) => ({ sender: config.senderCode, identifier: v.identifier, sent: v.sent })),
      eventType: findWarningEventType(warning.eventType)!,
      level: defaultLevelMapping[warning.level],
      onset: warning.onset,
      expires: warning.expires,
      audience: warning.audience,
      senderName: config.senderName,
      contact: warning.contact,
      web: `${config.publicBaseUrl}/public/warnings`,
      area: warning.area,
      info: warning.info,
      resources: (await deps.attachments.list(warning.id, tx)).map((a) => ({
        description: a.description,
        mimeType: a.mimeType,
        size: a.size,
        uri: `${config.publicBaseUrl}${attachmentPath(identifier, a.id)}`,
        digest: a.sha1,
      })),
    });
    const version: VersionRow = {
      warningId: warning.id,
      version: earlier.length + 1,
      identifier,
      msgType,
      sent,
      content,
      capXml,
      sm3: sm3Hex(capXml),
      sm2Signature: deps.signer.sign(capXml),
      sm2PublicKey: deps.signer.publicKeyPem,
    };
    await warnings.insertVersion(tx, version);
    await deps.attachments.markReleased(tx, warning.id, version.version);
    await outbox.enqueue(tx, warning.id, version.version, await deps.recipients.resolve(tx, warning), now);
    published.publish('warning.published', {
      id: warning.id,
      version: version.version,
      identifier,
      msgType,
      level: warning.level,
      counties: countiesOf(warning.area),
      at: now.toISOString(),
    });
    return version;
  }

  const toResponse = (row: WarningRow, actor: WarningActorContext, now: Date) => ({
    id: row.id,
    status: row.status,
    eventType: row.eventType,
    level: row.level,
    onset: row.onset.toISOString(),
    expires: row.expires.toISOString(),
    audience: row.audience,
    contact: row.contact,
    area: row.area,
    info: row.info,
    authorName: row.authorName,
    approverName: row.approverName,
    lastComment: row.lastComment,
    releasedVersions: row.releasedVersions,
    demo: row.demo,
    source: row.source,
    recipientGroups: row.recipientGroups,
    allowedActions: allowedWarningActions(
      {
        status: row.status,
        authorId: row.authorId,
        releasedVersions: row.releasedVersions,
        expires: row.expires,
      },
      { userId: actor.id, canWrite: actor.canWrite, canApprove: actor.canApprove },
      now,
    ),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  });

  /** A county bureau warns for its own counties (and townships in them) only. */
  function inScope(actor: WarningActorContext, content: WarningContent): WarningContent {
    const { scope } = actor;
    if (scope.kind === 'county' && countiesOf(content.area).some((code) => !scope.counties.includes(code))) {
      throw new DomainError('warning.area_out_of_scope');
    }
    return content;
  }

  async function found(actor: WarningActorContext, id: string): Promise<WarningRow> {
    const row = await warnings.find(id, actor.scope, actor.id);
    if (!row) throw new DomainError('warning.not_found');
    return row;
  }

  async function detail(actor: WarningActorContext, id: string) {
    const row = await found(actor, id);
    const [steps, versions, deliveries, attachments] = await Promise.all([
      warnings.steps(id),
      warnings.versions(id),
      outbox.summary(id),
      deps.attachments.list(id),
    ]);
    return {
      ...toResponse(row, actor, clock.now()),
      steps: steps.map((s) => ({ ...s, at: s.at.toISOString() })),
      versions: versions.map((v) => ({
        version: v.version,
        identifier: v.identifier,
        msgType: v.msgType,
        sent: v.sent.toISOString(),
        sm3: v.sm3,
        capUrl: capUrl(v.identifier),
      })),
      deliveries,
      attachments: attachments.map((a) => ({
        id: a.id,
        description: a.description,
        mimeType: a.mimeType,
        size: a.size,
        sha1: a.sha1,
        releasedIn: a.releasedIn,
        createdAt: a.createdAt.toISOString(),
      })),
    };
  }

  /** Attachments change only while the warning is a draft or rejected (locked row). */
  async function editableForUpdate(tx: Queryable, id: string): Promise<WarningRow> {
    const row = (await warnings.findForUpdate(tx, id))!;
    if (row.status !== 'draft' && row.status !== 'rejected')
      throw new DomainError('warning.attachment_not_editable');
    return row;
  }

  return {
    capUrl,
    detail,

    async list(
      actor: WarningActorContext,
      query: { status?: WarningStatus | undefined; page: number; pageSize: number },
    ) {
      await warnings.expireDue(clock.now());
      const { items, total } = await warnings.list(actor.scope, actor.id, query, query);
      const now = clock.now();
      return {
        items: items.map((row) => toResponse(row, actor, now)),
        total,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    async listAll(actor: WarningActorContext) {
      return (await warnings.list(actor.scope, actor.id, {}, null)).items;
    },

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

    /** Attaches a JPEG, PNG (re-encoded) or PDF; a refusal stores nothing. */
    async addAttachment(
      actor: WarningActorContext,
      id: string,
      input: { data: Buffer; contentType: string; description: { zh: string; en: string } },
    ) {
      await found(actor, id);
      if (input.data.length > MAX_WARNING_ATTACHMENT_BYTES)
        throw new DomainError('warning.attachment_too_large');
      const file = await deps.attachmentFiles.prepare(input.data, input.contentType);
      if (file.data.length > MAX_WARNING_ATTACHMENT_BYTES)
        throw new DomainError('warning.attachment_too_large');
      const now = clock.now();
      await inTransaction(db, async (tx) => {
        const row = await editableForUpdate(tx, id);
        const county = countiesOf(row.area)[0] ?? config.senderCode.slice(0, 6);
        const uploadId = await deps.attachmentFiles.store(tx, file, { county, userId: actor.id, at: now });
        await deps.attachments.insert(tx, {
          warningId: id,
          uploadId,
          description: input.description,
          mimeType: file.contentType,
          size: file.data.length,
          sha1: createHash('sha1').update(file.data).digest('hex'),
          createdBy: actor.id,
          createdAt: now,
        });
      });
      return detail(actor, id);
    },

    async deleteAttachment(actor: WarningActorContext, id: string, attachmentId: string) {
      await found(actor, id);
      await inTransaction(db, async (tx) => {
        await editableForUpdate(tx, id);
        const removed = await deps.attachments.remove(tx, id, attachmentId);
        if (!removed) {
          const exists = (await deps.attachments.list(id, tx)).some((a) => a.id === attachmentId);
          throw new DomainError(exists ? 'warning.attachment_released' : 'warning.attachment_not_found');
        }
        await deps.attachmentFiles.remove(tx, removed.uploadId);
      });
    },

    /** An attachment as the public reads it: listed in a released version of a warning not cancelled. */
    async publicAttachment(identifier: string, attachmentId: string) {
      const found = await deps.attachments.publicUpload(identifier, attachmentId);
      const file = found ? await deps.attachmentFiles.read(found.uploadId) : null;
      if (!file) throw new DomainError('warning.attachment_not_found');
      return file;
    },

    async retryFailed(actor: WarningActorContext, id: string) {
      await found(actor, id);
      await outbox.retryFailed(id, clock.now());
      return detail(actor, id);
    },

    /** Active warnings as released (latest version each), for the public page and feeds. */
    async active() {
      const now = clock.now();
      await warnings.expireDue(now);
      return (await warnings.active(now)).map(({ warning, version }) => ({
        id: warning.id,
        identifier: version.identifier,
        msgType: version.msgType,
        eventType: version.content.eventType,
        level: version.content.level,
        sent: version.sent.toISOString(),
        onset: version.content.onset.toISOString(),
        expires: version.content.expires.toISOString(),
        area: version.content.area,
        info: version.content.info,
        capUrl: capUrl(version.identifier),
        demo: warning.demo,
      }));
    },

    async capXml(identifier: string): Promise<string> {
      const version = await warnings.versionByIdentifier(identifier);
      if (!version) throw new DomainError('warning.version_not_found');
      return version.capXml;
    },

    expireDue: () => warnings.expireDue(clock.now()),
  };
}

export type WarningsService = ReturnType<typeof createWarningsService>;
