import type { DataScope } from '@anjian/domain';
import type { Db, Queryable } from '../../platform/db.ts';
import { scopeCondition } from '../../platform/scope-sql.ts';

export interface UploadMeta {
  id: string;
  contentType: string;
  size: number;
  sha256: string;
  county: string;
  enterpriseId: string | null;
  createdAt: Date;
}

export function createUploadsRepository(db: Db) {
  return {
    async insert(
      upload: Omit<UploadMeta, 'id'> & { data: Buffer; uploadedBy: string | null },
      tx: Queryable = db,
    ): Promise<string> {
      const rows = await tx.query<{ id: string }>(
        `INSERT INTO uploads (content_type, size, sha256, data, county, enterprise_id, uploaded_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [
          upload.contentType,
          upload.size,
          upload.sha256,
          upload.data,
          upload.county,
          upload.enterpriseId,
          upload.uploadedBy,
          upload.createdAt,
        ],
      );
      return rows.rows[0]!.id;
    },

    /** The file, if the caller's scope reaches its county or enterprise. */
    async find(id: string, scope: DataScope): Promise<(UploadMeta & { data: Buffer }) | null> {
      const params: unknown[] = [id];
      const where = scopeCondition(scope, { county: 'u.county', enterprise: 'u.enterprise_id' }, params);
      const rows = await db.query<{
        id: string;
        content_type: string;
        size: number;
        sha256: string;
        data: Buffer;
        county: string;
        enterprise_id: string | null;
        created_at: Date;
      }>(`SELECT * FROM uploads u WHERE u.id = $1 AND ${where}`, params);
      const row = rows.rows[0];
      return row
        ? {
            id: row.id,
            contentType: row.content_type,
            size: row.size,
            sha256: row.sha256,
            data: row.data,
            county: row.county,
            enterpriseId: row.enterprise_id,
            createdAt: row.created_at,
          }
        : null;
    },

    /** Which of the ids are videos (their content type), in the order given. */
    async videosAmong(ids: readonly string[]): Promise<string[]> {
      if (ids.length === 0) return [];
      const rows = await db.query<{ id: string }>(
        `SELECT u.id FROM unnest($1::uuid[]) WITH ORDINALITY AS w (id, n)
           JOIN uploads u ON u.id = w.id WHERE u.content_type LIKE 'video/%' ORDER BY w.n`,
        [ids],
      );
      return rows.rows.map((r) => r.id);
    },
  };
}

export type UploadsRepository = ReturnType<typeof createUploadsRepository>;
