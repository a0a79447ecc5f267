import type { DataScope } from '@anjian/domain';
import type { Db } from '../../platform/db.ts';
import { createCasesRepository } from './cases.repository.ts';
import { createInspectionsRepository } from './inspections.repository.ts';

/**
 * What other modules may read of an inspection and a penalty case (the whistleblowing module links
 * a report's verification to them): scope applied, null when absent or out of scope.
 */
export interface EnforcementFacts {
  inspection(
    id: string,
    scope: DataScope,
  ): Promise<{
    id: string;
    enterpriseId: string;
    county: string;
    status: string;
    hazardIds: string[];
  } | null>;
  /** The case and its fine: the decision's, else the notice's proposal (decimal yuan), else null. */
  penaltyCase(
    id: string,
    scope: DataScope,
  ): Promise<{
    id: string;
    enterpriseId: string;
    county: string;
    inspectionId: string | null;
    fineYuan: string | null;
  } | null>;
}

export function createEnforcementFacts(db: Db): EnforcementFacts {
  const inspections = createInspectionsRepository(db);
  const cases = createCasesRepository(db);
  return {
    async inspection(id, scope) {
      const row = await inspections.find(id, scope);
      if (!row) return null;
      const items = await inspections.items(id);
      return {
        id: row.id,
        enterpriseId: row.enterpriseId,
        county: row.county,
        status: row.status,
        hazardIds: items.flatMap((item) => (item.hazardId ? [item.hazardId] : [])),
      };
    },
    async penaltyCase(id, scope) {
      const row = await cases.find(id, scope);
      if (!row) return null;
      const fine =
        row.state.decision?.outcome === 'penalty'
          ? row.state.decision.penalty?.fineYuan
          : row.state.notice?.proposal.fineYuan;
      return {
        id: row.id,
        enterpriseId: row.enterpriseId,
        county: row.county,
        inspectionId: row.inspectionId,
        fineYuan: fine ?? null,
      };
    },
  };
}
