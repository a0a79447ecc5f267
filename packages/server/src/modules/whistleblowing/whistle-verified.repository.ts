import type { CreditReportFact } from '@anjian/domain';
import type { Db } from '../../platform/db.ts';

/**
 * What other modules read of the verified reports (issue 16), every county: the caller decides
 * whose figures it shows. A report counts when verified 属实 or 部分属实; a duplicate is not
 * counted again (its original stands for the matter).
 */
export function createWhistleVerifiedRepository(db: Db) {
  return {
    /** For risk-weighted draws: per enterprise, its reports verified on a day in [from, to]. */
    async verifiedCounts(from: string, to: string): Promise<Map<string, number>> {
      const rows = await db.query<{ enterprise_id: string; n: number }>(
        `SELECT enterprise_id, count(*)::int AS n FROM whistle_reports
          WHERE enterprise_id IS NOT NULL AND outcome IN ('true', 'partly_true') AND duplicate_of IS NULL
            AND verified_on BETWEEN $1::date AND $2::date
          GROUP BY enterprise_id`,
        [from, to],
      );
      return new Map(rows.rows.map((r) => [r.enterprise_id, r.n]));
    },

    /** For the credit record: one enterprise's verified reports, oldest first. */
    async verifiedFacts(enterpriseId: string): Promise<CreditReportFact[]> {
      const rows = await db.query<CreditReportFact>(
        `SELECT id AS "reportId", to_char(verified_on, 'YYYY-MM-DD') AS "verifiedOn", category, outcome
           FROM whistle_reports
          WHERE enterprise_id = $1 AND outcome IN ('true', 'partly_true') AND verified_on IS NOT NULL
            AND duplicate_of IS NULL
          ORDER BY verified_on, id`,
        [enterpriseId],
      );
      return rows.rows;
    },
  };
}
