import { ref } from 'vue';
import type { Workbench } from '@anjian/domain';
import { api } from '../../../lib/api.ts';

/** The workbench figures, from GET /api/v1/workbench (counted in the caller's scope by the server). */
export function useWorkbench() {
  const data = ref<Workbench | null>(null);
  const loading = ref(false);

  async function load(): Promise<void> {
    loading.value = true;
    try {
      data.value = await api.get<Workbench>('/workbench');
    } finally {
      loading.value = false;
    }
  }

  return { data, loading, load };
}
