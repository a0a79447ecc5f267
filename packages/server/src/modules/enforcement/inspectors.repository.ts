import type { DataScope, EnforcementCategoryInput, InspectorInput } from '@anjian/domain';
import type { Db, Queryable } from '../../platform/db.ts';
import { divisionCondition } from './enforcement-scope.ts';

export interface EnforcementCategory {
  code: string;
  nameZh: string;
  nameEn: string;
  description: string | null;
  sortOrder: number;
  active: boolean;
}

export interface Inspector {
  id: string;
  name: string;
  certificateNo: string;
  certificateExpiry: string;
  county: string;
  specialties: string[];
  userId: string | null;
  active: boolean;
  conflicts: {
    id: string;
    enterpriseId: string;
    enterpriseName: string;
    relation: string;
    declaredAt: string;
  }[];
}

interface InspectorRow {
  id: string;
  name: string;
  certificate_no: string;
  certificate_expiry: string;
  county: string;
  specialties: string[];
  user_id: string | null;
  active: boolean;
  conflicts: Inspector['conflicts'];
}

const inspectorSelect = `
  SELECT i.id, i.name, i.certificate_no, to_char(i.certificate_expiry, 'YYYY-MM-DD') AS certificate_expiry, i.county,
         i.specialties, i.user_id, i.active,
         coalesce((SELECT json_agg(json_build_object('id', c.id, 'enterpriseId', c.enterprise_id, 'enterpriseName', e.name,
                     'relation', c.relation, 'declaredAt', c.declared_at) ORDER BY c.declared_at)
                   FROM enforcement_conflicts c JOIN enterprise_directory e ON e.id = c.enterprise_id
                   WHERE c.inspector_id = i.id), '[]') AS conflicts
    FROM enforcement_inspectors i`;

const toInspector = (row: InspectorRow): Inspector => ({
  id: row.id,
  name: row.name,
  certificateNo: row.certificate_no,
  certificateExpiry: row.certificate_expiry,
  county: row.county,
  specialties: row.specialties,
  userId: row.user_id,
  active: row.active,
  conflicts: row.conflicts.map((c) => ({ ...c, declaredAt: new Date(c.declaredAt).toISOString() })),
});

