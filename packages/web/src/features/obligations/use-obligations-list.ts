import { computed } from 'vue';
import type { Page } from '@anjian/domain';
import { usePagedList } from '../../composables/use-paged-list.ts';
import { api, type Query } from '../../lib/api.ts';

/** A paged obligations register with its filters; the export takes the same filters. */
export function useObligationsList<T extends { id: string }, F extends Query>(path: string, initial: F) {
  const list = usePagedList<F, T>({
    initialFilters: () => ({ ...initial }),
    fetch: ({ filters, page, pageSize, signal }) =>
      api.get<Page<T>>(path, { ...filters, page, pageSize }, { signal }),
  });
  return { ...list, exportQuery: computed<Query>(() => ({ ...(list.filters as F) })) };
}

/** Drops empty strings and undefined so optional fields are absent, as the API expects. */
export function compact<T extends object>(input: T): T {
  return Object.fromEntries(
    Object.entries(input).filter(([, value]) => value !== '' && value !== undefined && value !== null),
  ) as T;
}
