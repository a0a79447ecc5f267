import type { DataScope } from '@anjian/domain';
import type { Db, Queryable } from '../../platform/db.ts';
import { scopeCondition } from '../../platform/scope-sql.ts';

export interface DocumentRow {
  id: string;
  type: string;
  number: string;
  county: string;
  enterpriseId: string;
  inspectionId: string | null;
  caseId: string | null;
  fields: Record<string, unknown>;
  issuedAt: Date;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const toDocument = (r: any): DocumentRow => ({
  id: r.id,
  type: r.type,
  number: r.number,
  county: r.county,
  enterpriseId: r.enterprise_id,
  inspectionId: r.inspection_id,
  caseId: r.case_id,
  fields: r.fields,
  issuedAt: r.issued_at,
});

export function createDocumentsRepository(db: Db) {
  return {
    /** The last number issued in a sequence, the row locked until the transaction ends. */
    async lastNumber(
      tx: Queryable,
      key: { prefix: string; typeTag: string; year: number },
    ): Promise<string | null> {
      await tx.query(
        `INSERT INTO enforcement_document_sequences (prefix, type_tag, year, last_number) VALUES ($1, $2, $3, '')
         ON CONFLICT DO NOTHING`,
        [key.prefix, key.typeTag, key.year],
      );
      const rows = await tx.query<{ last_number: string }>(
        `SELECT last_number FROM enforcement_document_sequences WHERE prefix = $1 AND type_tag = $2 AND year = $3 FOR UPDATE`,
        [key.prefix, key.typeTag, key.year],
      );
      return rows.rows[0]!.last_number || null;
    },

    async insert(
      tx: Queryable,
      key: { prefix: string; typeTag: string; year: number },
      doc: Omit<DocumentRow, 'id'> & { issuedBy: string },
    ): Promise<string> {
      await tx.query(
        `UPDATE enforcement_document_sequences SET last_number = $4 WHERE prefix = $1 AND type_tag = $2 AND year = $3`,
        [key.prefix, key.typeTag, key.year, doc.number],
      );
      const rows = await tx.query<{ id: string }>(
        `INSERT INTO enforcement_documents (type, number, county, enterprise_id, inspection_id, case_id, fields, issued_by, issued_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [
          doc.type,
          doc.number,
          doc.county,
          doc.enterpriseId,
          doc.inspectionId,
          doc.caseId,
          JSON.stringify(doc.fields),
          doc.issuedBy,
          doc.issuedAt,
        ],
      );
      return rows.rows[0]!.id;
    },

    async find(id: string): Promise<DocumentRow | null> {
      const rows = await db.query(`SELECT * FROM enforcement_documents WHERE id = $1`, [id]);
      return rows.rows[0] ? toDocument(rows.rows[0]) : null;
    },

    async list(filter: { inspectionId?: string; caseId?: string }): Promise<DocumentRow[]> {
      const rows = await db.query(
        `SELECT * FROM enforcement_documents WHERE ($1::uuid IS NULL OR inspection_id = $1) AND ($2::uuid IS NULL OR case_id = $2)
          ORDER BY issued_at`,
        [filter.inspectionId ?? null, filter.caseId ?? null],
      );
      return rows.rows.map(toDocument);
    },

    /** An enterprise's 文书 in the caller's scope, newest first (一企一档). */
    async listForEnterprise(enterpriseId: string, scope: DataScope): Promise<DocumentRow[]> {
      const params: unknown[] = [enterpriseId];
      const where = scopeCondition(scope, { county: 'county', enterprise: 'enterprise_id' }, params);
      const rows = await db.query(
        `SELECT * FROM enforcement_documents WHERE enterprise_id = $1 AND ${where} ORDER BY issued_at DESC`,
        params,
      );
      return rows.rows.map(toDocument);
    },
  };
}

export type DocumentsRepository = ReturnType<typeof createDocumentsRepository>;
