import type { ChecklistItemInput } from '@anjian/domain';
import type { Db } from '../../platform/db.ts';

export interface ChecklistItem extends ChecklistItemInput {
  id: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const toItem = (r: any): ChecklistItem => ({
  id: r.id,
  sector: r.sector,
  code: r.code,
  text: r.text,
  legalBasis: r.legal_basis,
  hazardCategory: r.hazard_category,
  ...(r.suggested_penalty_clause ? { suggestedPenaltyClause: r.suggested_penalty_clause } : {}),
  sortOrder: r.sort_order,
  active: r.active,
});

/** The checklist library (表单式执法检查): items per sector, snapshotted into each inspection. */
export function createChecklistsRepository(db: Db) {
  return {
    async list(sector?: string): Promise<ChecklistItem[]> {
      const rows = await db.query(
        `SELECT * FROM enforcement_checklist_items WHERE ($1::text IS NULL OR sector = $1) ORDER BY sector, sort_order, code`,
        [sector ?? null],
      );
      return rows.rows.map(toItem);
    },

    async find(id: string): Promise<ChecklistItem | null> {
      const rows = await db.query(`SELECT * FROM enforcement_checklist_items WHERE id = $1`, [id]);
      return rows.rows[0] ? toItem(rows.rows[0]) : null;
    },

    /** Inserts or (with `id`) updates; null when the sector already has the code. */
    async save(item: ChecklistItemInput, at: Date, id?: string): Promise<string | null> {
      const values = [
        item.sector,
        item.code,
        item.text,
        item.legalBasis,
        item.hazardCategory,
        item.suggestedPenaltyClause ?? null,
        item.sortOrder,
        item.active,
        at,
      ];
      try {
        const rows = id
          ? await db.query<{ id: string }>(
              `UPDATE enforcement_checklist_items SET sector = $1, code = $2, text = $3, legal_basis = $4, hazard_category = $5,
                 suggested_penalty_clause = $6, sort_order = $7, active = $8, updated_at = $9 WHERE id = $10 RETURNING id`,
              [...values, id],
            )
          : await db.query<{ id: string }>(
              `INSERT INTO enforcement_checklist_items (sector, code, text, legal_basis, hazard_category, suggested_penalty_clause,
                 sort_order, active, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
              values,
            );
        return rows.rows[0]?.id ?? null;
      } catch (error) {
        if ((error as { code?: string }).code === '23505') return null;
        throw error;
      }
    },
  };
}

export type ChecklistsRepository = ReturnType<typeof createChecklistsRepository>;
