import type { WarningAttachment } from '@anjian/domain';
import type { Db, Queryable } from '../../platform/db.ts';

/** Files a warning carries as CAP <resource>s (table warning_attachments; the bytes are an upload). */
export interface AttachmentRow {
  id: string;
  uploadId: string;
  description: { zh: string; en: string };
  mimeType: WarningAttachment['mimeType'];
  size: number;
  sha1: string;
  releasedIn: number | null;
  createdAt: Date;
}

interface RawAttachment {
  id: string;
  upload_id: string;
  description_zh: string;
  description_en: string;
  mime_type: WarningAttachment['mimeType'];
  size: number;
  sha1: string;
  released_in: number | null;
  created_at: Date;
}

const toRow = (r: RawAttachment): AttachmentRow => ({
  id: r.id,
  uploadId: r.upload_id,
  description: { zh: r.description_zh, en: r.description_en },
  mimeType: r.mime_type,
  size: r.size,
  sha1: r.sha1,
  releasedIn: r.released_in,
  createdAt: r.created_at,
});

export function createWarningAttachmentsRepository(db: Db) {
  return {
    async list(warningId: string, source: Queryable = db): Promise<AttachmentRow[]> {
      const rows = await source.query<RawAttachment>(
        `SELECT * FROM warning_attachments WHERE warning_id = $1 ORDER BY created_at, id`,
        [warningId],
      );
      return rows.rows.map(toRow);
    },

    async insert(
      tx: Queryable,
      row: Omit<AttachmentRow, 'id' | 'releasedIn'> & { warningId: string; createdBy: string },
    ): Promise<string> {
      const rows = await tx.query<{ id: string }>(
        `INSERT INTO warning_attachments (warning_id, upload_id, description_zh, description_en, mime_type,
           size, sha1, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [
          row.warningId,
          row.uploadId,
          row.description.zh,
          row.description.en,
          row.mimeType,
          row.size,
          row.sha1,
          row.createdBy,
          row.createdAt,
        ],
      );
      return rows.rows[0]!.id;
    },

    async remove(tx: Queryable, warningId: string, id: string): Promise<AttachmentRow | null> {
      const rows = await tx.query<RawAttachment>(
        `DELETE FROM warning_attachments WHERE warning_id = $1 AND id = $2 AND released_in IS NULL RETURNING *`,
        [warningId, id],
      );
      return rows.rows[0] ? toRow(rows.rows[0]) : null;
    },

    /** Marks the attachments not yet released as released in this version. */
    async markReleased(tx: Queryable, warningId: string, version: number): Promise<void> {
      await tx.query(
        `UPDATE warning_attachments SET released_in = $2 WHERE warning_id = $1 AND released_in IS NULL`,
        [warningId, version],
      );
    },

    /**
     * The upload behind an attachment listed in the released version `identifier`, while its warning
     * is not cancelled; null otherwise (the public answers 404 the same way for every case).
     */
    async publicUpload(
      identifier: string,
      id: string,
    ): Promise<{ uploadId: string; mimeType: string } | null> {
      const rows = await db.query<{ upload_id: string; mime_type: string }>(
        `SELECT a.upload_id, a.mime_type
           FROM warning_attachments a
           JOIN warning_versions v ON v.warning_id = a.warning_id AND v.identifier = $1
           JOIN warnings w ON w.id = a.warning_id
          WHERE a.id = $2 AND a.released_in IS NOT NULL AND a.released_in <= v.version
            AND w.status <> 'cancelled'`,
        [identifier, id],
      );
      const row = rows.rows[0];
      return row ? { uploadId: row.upload_id, mimeType: row.mime_type } : null;
    },
  };
}

export type WarningAttachmentsRepository = ReturnType<typeof createWarningAttachmentsRepository>;
