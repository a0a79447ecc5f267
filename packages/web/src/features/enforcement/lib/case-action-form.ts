import type { PenaltyCaseActionName, PenaltyKind } from '@anjian/domain';

/** Every field a step of a penalty case may ask for, as the action dialog edits them. */
export interface CaseActionValues {
  note: string;
  investigatorIds: string;
  kinds: PenaltyKind[];
  fineYuan: string;
  confiscationYuan: string;
  servedOn: string;
  documentNo: string;
  summary: string;
  date: string;
  notifiedOn: string;
  presiderId: string;
  hearingOutcome: '' | 'held' | 'request_withdrawn' | 'party_absent';
  passed: boolean;
  opinion: string;
  days: number;
  reason: string;
  decision: 'penalty' | 'no_penalty';
  decidedOn: string;
  creditGrounds: string[];
  method: 'voluntary' | 'compulsory';
  completedOn: string;
  paidYuan: string;
}

export type CaseActionField = keyof CaseActionValues;

export function emptyCaseActionValues(): CaseActionValues {
  return {
    note: '',
    investigatorIds: '',
    kinds: [],
    fineYuan: '',
    confiscationYuan: '',
    servedOn: '',
    documentNo: '',
    summary: '',
    date: '',
    notifiedOn: '',
    presiderId: '',
    hearingOutcome: '',
    passed: true,
    opinion: '',
    days: 30,
    reason: '',
    decision: 'penalty',
    decidedOn: '',
    creditGrounds: [],
    method: 'voluntary',
    completedOn: '',
    paidYuan: '',
  };
}

const penalty: CaseActionField[] = ['kinds', 'fineYuan', 'confiscationYuan'];

/** The fields of each step (penalty-case.schema.ts), in the order the dialog shows them. */
export const caseActionFields: Readonly<Record<PenaltyCaseActionName, readonly CaseActionField[]>> = {
  start_investigation: ['investigatorIds', 'note'],
  issue_notice: [...penalty, 'servedOn', 'documentNo', 'note'],
  record_statement: ['summary', 'note'],
  waive_rights: ['note'],
  request_hearing: ['note'],
  schedule_hearing: ['date', 'notifiedOn', 'presiderId', 'note'],
  conclude_hearing: ['hearingOutcome', 'note'],
  complete_legal_review: ['passed', 'opinion'],
  extend_decision_period: ['days', 'reason'],
  decide: ['decision', ...penalty, 'decidedOn', 'documentNo', 'creditGrounds', 'reason'],
  serve_decision: ['servedOn'],
  record_execution: ['method', 'completedOn', 'paidYuan', 'note'],
  close: ['note'],
  withdraw: ['reason'],
  terminate: ['reason'],
};

/** Text fields left empty are left out, as the optional fields of the request. */
function optional(entries: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(entries)
      .map(([key, value]) => [key, value?.trim() ?? ''] as const)
      .filter(([, value]) => value !== ''),
  );
}

function proposalOf(values: CaseActionValues) {
  return {
    kinds: [...values.kinds],
    ...optional({ fineYuan: values.fineYuan, confiscationYuan: values.confiscationYuan }),
  };
}

/** The body of POST /enforcement/cases/:id/actions for this step; the server validates it again. */
export function caseActionBody(
  action: PenaltyCaseActionName,
  values: CaseActionValues,
): Record<string, unknown> {
  const note = optional({ note: values.note });
  switch (action) {
    case 'start_investigation':
      return {
        action,
        investigatorIds: values.investigatorIds
          .split(/[\s,，、]+/)
          .map((id) => id.trim())
          .filter(Boolean),
        ...note,
      };
    case 'issue_notice':
      return {
        action,
        proposal: proposalOf(values),
        servedOn: values.servedOn,
        ...optional({ documentNo: values.documentNo }),
        ...note,
      };
    case 'record_statement':
      return { action, summary: values.summary.trim(), ...note };
    case 'schedule_hearing':
      return {
        action,
        date: values.date,
        notifiedOn: values.notifiedOn,
        presiderId: values.presiderId.trim(),
        ...note,
      };
    case 'conclude_hearing':
      return { action, outcome: values.hearingOutcome, ...note };
    case 'complete_legal_review':
      return { action, passed: values.passed, opinion: values.opinion.trim() };
    case 'extend_decision_period':
      return { action, days: values.days, reason: values.reason.trim() };
    case 'decide':
      return {
        action,
        outcome: values.decision,
        ...(values.decision === 'penalty' ? { penalty: proposalOf(values) } : {}),
        ...optional({ decidedOn: values.decidedOn, documentNo: values.documentNo, reason: values.reason }),
        creditGrounds: [...values.creditGrounds],
      };
    case 'serve_decision':
      return { action, servedOn: values.servedOn };
    case 'record_execution':
      return {
        action,
        method: values.method,
        completedOn: values.completedOn,
        ...optional({ paidYuan: values.paidYuan }),
        ...note,
      };
    case 'withdraw':
    case 'terminate':
      return { action, reason: values.reason.trim() };
    case 'waive_rights':
    case 'request_hearing':
    case 'close':
      return { action, ...note };
  }
}
