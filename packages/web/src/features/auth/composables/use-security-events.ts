import type { Page, SecurityEvent, SecurityEventKind } from '@anjian/domain';
import { usePagedList } from '../../../composables/use-paged-list.ts';
import { api, type Query } from '../../../lib/api.ts';

export interface SecurityEventFilters {
  kind: '' | SecurityEventKind;
  q: string;
  /** China dates `YYYY-MM-DD`, as the range picker gives them. */
  range: [string, string] | null;
}

const emptyFilters = (): SecurityEventFilters => ({ kind: '', q: '', range: null });

function eventQuery(f: SecurityEventFilters): Query {
  return { kind: f.kind, q: f.q, from: f.range?.[0], to: f.range?.[1] };
}

/** The security administrator's security events: filters, paging, Excel export of the filtered rows. */
export function useSecurityEvents() {
  const list = usePagedList<SecurityEventFilters, SecurityEvent>({
    initialFilters: emptyFilters,
    fetch: ({ filters, page, pageSize, signal }) =>
      api.get<Page<SecurityEvent>>(
        '/security-events',
        { ...eventQuery(filters), page, pageSize },
        { signal },
      ),
  });
  const exportExcel = () =>
    api.download(
      '/security-events/export',
      eventQuery(list.filters as SecurityEventFilters),
      'security-events.xlsx',
    );
  return { ...list, exportExcel };
}
