import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import type { Page } from '@anjian/domain';
import { useFormDialog } from '../../composables/use-form-dialog.ts';
import { usePage } from '../../composables/use-page.ts';
import { usePagedList } from '../../composables/use-paged-list.ts';
import { api, type Query } from '../../lib/api.ts';

/** What an obligations register page starts with: usePage, and whether the user may write (registry:write). */
export function useObligationsPage() {
  const page = usePage();
  return { ...page, canWrite: computed(() => page.session.can('registry:write')) };
}

/** A paged obligations register with its filters; the export takes the same filters. */
export function useObligationsList<T extends { id: string }, F extends Query>(path: string, initial: F) {
  const list = usePagedList<F, T>({
    initialFilters: () => ({ ...initial }),
    fetch: ({ filters, page, pageSize, signal }) =>
      api.get<Page<T>>(path, { ...filters, page, pageSize }, { signal }),
  });
  return { ...list, exportQuery: computed<Query>(() => ({ ...(list.filters as F) })) };
}

/**
 * A dialog of the obligations registers that records something: opened empty (`show(null)`) or on a
 * row (`show(row)`, filled by `fill`), it posts the form without its empty fields to `path`, says
 * 已保存 and runs `afterSave` (reloading the list or the drawer).
 */
export function useObligationsDialog<F extends object, T = never>(options: {
  blank: () => F;
  fill?: (row: T) => Partial<F>;
  /** Where it posts; a function when the path names the row (or the record shown). */
  path: string | ((row: T | null) => string);
  /** What it posts, when not the form itself. */
  body?: (form: F, row: T | null) => object;
  /** PUT for a record's part that is set rather than added (a report's disclosure); POST otherwise. */
  method?: 'post' | 'put';
  afterSave: () => Promise<unknown> | void;
}) {
  const { t } = useI18n();
  const { path, body } = options;
  return useFormDialog<F, T>({
    blank: options.blank,
    fill: options.fill,
    submit: (form, row) =>
      api[options.method ?? 'post'](
        typeof path === 'string' ? path : path(row),
        compact(body ? body(form, row) : { ...form }),
      ),
    savedMessage: () => t('obligations.common.saved'),
    afterSave: options.afterSave,
  });
}

/** Drops empty strings and undefined so optional fields are absent, as the API expects. */
export function compact<T extends object>(input: T): T {
  return Object.fromEntries(
    Object.entries(input).filter(([, value]) => value !== '' && value !== undefined && value !== null),
  ) as T;
}
