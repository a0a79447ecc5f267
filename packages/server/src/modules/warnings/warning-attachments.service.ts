import { MAX_WARNING_ATTACHMENT_BYTES, DomainError } from '@anjian/domain';
import { createHash } from 'node:crypto';
import type { Clock } from '../../platform/clock.ts';
import type { Config } from '../../platform/config.ts';
import { inTransaction, type Db, type Queryable } from '../../platform/db.ts';
import type { AttachmentStore } from '../uploads/index.ts';
import type { WarningActorContext } from './warning-actor.ts';
import type { WarningAttachmentsRepository } from './warning-attachments.repository.ts';
import type { WarningQueries } from './warning-queries.ts';
import { countiesOf, type WarningRow, type WarningsRepository } from './warnings.repository.ts';

/** A warning's attachments: added and removed while it is a draft, read by the public once released. */
export function createWarningAttachmentsService(deps: {
  db: Db;
  clock: Clock;
  warnings: WarningsRepository;
  config: Config['warnings'];
  attachments: WarningAttachmentsRepository;
  attachmentFiles: AttachmentStore;
  queries: Pick<WarningQueries, 'found' | 'detail'>;
}) {
  const { db, clock, warnings, config } = deps;
  const { found, detail } = deps.queries;

  /** Attachments change only while the warning is a draft or rejected (locked row). */
  async function editableForUpdate(tx: Queryable, id: string): Promise<WarningRow> {
    const row = (await warnings.findForUpdate(tx, id))!;
    if (row.status !== 'draft' && row.status !== 'rejected')
      throw new DomainError('warning.attachment_not_editable');
    return row;
  }

  return {
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
  };
}
