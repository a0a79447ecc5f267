import { reactive, ref } from 'vue';
import type { Page } from '@anjian/domain';
import { api, type Query } from '../../../lib/api.ts';

/**
 * A paged list of one emergency library (`/emergency/plans`, `/emergency/cases`, …) with its search
 * filters, and the create / replace / delete calls of the same collection.
 */
export function useLibraryList<T extends { id: string }, F extends Query>(path: string, initial: F) {
  const filters = reactive({ ...initial }) as F;
  const items = ref<T[]>([]) as { value: T[] };
  const total = ref(0);
  const page = ref(1);
  const pageSize = ref(20);
  const loading = ref(false);

  async function load(): Promise<void> {
    loading.value = true;
    try {
      const result = await api.get<Page<T>>(path, { ...filters, page: page.value, pageSize: pageSize.value });
      items.value = result.items;
      total.value = result.total;
    } finally {
      loading.value = false;
    }
  }

  return {
    filters,
    items,
    total,
    page,
    pageSize,
    loading,
    load,
    search: async () => {
      page.value = 1;
      await load();
    },
    resetFilters: async () => {
      Object.assign(filters, initial);
      page.value = 1;
      await load();
    },
    create: <I>(input: I) => api.post<T>(path, input),
    replace: <I>(id: string, input: I) => api.put<T>(`${path}/${encodeURIComponent(id)}`, input),
    remove: (id: string) => api.delete<{ ok: true }>(`${path}/${encodeURIComponent(id)}`),
  };
}

/** Drops empty strings and undefined so that optional fields are absent, as the API expects. */
export function compact<T extends object>(input: T): T {
  return Object.fromEntries(
    Object.entries(input).filter(([, value]) => value !== '' && value !== undefined && value !== null),
  ) as T;
}
