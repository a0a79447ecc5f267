import { onMounted, ref } from 'vue';
import { useBreakpoint } from './use-breakpoint.ts';
import { useFeedback } from './use-feedback.ts';

/** What a list page asks of its list: read, 查询 and 重置. */
export interface LoadableList {
  load: () => Promise<unknown>;
  search?: () => Promise<unknown>;
  reset?: () => Promise<unknown>;
}

/**
 * A list page's frame around its list: the search form folded away on a phone (the toolbar's
 * search button shows it), 查询 / 重置 / reload with errors shown, and the first load on mount.
 */
export function useListPage(list: LoadableList, options: { loadOnMount?: boolean } = {}) {
  const { notifyError } = useFeedback();
  const { isPhone } = useBreakpoint();
  const searchVisible = ref(!isPhone.value);

  /** Runs a list action; a failure is shown, never thrown. */
  async function run(action: () => Promise<unknown>): Promise<void> {
    try {
      await action();
    } catch (error) {
      notifyError(error);
    }
  }

  const reload = () => run(list.load);
  const search = () => run(list.search ?? list.load);
  const reset = () => run(list.reset ?? list.load);
  const toggleSearch = () => (searchVisible.value = !searchVisible.value);

  if (options.loadOnMount !== false) onMounted(reload);
  return { searchVisible, run, reload, search, reset, toggleSearch };
}
