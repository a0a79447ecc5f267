import {
  DomainError,
  chinaDate,
  defaultLabelOf,
  chinaHolidayCalendar,
  filePenaltyCase,
  penaltyCaseActionNames,
  penaltyCaseActionRoles,
  penaltyCaseActionStatuses,
  penaltyCaseActions,
  penaltyCaseDeadlines,
  penaltyCaseStatusNames,
  transitionPenaltyCase,
  type PenaltyCaseAction,
  type PenaltyCaseFileInput,
  type PenaltyCaseRole,
  type PenaltyCaseStatus,
  type RecordLabel,
} from '@anjian/domain';
import type { AuthContext } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import { inTransaction, type Db } from '../../platform/db.ts';
import { checkLabelWithin } from '../../platform/scope-sql.ts';
import type { EnterpriseLookup } from '../registry/index.ts';
import type { CaseRow, CasesRepository } from './cases.repository.ts';
import type { CreditService } from './credit.service.ts';
import type { DocumentsRepository } from './documents.repository.ts';
import { deadlineView } from './enforcement-deadlines.ts';
import { inspectorDivisionsFor, isBureauOfficer } from './enforcement-scope.ts';
import type { InspectionsRepository } from './inspections.repository.ts';

/**
 * The role the caller takes a step in: bureau officers (city and county) are the 负责人 where the
 * step needs one, and do the legal review (法制审核) — no separate role exists yet; everyone else
 * with enforcement:write (inspectors) is a 承办人员 (handler).
 */
export function caseRoleFor(auth: AuthContext, allowed: readonly PenaltyCaseRole[]): PenaltyCaseRole {
  if (isBureauOfficer(auth)) {
    for (const role of ['head', 'legal_reviewer'] as const) if (allowed.includes(role)) return role;
  }
  return 'handler';
}

