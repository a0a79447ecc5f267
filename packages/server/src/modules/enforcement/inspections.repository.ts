import type { DataScope, Page } from '@anjian/domain';
import type { Db, Queryable } from '../../platform/db.ts';
import { scopeCondition } from '../../platform/scope-sql.ts';
import { listPage } from '../../platform/sql-page.ts';

export type InspectionStatus = 'planned' | 'in_progress' | 'completed' | 'cancelled';

export interface InspectionItem {
  id: string;
  code: string;
  text: string;
  legalBasis: string;
  hazardCategory: string;
  suggestedPenaltyClause: string | null;
  result: 'pass' | 'fail' | 'na' | null;
  note: string | null;
  photoIds: string[];
  deadline: string | null;
  hazardId: string | null;
}

export interface InspectionRow {
  id: string;
  kind: 'double_random' | 'ad_hoc';
  status: InspectionStatus;
  enterpriseId: string;
  enterpriseName: string;
  county: string;
  drawId: string | null;
  drawTitle: string | null;
  plannedDate: string | null;
  inspectors: { id: string; name: string; certificateNo: string; userId: string | null }[];
  notes: string | null;
  signatureUploadId: string | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  completedAt: Date | null;
  summary: { total: number; pass: number; fail: number; na: number; unanswered: number };
  caseIds: string[];
}

export interface InspectionFilter {
  status?: InspectionStatus;
  enterpriseId?: string;
  drawId?: string;
  /** Only inspections this roster inspector is paired with. */
  inspectorId?: string;
  /** YYYY-MM: only inspections completed in this Beijing month (the cockpit's figure). */
  month?: string;
}

export interface LibraryItem {
  id: string;
  code: string;
  text: string;
  legalBasis: string;
  hazardCategory: string;
  suggestedPenaltyClause: string | null;
}

const select = `
  SELECT i.id, i.kind, i.status, i.enterprise_id, e.name AS enterprise_name, i.county, i.draw_id, d.title AS draw_title,
         to_char(i.planned_date, 'YYYY-MM-DD') AS planned_date, i.notes, i.signature_upload_id, i.started_at,
         i.finished_at, i.completed_at,
         coalesce((SELECT json_agg(json_build_object('id', r.id, 'name', r.name, 'certificateNo', r.certificate_no,
                     'userId', r.user_id) ORDER BY array_position(i.inspector_ids, r.id))
                   FROM enforcement_inspectors r WHERE r.id = ANY (i.inspector_ids)), '[]') AS inspectors,
         (SELECT json_build_object('total', count(*), 'pass', count(*) FILTER (WHERE result = 'pass'),
                   'fail', count(*) FILTER (WHERE result = 'fail'), 'na', count(*) FILTER (WHERE result = 'na'),
                   'unanswered', count(*) FILTER (WHERE result IS NULL))
            FROM enforcement_inspection_items it WHERE it.inspection_id = i.id) AS summary,
         coalesce((SELECT array_agg(c.id ORDER BY c.created_at) FROM enforcement_cases c WHERE c.inspection_id = i.id),
                  '{}') AS case_ids
    FROM enforcement_inspections i
    JOIN enterprise_directory e ON e.id = i.enterprise_id
    LEFT JOIN enforcement_draws d ON d.id = i.draw_id`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const toInspection = (r: any): InspectionRow => ({
  id: r.id,
  kind: r.kind,
  status: r.status,
  enterpriseId: r.enterprise_id,
  enterpriseName: r.enterprise_name,
  county: r.county,
  drawId: r.draw_id,
  drawTitle: r.draw_title,
  plannedDate: r.planned_date,
  inspectors: r.inspectors,
  notes: r.notes,
  signatureUploadId: r.signature_upload_id,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  completedAt: r.completed_at,
  summary: r.summary,
  caseIds: r.case_ids,
});

