import type { DataScope, EnterpriseGradingInput, EnterpriseGradingResult } from '@anjian/domain';
import type { Db } from '../../../platform/db.ts';
import { scopeCondition } from '../../../platform/scope-sql.ts';

export interface GradingRecord {
  enterpriseId: string;
  enterpriseName: string;
  county: string;
  input: EnterpriseGradingInput;
  result: EnterpriseGradingResult;
  note: string | null;
  gradedAt: Date;
  gradedBy: string;
}

interface GradingRow {
  enterprise_id: string;
  enterprise_name: string;
  county: string;
  input: EnterpriseGradingInput;
  result: EnterpriseGradingResult;
  note: string | null;
  graded_at: Date;
  graded_by: string;
}

const toRecord = (row: GradingRow): GradingRecord => ({
  enterpriseId: row.enterprise_id,
  enterpriseName: row.enterprise_name,
  county: row.county,
  input: row.input,
  result: row.result,
  note: row.note,
  gradedAt: row.graded_at,
  gradedBy: row.graded_by,
});

const SELECT = `SELECT g.enterprise_id, e.name AS enterprise_name, g.county, g.input, g.result, g.note, g.graded_at, g.graded_by
  FROM enterprise_gradings g JOIN enterprise_directory e ON e.id = g.enterprise_id`;

/** Enterprise gradings (100-point score); every grading is kept, the latest is the current one. */
export function createRiskGradingRepository(db: Db) {
  return {
    async insert(grading: Omit<GradingRecord, 'enterpriseName'>): Promise<void> {
      await db.query(
        `INSERT INTO enterprise_gradings (enterprise_id, county, input, result, score, colour, level, note, graded_at, graded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          grading.enterpriseId,
          grading.county,
          grading.input,
          grading.result,
          grading.result.score,
          grading.result.colour,
          grading.result.level,
          grading.note,
          grading.gradedAt,
          grading.gradedBy,
        ],
      );
    },

    /** The enterprise's gradings, newest first (in scope only). */
    async history(enterpriseId: string, scope: DataScope): Promise<GradingRecord[]> {
      const params: unknown[] = [enterpriseId];
      const visible = scopeCondition(scope, { county: 'g.county', enterprise: 'g.enterprise_id' }, params);
      const rows = await db.query<GradingRow>(
        `${SELECT} WHERE g.enterprise_id = $1 AND ${visible} ORDER BY g.graded_at DESC, g.id DESC LIMIT 50`,
        params,
      );
      return rows.rows.map(toRecord);
    },

    /** The current grading of every enterprise in scope, optionally of one county. */
    async current(scope: DataScope, county: string | undefined): Promise<GradingRecord[]> {
      const params: unknown[] = [];
      const conditions = [
        scopeCondition(scope, { county: 'g.county', enterprise: 'g.enterprise_id' }, params),
      ];
      if (county) {
        params.push(county);
        conditions.push(`g.county = $${params.length}`);
      }
      const rows = await db.query<GradingRow>(
        `SELECT * FROM (SELECT DISTINCT ON (g.enterprise_id) g.enterprise_id, e.name AS enterprise_name, g.county, g.input,
                  g.result, g.note, g.graded_at, g.graded_by
                FROM enterprise_gradings g JOIN enterprise_directory e ON e.id = g.enterprise_id
                WHERE ${conditions.join(' AND ')}
                ORDER BY g.enterprise_id, g.graded_at DESC, g.id DESC) AS latest
         ORDER BY county, enterprise_name, enterprise_id`,
        params,
      );
      return rows.rows.map(toRecord);
    },
  };
}

export type RiskGradingRepository = ReturnType<typeof createRiskGradingRepository>;
