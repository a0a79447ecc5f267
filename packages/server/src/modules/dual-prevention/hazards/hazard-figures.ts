import type { DataScope } from '@anjian/domain';
import type { Db } from '../../../platform/db.ts';
import { scopeCondition } from '../../../platform/scope-sql.ts';

/**
 * What other modules may count of the hidden hazards (the plan's 隐患整改率): those found in a
 * period within a scope, and how many of them are closed (销号). Dismissed reports were no hazard.
 */
export interface HazardFigures {
  rectification(scope: DataScope, from: Date, to: Date): Promise<{ found: number; closed: number }>;
}

export function createHazardFigures(db: Db): HazardFigures {
  return {
    async rectification(scope, from, to) {
      const params: unknown[] = [from, to];
      const where = scopeCondition(scope, { county: 'county', enterprise: 'enterprise_id' }, params);
      const rows = await db.query<{ found: number; closed: number }>(
        `SELECT count(*)::int AS found, count(*) FILTER (WHERE status = 'closed')::int AS closed
           FROM hidden_hazards
          WHERE reported_at >= $1 AND reported_at < $2 AND status <> 'dismissed' AND ${where}`,
        params,
      );
      return rows.rows[0] ?? { found: 0, closed: 0 };
    },
  };
}
