import { reactive, ref, shallowRef, type Ref, type UnwrapNestedRefs } from 'vue';

/** One page of a list as the API answers it. */
export interface PageAnswer<T> {
  items: T[];
  total: number;
}

/** What a list's `fetch` is given: the filters as they are now, the page, and a signal to cancel. */
export interface PageRequest<F> {
  filters: F;
  page: number;
  pageSize: number;
  signal: AbortSignal;
}

export interface PagedListOptions<F extends object, T> {
  fetch: (request: PageRequest<F>) => Promise<PageAnswer<T>>;
  /** A fresh copy of the empty filters: the start, and what 重置 returns to. */
  initialFilters: () => F;
  pageSize?: number;
}

export interface PagedList<F extends object, T> {
  filters: UnwrapNestedRefs<F>;
  page: Ref<number>;
  pageSize: Ref<number>;
  total: Ref<number>;
  rows: Ref<T[]>;
  loading: Ref<boolean>;
  /** Reads the current page; a newer call cancels an older one, whose answer is then ignored. */
  load: () => Promise<void>;
  /** Back to page 1 with the current filters (查询). */
  search: () => Promise<void>;
  /** Empty filters, page 1 (重置). */
  reset: () => Promise<void>;
}

function isAbort(error: unknown, signal: AbortSignal): boolean {
  return signal.aborted || (error instanceof DOMException && error.name === 'AbortError');
}

/**
 * The state every list page shares (筛选、分页、加载). Only the newest request may write rows and
 * total: a slow earlier answer arriving after a later one is dropped, and its request is aborted.
 */
export function usePagedList<F extends object, T>(options: PagedListOptions<F, T>): PagedList<F, T> {
  const filters = reactive(options.initialFilters()) as UnwrapNestedRefs<F>;
  const page = ref(1);
  const pageSize = ref(options.pageSize ?? 20);
  const total = ref(0);
  const rows = shallowRef<T[]>([]) as Ref<T[]>;
  const loading = ref(false);
  let current: AbortController | null = null;

  async function load(): Promise<void> {
    current?.abort();
    const controller = new AbortController();
    current = controller;
    loading.value = true;
    try {
      const answer = await options.fetch({
        filters: filters as F,
        page: page.value,
        pageSize: pageSize.value,
        signal: controller.signal,
      });
      if (current !== controller) return;
      rows.value = answer.items;
      total.value = answer.total;
    } catch (error) {
      if (current !== controller || isAbort(error, controller.signal)) return;
      throw error;
    } finally {
      if (current === controller) {
        loading.value = false;
        current = null;
      }
    }
  }

  function search(): Promise<void> {
    page.value = 1;
    return load();
  }

  function reset(): Promise<void> {
    Object.assign(filters, options.initialFilters());
    return search();
  }

  return { filters, page, pageSize, total, rows, loading, load, search, reset };
}
