import { ref } from 'vue';
import type { SessionSummary } from '@anjian/domain';
import { api } from '../../../lib/api.ts';

/** The signed-in user's own active sessions (GET /auth/sessions). */
export function useMySessions() {
  const items = ref<SessionSummary[]>([]);
  const loading = ref(false);

  async function load(): Promise<void> {
    loading.value = true;
    try {
      items.value = (await api.get<{ items: SessionSummary[] }>('/auth/sessions')).items;
    } finally {
      loading.value = false;
    }
  }

  async function end(id: string): Promise<void> {
    await api.delete(`/auth/sessions/${encodeURIComponent(id)}`);
    await load();
  }

  return { items, loading, load, end };
}
