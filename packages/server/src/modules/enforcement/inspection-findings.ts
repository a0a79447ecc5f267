import { DomainError } from '@anjian/domain';
import type { AuthContext } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import { inTransaction, type Db } from '../../platform/db.ts';
import { isBureauOfficer } from './enforcement-scope.ts';
import { createInspectionsRepository } from './inspections.repository.ts';

/** A finding another register brings into an inspection (a certificate gap, an uninsured unit …). */
export interface InspectionFinding {
  /** Stable per finding: the same code twice in one inspection adds nothing. */
  code: string;
  text: string;
  legalBasis: string;
  penaltyClause: string;
  note: string | null;
}

/**
 * The port through which other modules add a failed checklist item to an open inspection of the
 * enterprise concerned. The item is then answered like any other: when the inspection is submitted
 * it becomes a hidden hazard (source inspection) and may found a penalty case.
 */
export interface InspectionFindings {
  add(
    auth: AuthContext,
    inspectionId: string,
    enterpriseId: string,
    finding: InspectionFinding,
  ): Promise<{ itemId: string; added: boolean }>;
}

// 安全生产管理类 hazards (the management category of the checklist library).
const MANAGEMENT_CATEGORY = '20';

export function createInspectionFindings(deps: { db: Db; clock: Clock }): InspectionFindings {
  const inspections = createInspectionsRepository(deps.db);
  return {
    async add(auth, inspectionId, enterpriseId, finding) {
      if (auth.scope.kind === 'enterprise') throw new DomainError('enforcement.inspection_not_found');
      const row = await inspections.find(inspectionId, auth.scope);
      if (!row || row.enterpriseId !== enterpriseId)
        throw new DomainError('enforcement.inspection_not_found');
      if (!isBureauOfficer(auth) && !row.inspectors.some((i) => i.userId === auth.userId))
        throw new DomainError('enforcement.inspection_not_assigned');
      return inTransaction(deps.db, async (tx) => {
        const status = await inspections.lock(tx, inspectionId);
        if (status === 'completed' || status === 'cancelled')
          throw new DomainError('enforcement.inspection_closed');
        await inspections.start(tx, inspectionId, deps.clock.now());
        const item = await inspections.appendFinding(tx, inspectionId, {
          ...finding,
          hazardCategory: MANAGEMENT_CATEGORY,
        });
        return { itemId: item.id, added: item.added };
      });
    },
  };
}
