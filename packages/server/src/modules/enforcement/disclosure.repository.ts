import type { Db } from '../../platform/db.ts';

/** The rows the public disclosure page (一公开) and the public credit list are made from. */
export function createDisclosureRepository(db: Db) {
  return {
    /** Penalty decisions made (决定 and later), for organisations (legal persons) only. */
    async penaltyDecisions() {
      const rows = await db.query<{
        id: string;
        enterprise_name: string;
        credit_code: string;
        county: string;
        summary: string;
        state: {
          partyKind: string;
          decision?: {
            outcome: string;
            decidedOn: string;
            documentNo?: string;
            penalty?: { kinds: string[]; fineYuan?: string };
          };
        };
      }>(
        `SELECT c.id, e.name AS enterprise_name, e.credit_code, c.county, c.summary, c.state
           FROM enforcement_cases c JOIN enterprise_directory e ON e.id = c.enterprise_id
          WHERE c.status IN ('decided', 'executed', 'closed') ORDER BY c.updated_at DESC LIMIT 500`,
      );
      return rows.rows
        .filter((r) => r.state.partyKind === 'organisation' && r.state.decision?.outcome === 'penalty')
        .map((r) => ({
          caseId: r.id,
          enterpriseName: r.enterprise_name,
          creditCode: r.credit_code,
          county: r.county,
          violation: r.summary,
          documentNo: r.state.decision!.documentNo ?? null,
          decidedOn: r.state.decision!.decidedOn,
          penaltyKinds: r.state.decision!.penalty?.kinds ?? [],
          fineYuan: r.state.decision!.penalty?.fineYuan ?? null,
        }));
    },
  };
}

export type DisclosureRepository = ReturnType<typeof createDisclosureRepository>;
