import type { DataScope } from '@anjian/domain';
import type { Db } from '../../platform/db.ts';
import { scopeCondition } from '../../platform/scope-sql.ts';

/** What other modules may count of the inspections (the plan's 执法检查次数): completed in a period. */
export interface InspectionFigures {
  completed(scope: DataScope, from: Date, to: Date): Promise<number>;
}

export function createInspectionFigures(db: Db): InspectionFigures {
  return {
    async completed(scope, from, to) {
      const params: unknown[] = [from, to];
      const where = scopeCondition(scope, { county: 'county', enterprise: 'enterprise_id' }, params);
      const rows = await db.query<{ done: number }>(
        `SELECT count(*)::int AS done FROM enforcement_inspections
          WHERE status = 'completed' AND completed_at >= $1 AND completed_at < $2 AND ${where}`,
        params,
      );
      return rows.rows[0]?.done ?? 0;
    },
  };
}
