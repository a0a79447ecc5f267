import type { AuditActor, AuditEntry, AuditOutcome, Page } from '@anjian/domain';
import { usePagedList } from '../../../composables/use-paged-list.ts';
import { api, type Query } from '../../../lib/api.ts';
import { beijingWallTimeToIso } from '../../../lib/format.ts';

export interface AuditFilters {
  /** The user picked in the filter (from the people in the log). */
  actorId: string;
  action: string;
  outcome: '' | AuditOutcome;
  /** Beijing wall times `YYYY-MM-DD HH:mm:ss`, as the range picker gives them. */
  range: [string, string] | null;
}

export interface ChainCheck {
  ok: boolean;
  checked: number;
  brokenSeq?: number;
  reason?: string;
}

const emptyFilters = (): AuditFilters => ({ actorId: '', action: '', outcome: '', range: null });

function auditQuery(f: AuditFilters): Query {
  return {
    actorId: f.actorId,
    action: f.action,
    outcome: f.outcome,
    from: f.range ? beijingWallTimeToIso(f.range[0]) : undefined,
    to: f.range ? beijingWallTimeToIso(f.range[1]) : undefined,
  };
}

/** The audit log: filters, paging, Excel export of the filtered rows, and the hash-chain check. */
export function useAudit() {
  const list = usePagedList<AuditFilters, AuditEntry>({
    initialFilters: emptyFilters,
    fetch: ({ filters, page, pageSize, signal }) =>
      api.get<Page<AuditEntry>>('/audit', { ...auditQuery(filters), page, pageSize }, { signal }),
  });

  /** Exports what the search form filters (all pages), as the list shows it. */
  const exportExcel = () =>
    api.download('/audit/export', auditQuery(list.filters as AuditFilters), 'audit-log.xlsx');
  const verify = () => api.get<ChainCheck>('/audit/verify');
  const findActors = async (q: string) =>
    (await api.get<{ items: AuditActor[] }>('/audit/actors', { q })).items;

  return { ...list, exportExcel, verify, findActors };
}
