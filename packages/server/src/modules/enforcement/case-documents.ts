import {
  DomainError,
  chinaHolidayCalendar,
  penaltyCaseDeadlines,
  penaltyKindNames,
  type DiscretionTable,
  type PenaltyCaseState,
  type PenaltyProposal,
} from '@anjian/domain';
import type { CaseRow } from './cases.repository.ts';
import type { DocumentFields } from './documents-docx.ts';

export type CaseDocumentType = 'penalty_notice' | 'penalty_decision';

/** The penalty a document states: the notice's proposal, or the decision's penalty. */
function penaltyOf(type: CaseDocumentType, state: PenaltyCaseState): PenaltyProposal {
  const penalty =
    type === 'penalty_notice'
      ? state.notice?.proposal
      : state.decision?.outcome === 'penalty'
        ? state.decision.penalty
        : undefined;
  if (!penalty) throw new DomainError('enforcement.document_not_applicable');
  return penalty;
}

/** The number already printed for the step, if any: once issued, a step's 文书 keeps its number. */
export function caseDocumentNumber(type: CaseDocumentType, state: PenaltyCaseState): string | undefined {
  return type === 'penalty_notice' ? state.notice?.documentNo : state.decision?.documentNo;
}

/** The case state with the issued number written into the step it documents. */
export function withCaseDocumentNumber(
  type: CaseDocumentType,
  state: PenaltyCaseState,
  number: string,
): PenaltyCaseState {
  if (type === 'penalty_notice') return { ...state, notice: { ...state.notice!, documentNo: number } };
  return { ...state, decision: { ...state.decision!, documentNo: number } };
}

/**
 * The fields of a 行政处罚告知书 or 行政处罚决定书: the party, the facts, the articles (from the
 * discretion table's violations the penalty rests on), the penalty with amounts for 大写, and the
 * periods the party must keep.
 */
export function caseDocumentFields(
  type: CaseDocumentType,
  c: CaseRow,
  header: { agency: string; number: string; issuedOn: string; now: Date },
  table: DiscretionTable,
): DocumentFields {
  const penalty = penaltyOf(type, c.state);
  const violations = (penalty.violationCodes ?? [])
    .map((code) => table.violations.find((v) => v.code === code))
    .filter((v) => v !== undefined);
  const deadlines = penaltyCaseDeadlines(c.state, { now: header.now, calendar: chinaHolidayCalendar });
  const due = (kind: string) => deadlines.find((d) => d.kind === kind)?.dueDate;
  const statementDueDate = type === 'penalty_notice' ? due('statement') : undefined;
  const paymentDueDate = type === 'penalty_decision' ? due('payment') : undefined;
  return {
    agency: header.agency,
    number: header.number,
    enterpriseName: c.enterpriseName,
    partyName: c.partyName,
    creditCode: c.creditCode,
    address: c.address ?? '',
    violation: c.summary,
    violatedProvision: violations.map((v) => v.violatedProvisionZh).join('、'),
    penaltyClause: violations.map((v) => v.penaltyProvisionZh).join('；'),
    penaltyKinds: penalty.kinds.map((k) => penaltyKindNames[k].zh),
    ...(penalty.fineYuan ? { fineYuan: penalty.fineYuan } : {}),
    ...(penalty.confiscationYuan ? { confiscationYuan: penalty.confiscationYuan } : {}),
    ...(type === 'penalty_notice' ? { hearingRight: c.state.notice?.hearingRight ?? false } : {}),
    ...(statementDueDate ? { statementDueDate } : {}),
    ...(c.state.decision ? { decidedOn: c.state.decision.decidedOn } : {}),
    ...(paymentDueDate ? { paymentDueDate } : {}),
    issuedOn: header.issuedOn,
  };
}
