import type { DataScope, RecordLabel } from '@anjian/domain';
import type { Db, Queryable } from '../../platform/db.ts';
import { labelCondition, scopeCondition, type ReaderScope } from '../../platform/scope-sql.ts';

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
  /**
   * The case's label (decision 0005): a case's 文书 carry its case's; an inspection's carry the
   * highest label of the cases filed from that inspection; null when no case stands behind it.
   */
  securityLabel: RecordLabel | null;
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
  securityLabel: r.security_label ?? null,
});

/** A 文书 with the label of the case behind it, read live so a relabelled case relabels its 文书. */
const SELECT = `
  SELECT d.*, l.security_label
    FROM enforcement_documents d
    LEFT JOIN LATERAL (
      SELECT c.security_label FROM enforcement_cases c
       WHERE c.id = d.case_id OR (d.case_id IS NULL AND c.inspection_id = d.inspection_id)
       ORDER BY array_position(ARRAY['public', 'internal', 'sensitive'], c.security_label) DESC
       LIMIT 1) l ON TRUE`;

/** A 文书 is read only where its case is: above the caller's clearance it is not there at all. */
const labelled = (scope: ReaderScope | null, params: unknown[]) =>
  scope ? `(l.security_label IS NULL OR ${labelCondition(scope, 'l.security_label', params)})` : 'TRUE';

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
      doc: Omit<DocumentRow, 'id' | 'securityLabel'> & { issuedBy: string },
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

    /** One 文书; with a scope, only when its case's label is within the caller's clearance. */
    async find(id: string, scope: ReaderScope | null): Promise<DocumentRow | null> {
      const params: unknown[] = [id];
      const rows = await db.query(`${SELECT} WHERE d.id = $1 AND ${labelled(scope, params)}`, params);
      return rows.rows[0] ? toDocument(rows.rows[0]) : null;
    },

    async list(
      filter: { inspectionId?: string; caseId?: string },
      scope: ReaderScope,
    ): Promise<DocumentRow[]> {
      const params: unknown[] = [filter.inspectionId ?? null, filter.caseId ?? null];
      const rows = await db.query(
        `${SELECT} WHERE ($1::uuid IS NULL OR d.inspection_id = $1) AND ($2::uuid IS NULL OR d.case_id = $2)
            AND ${labelled(scope, params)}
          ORDER BY d.issued_at`,
        params,
      );
      return rows.rows.map(toDocument);
    },

    /** An enterprise's 文书 in the caller's scope, newest first (一企一档). */
    async listForEnterprise(enterpriseId: string, scope: DataScope): Promise<DocumentRow[]> {
      const params: unknown[] = [enterpriseId];
      const where = scopeCondition(scope, { county: 'd.county', enterprise: 'd.enterprise_id' }, params);
      const rows = await db.query(
        `${SELECT} WHERE d.enterprise_id = $1 AND ${where} AND ${labelled(scope, params)} ORDER BY d.issued_at DESC`,
        params,
      );
      return rows.rows.map(toDocument);
    },
  };
}

export type DocumentsRepository = ReturnType<typeof createDocumentsRepository>;
