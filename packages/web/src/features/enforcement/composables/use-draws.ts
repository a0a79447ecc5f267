import { ref } from 'vue';
import { api } from '../../../lib/api.ts';
import type { DrawRequest, DrawView, EnforcementCategory, InspectorView } from '../lib/draw-types.ts';

const base = '/enforcement/draws';

/** The draws in scope, and creating one. */
export function useDraws() {
  const items = ref<DrawView[]>([]);
  const loading = ref(false);

  async function load(): Promise<void> {
    loading.value = true;
    try {
      items.value = (await api.get<{ items: DrawView[] }>(base)).items;
    } finally {
      loading.value = false;
    }
  }

  const create = (request: DrawRequest) => api.post<DrawView>(base, request);

  return { items, loading, load, create };
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
