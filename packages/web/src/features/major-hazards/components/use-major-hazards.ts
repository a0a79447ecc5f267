import { ref } from 'vue';
import type {
  MajorHazardRequest,
  MajorHazardResult,
  MajorHazardSummary,
  MajorHazardUnit,
  MajorHazardUnitHistoryEntry,
  MajorHazardUnitUpdate,
  Page,
} from '@anjian/domain';
import { usePagedList } from '../../../composables/use-paged-list.ts';
import { api, type Query } from '../../../lib/api.ts';

const unitPath = (id: string) => `/major-hazards/units/${encodeURIComponent(id)}`;

/** GB 18218 declarations: the units in scope, one unit's changes, and the public calculator. */
export interface MajorHazardUnitFilters {
  q: string;
  county: string;
  level: number | null;
  onlyMajor: boolean;
}

export const emptyUnitFilters = (): MajorHazardUnitFilters => ({
  q: '',
  county: '',
  level: null,
  onlyMajor: true,
});

/** The declared units (重大危险源辨识单元) with their filters and paging. */
export function useMajorHazardUnitList() {
  return usePagedList<MajorHazardUnitFilters, MajorHazardUnit>({
    initialFilters: emptyUnitFilters,
    fetch: ({ filters, page, pageSize, signal }) =>
      api.get<Page<MajorHazardUnit>>(
        '/major-hazards/units',
        {
          page,
          pageSize,
          q: filters.q.trim(),
          county: filters.county,
          level: filters.level,
          isMajor: filters.onlyMajor ? 'true' : undefined,
        },
        { signal },
      ),
  });
}

export function useMajorHazards() {
  const items = ref<MajorHazardUnit[]>([]);
  const total = ref(0);
  const loading = ref(false);

  async function load(query: Query): Promise<void> {
    loading.value = true;
    try {
      const page = await api.get<Page<MajorHazardUnit>>('/major-hazards/units', query);
      items.value = page.items;
      total.value = page.total;
    } finally {
      loading.value = false;
    }
  }

  return {
    items,
    total,
    loading,
    load,
    summary: () => api.get<MajorHazardSummary>('/major-hazards/summary'),
    history: (id: string) =>
      api.get<{ items: MajorHazardUnitHistoryEntry[] }>(`${unitPath(id)}/history`).then((a) => a.items),
    declare: (enterpriseId: string, body: MajorHazardUnitUpdate) =>
      api.post<MajorHazardUnit>('/major-hazards/units', { enterpriseId, ...body }),
    update: (id: string, body: MajorHazardUnitUpdate) => api.put<MajorHazardUnit>(unitPath(id), body),
    retire: (id: string) => api.delete<{ ok: true }>(unitPath(id)),
    /** The live preview: the same calculation the server stores, without saving anything. */
    calculate: (request: MajorHazardRequest) => api.post<MajorHazardResult>('/calc/major-hazard', request),
  };
}
