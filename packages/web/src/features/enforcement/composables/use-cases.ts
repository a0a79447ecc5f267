import { computed } from 'vue';
import type { PenaltyCaseActionName, PenaltyCaseStatus, PenaltyPartyKind, RecordLabel } from '@anjian/domain';
import { usePagedList } from '../../../composables/use-paged-list.ts';
import { api } from '../../../lib/api.ts';

/** A penalty case as /api/v1/enforcement/cases answers it; `state` is the domain's case state. */
export interface PenaltyCaseView {
  readonly id: string;
  readonly enterpriseId: string;
  readonly county: string;
  readonly inspectionId: string | null;
  readonly partyName: string;
  readonly summary: string;
  readonly status: PenaltyCaseStatus;
  readonly securityLabel: RecordLabel;
  readonly createdAt: string;
  /** The list's summary: the first deadline still running (or the first overdue one). */
  readonly nextDeadline: { kind: string; dueDate: string; overdue: boolean } | null;
  /** Detail only: the domain's case state, the steps open to the caller and the case's 文书. */
  readonly state?: unknown;
  readonly actions?: { action: PenaltyCaseActionName; zh: string; en: string }[];
  readonly documents?: {
    id: string;
    type: string;
    number: string;
    issuedAt: string;
    /** The case's label, which its 文书 carry. */
    securityLabel: RecordLabel | null;
    docx: string;
  }[];
}

export interface CaseFiling {
  enterpriseId: string;
  partyKind: PenaltyPartyKind;
  partyName: string;
  summary: string;
  requiresLegalReview: boolean;
  /** 密级: 内部 unless the filer picks another within the own clearance. */
  securityLabel: RecordLabel;
  /** A completed inspection the case comes from (its enterprise must be the party). */
  inspectionId?: string;
}

/** The list's filters: 密级, '' for every label within the clearance. */
export interface CaseFilters {
  securityLabel: '' | RecordLabel;
}

const base = '/enforcement/cases';

/** Penalty cases in scope: filing, reading and the steps of each. */
export function usePenaltyCases() {
  const list = usePagedList<CaseFilters, PenaltyCaseView>({
    initialFilters: () => ({ securityLabel: '' }),
    fetch: ({ filters, page, pageSize, signal }) =>
      api.get<{ items: PenaltyCaseView[]; total: number }>(
        base,
        { securityLabel: filters.securityLabel, page, pageSize },
        { signal },
      ),
  });

  return {
    ...list,
    /** The export carries the filters shown (ListPage reads this). */
    exportQuery: computed(() => ({ securityLabel: list.filters.securityLabel })),
    get: (id: string) => api.get<PenaltyCaseView>(`${base}/${id}`),
    file: (filing: CaseFiling) => api.post<PenaltyCaseView>(base, filing),
    act: (id: string, body: Record<string, unknown>) =>
      api.post<PenaltyCaseView>(`${base}/${id}/actions`, body),
    setSecurityLabel: (id: string, securityLabel: RecordLabel) =>
      api.put<PenaltyCaseView>(`${base}/${encodeURIComponent(id)}/security-label`, { securityLabel }),
  };
}