/**
 * The scope of inspections. An enterprise account sees its own inspections only once the visit has
 * begun (四不两直: nothing about a planned inspection reaches the enterprise before the visit).
 */
function inspectionScope(scope: DataScope, params: unknown[]): string {
  const owned = scopeCondition(scope, { county: 'i.county', enterprise: 'i.enterprise_id' }, params);
  return scope.kind === 'enterprise' ? `${owned} AND i.status IN ('in_progress', 'completed')` : owned;
}

export function createInspectionsRepository(db: Db) {
  return {
    async list(
      filter: InspectionFilter,
      scope: DataScope,
      page: { page: number; pageSize: number },
    ): Promise<Page<InspectionRow>> {
      const params: unknown[] = [];
      const conditions = [inspectionScope(scope, params)];
      for (const [column, value] of [
        ['i.status', filter.status],
        ['i.enterprise_id', filter.enterpriseId],
        ['i.draw_id', filter.drawId],
      ] as const) {
        if (value === undefined) continue;
        params.push(value);
        conditions.push(`${column} = $${params.length}`);
      }
      if (filter.inspectorId !== undefined) {
        params.push(filter.inspectorId);
        conditions.push(`$${params.length}::uuid = ANY (i.inspector_ids)`);
      }
      if (filter.month !== undefined) {
        params.push(`${filter.month}-01`);
        const start = `($${params.length}::date::timestamp AT TIME ZONE 'Asia/Shanghai')`;
        const end = `(($${params.length}::date + interval '1 month')::timestamp AT TIME ZONE 'Asia/Shanghai')`;
        conditions.push(`i.status = 'completed' AND i.completed_at >= ${start} AND i.completed_at < ${end}`);
      }
      const where = conditions.join(' AND ');
      return listPage(
        db,
        {
          select,
          countFrom: 'FROM enforcement_inspections i',
          where,
          orderBy: 'i.planned_date DESC NULLS LAST, i.created_at DESC, i.id',
          params,
        },
        page,
        toInspection,
      );
    },

    async find(id: string, scope: DataScope | null, source: Queryable = db): Promise<InspectionRow | null> {
      const params: unknown[] = [id];
      const where = scope ? inspectionScope(scope, params) : 'TRUE';
      const rows = await source.query(`${select} WHERE i.id = $1 AND ${where}`, params);
      return rows.rows[0] ? toInspection(rows.rows[0]) : null;
    },

    async items(inspectionId: string, source: Queryable = db): Promise<InspectionItem[]> {
      const rows = await source.query(
        `SELECT id, code, text, legal_basis, hazard_category, suggested_penalty_clause, result, note, photo_ids,
                to_char(deadline, 'YYYY-MM-DD') AS deadline, hazard_id
           FROM enforcement_inspection_items WHERE inspection_id = $1 ORDER BY position`,
        [inspectionId],
      );
      return rows.rows.map((r) => ({
        id: r.id,
        code: r.code,
        text: r.text,
        legalBasis: r.legal_basis,
        hazardCategory: r.hazard_category,
        suggestedPenaltyClause: r.suggested_penalty_clause,
        result: r.result,
        note: r.note,
        photoIds: r.photo_ids,
        deadline: r.deadline,
        hazardId: r.hazard_id,
      }));
    },

    /** Active library items of the sectors (and the general ones), in library order. */
    async libraryItems(sectors: string[], source: Queryable = db): Promise<LibraryItem[]> {
      const rows = await source.query(
        `SELECT id, code, text, legal_basis, hazard_category, suggested_penalty_clause FROM enforcement_checklist_items
          WHERE active AND (sector = 'general' OR sector = ANY ($1::text[])) ORDER BY sector = 'general' DESC, sector, sort_order, code`,
        [sectors],
      );
      return rows.rows.map((r) => ({
        id: r.id,
        code: r.code,
        text: r.text,
        legalBasis: r.legal_basis,
        hazardCategory: r.hazard_category,
        suggestedPenaltyClause: r.suggested_penalty_clause,
      }));
    },

    async insert(
      source: Queryable,
      inspection: {
        kind: 'double_random' | 'ad_hoc';
        enterpriseId: string;
        county: string;
        drawId: string | null;
        plannedDate: string | null;
        inspectorIds: string[];
        createdBy: string;
        at: Date;
        demo?: boolean;
      },
      items: LibraryItem[],
    ): Promise<string> {
      const rows = await source.query<{ id: string }>(
        `INSERT INTO enforcement_inspections (kind, status, enterprise_id, county, draw_id, planned_date, inspector_ids,
           created_by, created_at, updated_at, demo)
         VALUES ($1, 'planned', $2, $3, $4, $5, $6, $7, $8, $8, $9) RETURNING id`,
        [
          inspection.kind,
          inspection.enterpriseId,
          inspection.county,
          inspection.drawId,
          inspection.plannedDate,
          inspection.inspectorIds,
          inspection.createdBy,
          inspection.at,
          inspection.demo ?? false,
        ],
      );
      const id = rows.rows[0]!.id;
      if (items.length > 0) {
        await source.query(
          `INSERT INTO enforcement_inspection_items (inspection_id, position, library_item_id, code, text, legal_basis,
             hazard_category, suggested_penalty_clause)
           SELECT $1, ord, x.id, x.code, x.text, x.legal_basis, x.hazard_category, x.suggested_penalty_clause
             FROM ROWS FROM (jsonb_to_recordset($2::jsonb) AS (id uuid, code text, text text, legal_basis text,
                  hazard_category text, suggested_penalty_clause text)) WITH ORDINALITY AS x(id, code, text, legal_basis,
                  hazard_category, suggested_penalty_clause, ord)`,
          [
            id,
            JSON.stringify(
              items.map((i) => ({
                id: i.id,
                code: i.code,
                text: i.text,
                legal_basis: i.legalBasis,
                hazard_category: i.hazardCategory,
                suggested_penalty_clause: i.suggestedPenaltyClause,
              })),
            ),
          ],
        );
      }
      return id;
    },

    /** Locks the inspection row for a submission; answers its status. */
    async lock(source: Queryable, id: string): Promise<InspectionStatus | null> {
      const rows = await source.query<{ status: InspectionStatus }>(
        `SELECT status FROM enforcement_inspections WHERE id = $1 FOR UPDATE`,
        [id],
      );
      return rows.rows[0]?.status ?? null;
    },

    async start(source: Queryable, id: string, at: Date): Promise<void> {
      await source.query(
        `UPDATE enforcement_inspections SET status = 'in_progress', started_at = coalesce(started_at, $2), updated_at = $2
          WHERE id = $1 AND status = 'planned'`,
        [id, at],
      );
    },

    async saveResult(
      source: Queryable,
      itemId: string,
      r: { result: string; note: string | null; photoIds: string[]; deadline: string | null },
    ): Promise<void> {
      await source.query(
        `UPDATE enforcement_inspection_items SET result = $2, note = $3, photo_ids = $4, deadline = $5 WHERE id = $1`,
        [itemId, r.result, r.note, r.photoIds, r.deadline],
      );
    },

    /** Appends a failed item found outside the checklist (a finding from another register); one per code. */
    async appendFinding(
      source: Queryable,
      inspectionId: string,
      item: {
        code: string;
        text: string;
        legalBasis: string;
        hazardCategory: string;
        penaltyClause: string;
        note: string | null;
      },
    ): Promise<{ id: string; added: boolean }> {
      const existing = await source.query<{ id: string }>(
        'SELECT id FROM enforcement_inspection_items WHERE inspection_id = $1 AND code = $2',
        [inspectionId, item.code],
      );
      if (existing.rows[0]) return { id: existing.rows[0].id, added: false };
      const rows = await source.query<{ id: string }>(
        `INSERT INTO enforcement_inspection_items (inspection_id, position, code, text, legal_basis, hazard_category,
           suggested_penalty_clause, result, note)
         SELECT $1, coalesce(max(position), 0) + 1, $2, $3, $4, $5, $6, 'fail', $7
           FROM enforcement_inspection_items WHERE inspection_id = $1 RETURNING id`,
        [
          inspectionId,
          item.code,
          item.text,
          item.legalBasis,
          item.hazardCategory,
          item.penaltyClause,
          item.note,
        ],
      );
      return { id: rows.rows[0]!.id, added: true };
    },

    async linkHazard(source: Queryable, itemId: string, hazardId: string): Promise<void> {
      await source.query(`UPDATE enforcement_inspection_items SET hazard_id = $2 WHERE id = $1`, [
        itemId,
        hazardId,
      ]);
    },

    async saveHeader(
      source: Queryable,
      id: string,
      h: { notes?: string; signatureUploadId?: string; finishedAt: Date; complete: boolean; at: Date },
    ): Promise<void> {
      await source.query(
        `UPDATE enforcement_inspections SET notes = coalesce($2, notes), signature_upload_id = coalesce($3, signature_upload_id),
           finished_at = CASE WHEN $5 THEN $4 ELSE finished_at END,
           status = CASE WHEN $5 THEN 'completed' ELSE status END,
           completed_at = CASE WHEN $5 THEN $6 ELSE completed_at END, updated_at = $6
         WHERE id = $1`,
        [id, h.notes ?? null, h.signatureUploadId ?? null, h.finishedAt, h.complete, h.at],
      );
    },

    /** The hazard already opened for an item (an earlier attempt that did not finish). */
    async hazardFor(itemId: string): Promise<string | null> {
      const rows = await db.query<{ id: string }>(
        `SELECT id FROM hidden_hazards WHERE source = 'inspection' AND source_ref = $1 ORDER BY reported_at LIMIT 1`,
        [itemId],
      );
      return rows.rows[0]?.id ?? null;
    },

    async submission(
      source: Queryable,
      clientSubmissionId: string,
    ): Promise<{ inspectionId: string; bodyHash: string; response: unknown } | null> {
      const rows = await source.query(
        `SELECT inspection_id, body_hash, response FROM enforcement_submissions WHERE client_submission_id = $1`,
        [clientSubmissionId],
      );
      const r = rows.rows[0];
      return r ? { inspectionId: r.inspection_id, bodyHash: r.body_hash, response: r.response } : null;
    },

    async saveSubmission(
      source: Queryable,
      s: {
        clientSubmissionId: string;
        inspectionId: string;
        bodyHash: string;
        response: unknown;
        by: string;
        at: Date;
      },
    ): Promise<void> {
      await source.query(
        `INSERT INTO enforcement_submissions (client_submission_id, inspection_id, body_hash, response, submitted_by, accepted_at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [s.clientSubmissionId, s.inspectionId, s.bodyHash, JSON.stringify(s.response), s.by, s.at],
      );
    },

    /** Whether every inspection of a draw is completed or cancelled (then its record is disclosed). */
    async drawFinished(source: Queryable, drawId: string): Promise<boolean> {
      const rows = await source.query<{ open: number }>(
        `SELECT count(*) FILTER (WHERE status IN ('planned', 'in_progress'))::int AS open FROM enforcement_inspections
          WHERE draw_id = $1`,
        [drawId],
      );
      return rows.rows[0]!.open === 0;
    },

    async completedDoubleRandom(): Promise<InspectionRow[]> {
      const rows = await db.query(
        `${select} WHERE i.kind = 'double_random' AND i.status = 'completed' AND d.status = 'disclosed'
          ORDER BY i.completed_at DESC LIMIT 500`,
      );
      return rows.rows.map(toInspection);
    },
  };
}

export type InspectionsRepository = ReturnType<typeof createInspectionsRepository>;
