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
import { api, type Query } from '../../../lib/api.ts';

const unitPath = (id: string) => `/major-hazards/units/${encodeURIComponent(id)}`;

/** GB 18218 declarations: the units in scope, one unit's changes, and the public calculator. */
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
