import { ref } from 'vue';
import { useWholeList } from '../../../composables/use-whole-list.ts';
import { api } from '../../../lib/api.ts';
import type { DrawRequest, DrawView, EnforcementCategory, InspectorView } from '../lib/draw-types.ts';

const base = '/enforcement/draws';

/** The draws in scope (a whole list, for ListPage), and creating one. */
export function useDraws() {
  const list = useWholeList({
    initialFilters: () => ({}),
    fetchAll: async (_, signal) => (await api.get<{ items: DrawView[] }>(base, {}, { signal })).items,
  });
  return { ...list, create: (request: DrawRequest) => api.post<DrawView>(base, request) };
}

/** One draw through its steps: publish the commitment, execute, disclose. */
export function useDraw(id: () => string) {
  const draw = ref<DrawView | null>(null);
  const loading = ref(false);
  const path = () => `${base}/${encodeURIComponent(id())}`;

  async function load(): Promise<void> {
    loading.value = true;
    try {
      draw.value = await api.get<DrawView>(path());
    } finally {
      loading.value = false;
    }
  }

  async function step(name: 'publish' | 'execute' | 'disclose'): Promise<void> {
    draw.value = await api.post<DrawView>(`${path()}/${name}`, {});
  }

  return { draw, loading, load, step };
}

/** The roster and the categories, for the draw form's pickers. */
export function useDrawOptions() {
  const inspectors = ref<InspectorView[]>([]);
  const categories = ref<EnforcementCategory[]>([]);

  async function load(): Promise<void> {
    const [roster, cats] = await Promise.all([
      api.get<{ items: InspectorView[] }>('/enforcement/inspectors'),
      api.get<{ items: EnforcementCategory[] } | EnforcementCategory[]>('/enforcement/categories'),
    ]);
    inspectors.value = roster.items;
    categories.value = Array.isArray(cats) ? cats : cats.items;
  }

  return { inspectors, categories, load };
}
