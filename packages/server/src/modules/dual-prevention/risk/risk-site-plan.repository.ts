import type { DataScope } from '@anjian/domain';
import type { Db } from '../../../platform/db.ts';
import { scopeCondition } from '../../../platform/scope-sql.ts';

export interface SitePlanRecord {
  enterpriseId: string;
  uploadId: string;
  width: number;
  height: number;
  updatedBy: string;
  updatedAt: Date;
}

interface SitePlanRow {
  enterprise_id: string;
  upload_id: string;
  width: number;
  height: number;
  updated_by: string;
  updated_at: Date;
}

const toRecord = (row: SitePlanRow): SitePlanRecord => ({
  enterpriseId: row.enterprise_id,
  uploadId: row.upload_id,
  width: row.width,
  height: row.height,
  updatedBy: row.updated_by,
  updatedAt: row.updated_at,
});

/** The site plan under each enterprise's four-colour risk map, one per enterprise. */
export function createRiskSitePlanRepository(db: Db) {
  return {
    /** The enterprise's site plan, if it has one and the scope reaches the enterprise. */
    async find(enterpriseId: string, scope: DataScope): Promise<SitePlanRecord | null> {
      const params: unknown[] = [enterpriseId];
      const visible = scopeCondition(scope, { county: 'e.county', enterprise: 'e.id' }, params);
      const rows = await db.query<SitePlanRow>(
        `SELECT p.enterprise_id, p.upload_id, p.width, p.height, p.updated_by, p.updated_at
           FROM risk_site_plans p JOIN enterprise_directory e ON e.id = p.enterprise_id
          WHERE p.enterprise_id = $1 AND ${visible}`,
        params,
      );
      return rows.rows[0] ? toRecord(rows.rows[0]) : null;
    },

    /** Sets (or replaces) the enterprise's site plan. */
    async save(plan: SitePlanRecord): Promise<SitePlanRecord> {
      const rows = await db.query<SitePlanRow>(
        `INSERT INTO risk_site_plans (enterprise_id, upload_id, width, height, updated_by, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (enterprise_id) DO UPDATE
           SET upload_id = EXCLUDED.upload_id, width = EXCLUDED.width, height = EXCLUDED.height,
               updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
         RETURNING enterprise_id, upload_id, width, height, updated_by, updated_at`,
        [plan.enterpriseId, plan.uploadId, plan.width, plan.height, plan.updatedBy, plan.updatedAt],
      );
      return toRecord(rows.rows[0]!);
    },
  };
}

export type RiskSitePlanRepository = ReturnType<typeof createRiskSitePlanRepository>;
