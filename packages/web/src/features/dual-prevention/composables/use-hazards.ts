import { computed } from 'vue';
import type {
  HazardCriteriaList,
  HiddenHazardAction,
  HiddenHazardLevel,
  HiddenHazardResponse,
  HiddenHazardSource,
  HiddenHazardStatus,
  Page,
  RecordLabel,
} from '@anjian/domain';
import type { hiddenHazardReportSchema } from '@anjian/domain';
import type { z } from 'zod';
import { usePagedList } from '../../../composables/use-paged-list.ts';
import { api, type Query } from '../../../lib/api.ts';
import { isOverdueHazard } from '../lib/hazard-figures.ts';

/** A hazard as GET /hazards answers it. */
export type Hazard = HiddenHazardResponse & { enterpriseName: string; county: string };

export interface HazardFilters {
  q: string;
  county: string;
  level: '' | HiddenHazardLevel;
  status: '' | HiddenHazardStatus;
  source: '' | HiddenHazardSource;
  securityLabel: '' | RecordLabel;
  enterpriseId: string;
  supervised: '' | 'true' | 'false';
  openOnly: boolean;
  overdue: boolean;
}

export const emptyHazardFilters = (): HazardFilters => ({
  q: '',
  county: '',
  level: '',
  status: '',
  source: '',
  securityLabel: '',
  enterpriseId: '',
  supervised: '',
  openOnly: false,
  overdue: false,
});

const MAX_PAGES = 50;

/** Every hazard matching the server-side filters (200 a page), for filters and figures the API lacks. */
export async function fetchAllHazards(query: Query): Promise<Hazard[]> {
  const all: Hazard[] = [];
  for (let page = 1; page <= MAX_PAGES; page += 1) {
    const answer = await api.get<Page<Hazard>>('/hazards', { ...query, page, pageSize: 200 });
    all.push(...answer.items);
    if (all.length >= answer.total || answer.items.length === 0) break;
  }
  return all;
}

/** The API's query for the ledger's filters (source and "overdue" are applied here, not by the API). */
export function hazardQuery(filters: HazardFilters, fixed: Query = {}): Query {
  return {
    q: filters.q.trim(),
    county: filters.county,
    level: filters.level,
    status: filters.status,
    securityLabel: filters.securityLabel,
    enterpriseId: filters.enterpriseId,
    supervised: filters.supervised,
    open: filters.openOnly || filters.overdue ? 'true' : undefined,
    ...fixed,
  };
}

/**
 * The hazard ledger with its filters and paging. Source and "overdue" are not filters of the API:
 * with either set, the list is read whole and filtered and paged here.
 */
export function useHazardList(fixed: Query = {}) {
  const list = usePagedList<HazardFilters, Hazard>({
    initialFilters: emptyHazardFilters,
    async fetch({ filters, page, pageSize, signal }) {
      const query = hazardQuery(filters, fixed);
      if (filters.source || filters.overdue) {
        const matching = (await fetchAllHazards(query)).filter(
          (h) => (!filters.source || h.source === filters.source) && (!filters.overdue || isOverdueHazard(h)),
        );
        return { total: matching.length, items: matching.slice((page - 1) * pageSize, page * pageSize) };
      }
      return api.get<Page<Hazard>>('/hazards', { ...query, page, pageSize }, { signal });
    },
  });
  const exportQuery = computed(() => hazardQuery(list.filters as HazardFilters, fixed));
  return { ...list, exportQuery };
}

export const hazardsApi = {
  get: (id: string) => api.get<Hazard>(`/hazards/${encodeURIComponent(id)}`),
  act: (id: string, action: HiddenHazardAction) =>
    api.post<Hazard>(`/hazards/${encodeURIComponent(id)}/actions`, action),
  report: (input: z.input<typeof hiddenHazardReportSchema>) => api.post<Hazard>('/hazards', input),
  /** 密级: at most the caller's own clearance. */
  setSecurityLabel: (id: string, securityLabel: RecordLabel) =>
    api.put<Hazard>(`/hazards/${encodeURIComponent(id)}/security-label`, { securityLabel }),
  /** 督办检查 by the listing department. */
  reviewSupervision: (id: string, body: { opinion: string; onSite: boolean }) =>
    api.post<Hazard>(`/hazards/${encodeURIComponent(id)}/supervision/review`, body),
  /** 核销 (摘牌) of the listing once the hazard is accepted. */
  closeSupervision: (id: string, body: { opinion: string; documentNo?: string | undefined }) =>
    api.post<Hazard>(`/hazards/${encodeURIComponent(id)}/supervision/close`, body),
};

let criteria: Promise<HazardCriteriaList[]> | null = null;

/** The statutory 重大 criteria lists (GET /hazards/criteria), fetched once. */
export function loadHazardCriteria(): Promise<HazardCriteriaList[]> {
  criteria ??= api
    .get<{ items: HazardCriteriaList[] }>('/hazards/criteria')
    .then((answer) => answer.items)
    .catch((error: unknown) => {
      criteria = null;
      throw error;
    });
  return criteria;
}
