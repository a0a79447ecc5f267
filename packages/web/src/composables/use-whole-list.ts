import type { Ref } from 'vue';
import { usePagedList, type PagedList } from './use-paged-list.ts';

export interface WholeListOptions<F extends object, T> {
  /** Reads every row for the filters (the API answers `{ items }`, not a page). */
  fetchAll: (filters: F, signal: AbortSignal) => Promise<T[]>;
  initialFilters: () => F;
}

/**
 * A short list the API answers whole (rosters, categories, a sector's checklist): the same state as
 * `usePagedList`, so that DataTable (with `:paged="false"`) and ListPage serve it too.
 */
export function useWholeList<F extends object, T>(
  options: WholeListOptions<F, T>,
): PagedList<F, T> & { items: Ref<T[]> } {
  const list = usePagedList<F, T>({
    initialFilters: options.initialFilters,
    fetch: async ({ filters, signal }) => {
      const items = await options.fetchAll(filters, signal);
      return { items, total: items.length };
    },
  });
  return { ...list, items: list.rows };
}
