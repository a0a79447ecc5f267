import { allowedWarningActions, DomainError, type WarningStatus } from '@anjian/domain';
import type { Clock } from '../../platform/clock.ts';
import type { WarningActorContext } from './warning-actor.ts';
import type { WarningAttachmentsRepository } from './warning-attachments.repository.ts';
import type { WarningOutbox } from './warning-outbox.ts';
import { warningCapUrl as capUrl } from './warning-release.ts';
import type { WarningRow, WarningsRepository } from './warnings.repository.ts';

/** Reading warnings: the officers' list and detail, the public's active warnings and CAP archive. */
export function createWarningQueries(deps: {
  clock: Clock;
  warnings: WarningsRepository;
  outbox: WarningOutbox;
  attachments: WarningAttachmentsRepository;
}) {
  const { clock, warnings, outbox } = deps;

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

  return {
    capUrl,
    found,
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

export type WarningQueries = ReturnType<typeof createWarningQueries>;