/** Penalty cases (行政处罚案件) through the domain's state machine, with their statutory deadlines. */
export function createCasesService(deps: {
  db: Db;
  clock: Clock;
  cases: CasesRepository;
  inspections: InspectionsRepository;
  enterprises: EnterpriseLookup;
  documents: DocumentsRepository;
  credit: CreditService;
}) {
  const { db, clock, cases, credit } = deps;

  const deadlinesOf = (c: CaseRow) =>
    penaltyCaseDeadlines(c.state, { now: clock.now(), calendar: chinaHolidayCalendar }).map(deadlineView);

  function summary(c: CaseRow) {
    const deadlines = deadlinesOf(c);
    const penalty = c.state.decision?.penalty ?? c.state.notice?.proposal;
    return {
      id: c.id,
      enterpriseId: c.enterpriseId,
      enterpriseName: c.enterpriseName,
      county: c.county,
      inspectionId: c.inspectionId,
      partyName: c.partyName,
      partyKind: c.state.partyKind,
      summary: c.summary,
      status: c.status,
      statusName: penaltyCaseStatusNames[c.status],
      filedOn: c.state.filedOn,
      fineYuan: penalty?.fineYuan ?? null,
      nextDeadline: deadlines.find((d) => !d.overdue) ?? deadlines[0] ?? null,
      overdue: deadlines.some((d) => d.overdue && d.kind === 'decision'),
      securityLabel: c.securityLabel,
      demo: c.demo,
      createdAt: c.createdAt.toISOString(),
      updatedAt: c.updatedAt.toISOString(),
    };
  }

  async function detail(auth: AuthContext, c: CaseRow) {
    const documents = await deps.documents.list({ caseId: c.id }, auth.scope);
    return {
      ...summary(c),
      state: c.state,
      deadlines: deadlinesOf(c),
      actions: penaltyCaseActions
        .filter(
          (name) =>
            penaltyCaseActionStatuses[name].includes(c.status) &&
            penaltyCaseActionRoles[name].includes(caseRoleFor(auth, penaltyCaseActionRoles[name])),
        )
        .map((name) => ({ action: name, ...penaltyCaseActionNames[name] })),
      documents: documents.map((d) => ({
        id: d.id,
        type: d.type,
        number: d.number,
        issuedAt: d.issuedAt.toISOString(),
        securityLabel: d.securityLabel,
        docx: `/api/v1/enforcement/documents/${d.id}/docx`,
      })),
      creditListingIds: await deps.credit.listingIdsForCase(c.id),
    };
  }

  async function visible(auth: AuthContext, id: string) {
    const found = await cases.find(id, auth.scope);
    if (!found) throw new DomainError('enforcement.case_not_found');
    return found;
  }

  /** Checks the step's references the domain cannot see: roster investigators, listing grounds. */
  async function checkReferences(auth: AuthContext, county: string, action: PenaltyCaseAction) {
    if (action.action === 'start_investigation') {
      const ids = [...new Set(action.investigatorIds)];
      const divisions = inspectorDivisionsFor(auth.scope, county);
      const usable = await cases.usableInspectors(ids, chinaDate(clock.now()), divisions);
      if (usable.length !== ids.length) throw new DomainError('enforcement.inspector_unknown');
    }
    if (action.action === 'decide' && action.outcome === 'penalty') {
      const listable = await credit.listableGrounds();
      const unknown = action.creditGrounds.filter((g) => !listable.includes(g));
      if (unknown.length > 0) throw new DomainError('credit.not_listable', { details: { grounds: unknown } });
    }
  }

  return {
    summary,

    async list(
      auth: AuthContext,
      filter: {
        status?: PenaltyCaseStatus;
        enterpriseId?: string;
        inspectionId?: string;
        securityLabel?: RecordLabel;
      },
      page: { page: number; pageSize: number },
    ) {
      const found = await cases.list(auth.scope, filter, page);
      return { ...found, items: found.items.map(summary) };
    },

    get: async (auth: AuthContext, id: string) => detail(auth, await visible(auth, id)),

    /** Changes the case's security label (密级), never above the caller's own clearance. */
    async setLabel(auth: AuthContext, id: string, label: RecordLabel) {
      const found = await visible(auth, id);
      checkLabelWithin(auth.clearance, label);
      await cases.setLabel(id, label, clock.now());
      return { previous: found.securityLabel, case: await detail(auth, (await cases.find(id, null))!) };
    },

    /** 立案 by a bureau officer, ad hoc or from a completed inspection of the same enterprise. */
    async file(auth: AuthContext, input: PenaltyCaseFileInput, options: { demo?: boolean } = {}) {
      const enterprise = await deps.enterprises.findById(input.enterpriseId, auth.scope);
      if (!enterprise) throw new DomainError('enterprise.not_found');
      checkLabelWithin(auth.clearance, input.securityLabel);
      if (input.inspectionId) {
        const inspection = await deps.inspections.find(input.inspectionId, auth.scope);
        if (!inspection || inspection.enterpriseId !== enterprise.id || inspection.status !== 'completed')
          throw new DomainError('enforcement.case_source_invalid');
      }
      const now = clock.now();
      const filed = filePenaltyCase(
        {
          partyKind: input.partyKind,
          requiresLegalReview: input.requiresLegalReview,
          summary: input.summary,
          ...(input.filedOn ? { filedOn: input.filedOn } : {}),
        },
        {
          now,
          actor: { role: caseRoleFor(auth, ['head']), id: auth.userId },
          calendar: chinaHolidayCalendar,
        },
      );
      if (!filed.ok) throw filed.error;
      const id = await cases.insert(db, {
        enterpriseId: enterprise.id,
        county: enterprise.county,
        inspectionId: input.inspectionId ?? null,
        partyName: input.partyName,
        summary: input.summary,
        state: filed.state,
        createdBy: auth.userId,
        at: now,
        securityLabel: input.securityLabel ?? defaultLabelOf.enforcement_case,
        ...options,
      });
      return detail(auth, (await cases.find(id, null))!);
    },

    /**
     * One step of the case, in one transaction with the row locked. A penalty decision that meets a
     * listing ground makes a credit-list candidate in the same transaction.
     */
    async act(auth: AuthContext, id: string, action: PenaltyCaseAction) {
      await inTransaction(db, async (tx) => {
        const found = await cases.find(id, auth.scope, tx, true);
        if (!found) throw new DomainError('enforcement.case_not_found');
        await checkReferences(auth, found.county, action);
        const now = clock.now();
        const step = transitionPenaltyCase(found.state, action, {
          now,
          actor: { role: caseRoleFor(auth, penaltyCaseActionRoles[action.action]), id: auth.userId },
          calendar: chinaHolidayCalendar,
        });
        if (!step.ok) throw step.error;
        await cases.saveState(tx, id, step.state, now);
        const grounds = step.state.decision?.creditGrounds ?? [];
        if (action.action === 'decide' && grounds.length > 0) {
          await credit.addCandidate(
            tx,
            { caseId: id, enterpriseId: found.enterpriseId, county: found.county, grounds },
            { role: 'system', id: auth.userId },
          );
        }
      });
      return detail(auth, (await cases.find(id, null))!);
    },
  };
}

export type CasesService = ReturnType<typeof createCasesService>;
