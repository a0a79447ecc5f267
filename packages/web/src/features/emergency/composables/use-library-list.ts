import { computed } from 'vue';
import type { Page } from '@anjian/domain';
import { usePagedList } from '../../../composables/use-paged-list.ts';
import { api, type Query } from '../../../lib/api.ts';

/**
 * A paged list of one emergency library (`/emergency/plans`, `/emergency/cases`, …) with its search
 * filters, and the create / replace / delete calls of the same collection.
 */
export function useLibraryList<T extends { id: string }, F extends Query>(path: string, initial: F) {
  const list = usePagedList<F, T>({
    initialFilters: () => ({ ...initial }),
    fetch: ({ filters, page, pageSize, signal }) =>
      api.get<Page<T>>(path, { ...filters, page, pageSize }, { signal }),
  });
  return {
    ...list,
    /** The export of the same collection takes the list's filters as they are. */
    exportQuery: computed<Query>(() => ({ ...(list.filters as F) })),
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