export function createInspectorsRepository(db: Db) {
  return {
    async categories(): Promise<EnforcementCategory[]> {
      const rows = await db.query(
        `SELECT code, name_zh, name_en, description, sort_order, active FROM enforcement_categories ORDER BY sort_order, code`,
      );
      return rows.rows.map((r) => ({
        code: r.code,
        nameZh: r.name_zh,
        nameEn: r.name_en,
        description: r.description,
        sortOrder: r.sort_order,
        active: r.active,
      }));
    },

    async insertCategory(c: EnforcementCategoryInput): Promise<boolean> {
      const result = await db.query(
        `INSERT INTO enforcement_categories (code, name_zh, name_en, description, sort_order, active)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (code) DO NOTHING`,
        [c.code, c.nameZh, c.nameEn, c.description ?? null, c.sortOrder, c.active],
      );
      return result.rowCount === 1;
    },

    async updateCategory(code: string, c: Omit<EnforcementCategoryInput, 'code'>): Promise<boolean> {
      const result = await db.query(
        `UPDATE enforcement_categories SET name_zh = $2, name_en = $3, description = $4, sort_order = $5, active = $6
          WHERE code = $1`,
        [code, c.nameZh, c.nameEn, c.description ?? null, c.sortOrder, c.active],
      );
      return result.rowCount === 1;
    },

    async assignCategory(enterpriseId: string, categoryCode: string, at: Date): Promise<void> {
      await db.query(
        `INSERT INTO enforcement_enterprise_categories (enterprise_id, category_code, updated_at) VALUES ($1, $2, $3)
         ON CONFLICT (enterprise_id) DO UPDATE SET category_code = EXCLUDED.category_code, updated_at = EXCLUDED.updated_at`,
        [enterpriseId, categoryCode, at],
      );
    },

    async list(scope: DataScope): Promise<Inspector[]> {
      const params: unknown[] = [];
      const where = divisionCondition(scope, 'i.county', params);
      const rows = await db.query<InspectorRow>(
        `${inspectorSelect} WHERE ${where} ORDER BY i.county, i.name`,
        params,
      );
      return rows.rows.map(toInspector);
    },

    async find(id: string, scope: DataScope | null, source: Queryable = db): Promise<Inspector | null> {
      const params: unknown[] = [id];
      const where = scope ? divisionCondition(scope, 'i.county', params) : 'TRUE';
      const rows = await source.query<InspectorRow>(
        `${inspectorSelect} WHERE i.id = $1 AND ${where}`,
        params,
      );
      return rows.rows[0] ? toInspector(rows.rows[0]) : null;
    },

    async findByUser(userId: string): Promise<Inspector | null> {
      const rows = await db.query<InspectorRow>(`${inspectorSelect} WHERE i.user_id = $1`, [userId]);
      return rows.rows[0] ? toInspector(rows.rows[0]) : null;
    },

    /** Active inspectors with a valid certificate on `today`, of the given divisions, or the given ids. */
    async usable(filter: { divisions?: string[]; ids?: string[] }, today: string): Promise<Inspector[]> {
      const params: unknown[] = [today];
      const conditions = ['i.active', 'i.certificate_expiry >= $1::date'];
      if (filter.divisions) {
        params.push(filter.divisions);
        conditions.push(`i.county = ANY ($${params.length}::text[])`);
      }
      if (filter.ids) {
        params.push(filter.ids);
        conditions.push(`i.id = ANY ($${params.length}::uuid[])`);
      }
      const rows = await db.query<InspectorRow>(
        `${inspectorSelect} WHERE ${conditions.join(' AND ')} ORDER BY i.id`,
        params,
      );
      return rows.rows.map(toInspector);
    },

    async insert(input: InspectorInput, at: Date, demo = false): Promise<string> {
      const rows = await db.query<{ id: string }>(
        `INSERT INTO enforcement_inspectors (name, certificate_no, certificate_expiry, county, specialties, user_id, active,
           demo, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id`,
        [
          input.name,
          input.certificateNo,
          input.certificateExpiry,
          input.county,
          input.specialties,
          input.userId,
          input.active,
          demo,
          at,
        ],
      );
      return rows.rows[0]!.id;
    },

    async update(id: string, input: InspectorInput, at: Date): Promise<void> {
      await db.query(
        `UPDATE enforcement_inspectors SET name = $2, certificate_no = $3, certificate_expiry = $4, county = $5,
           specialties = $6, user_id = $7, active = $8, updated_at = $9 WHERE id = $1`,
        [
          id,
          input.name,
          input.certificateNo,
          input.certificateExpiry,
          input.county,
          input.specialties,
          input.userId,
          input.active,
          at,
        ],
      );
    },

    async insertConflict(
      inspectorId: string,
      enterpriseId: string,
      relation: string,
      at: Date,
    ): Promise<boolean> {
      const result = await db.query(
        `INSERT INTO enforcement_conflicts (inspector_id, enterprise_id, relation, declared_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (inspector_id, enterprise_id) DO NOTHING`,
        [inspectorId, enterpriseId, relation, at],
      );
      return result.rowCount === 1;
    },

    async deleteConflict(inspectorId: string, conflictId: string): Promise<boolean> {
      const result = await db.query(`DELETE FROM enforcement_conflicts WHERE id = $1 AND inspector_id = $2`, [
        conflictId,
        inspectorId,
      ]);
      return result.rowCount === 1;
    },

    /** Declared conflicts between the given inspectors and enterprises. */
    async conflictsAmong(
      inspectorIds: string[],
      enterpriseIds: string[],
    ): Promise<{ enterpriseId: string; inspectorId: string }[]> {
      const rows = await db.query<{ enterprise_id: string; inspector_id: string }>(
        `SELECT enterprise_id, inspector_id FROM enforcement_conflicts
          WHERE inspector_id = ANY ($1::uuid[]) AND enterprise_id = ANY ($2::uuid[])`,
        [inspectorIds, enterpriseIds],
      );
      return rows.rows.map((r) => ({ enterpriseId: r.enterprise_id, inspectorId: r.inspector_id }));
    },
  };
}

export type InspectorsRepository = ReturnType<typeof createInspectorsRepository>;
