import { reactive, ref } from 'vue';
import type { AuditActor, AuditEntry, AuditOutcome, Page } from '@anjian/domain';
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

/** The audit log: filters, paging, Excel export of the filtered rows, and the hash-chain check. */
export function useAudit() {
  const filters = reactive<AuditFilters>(emptyFilters());
  const page = ref(1);
  const pageSize = ref(20);
  const total = ref(0);
  const items = ref<AuditEntry[]>([]);
  const loading = ref(false);

  function filterQuery(): Query {
    return {
      actorId: filters.actorId,
      action: filters.action,
      outcome: filters.outcome,
      from: filters.range ? beijingWallTimeToIso(filters.range[0]) : undefined,
      to: filters.range ? beijingWallTimeToIso(filters.range[1]) : undefined,
    };
  }

  async function load(): Promise<void> {
    loading.value = true;
    try {
      const answer = await api.get<Page<AuditEntry>>('/audit', {
        page: page.value,
        pageSize: pageSize.value,
        ...filterQuery(),
      });
      items.value = answer.items;
      total.value = answer.total;
    } finally {
      loading.value = false;
    }
  }

  function search(): Promise<void> {
    page.value = 1;
    return load();
  }

  function resetFilters(): Promise<void> {
    Object.assign(filters, emptyFilters());
    return search();
  }

  /** Exports what the search form filters (all pages), as the list shows it. */
  const exportExcel = () => api.download('/audit/export', filterQuery(), 'audit-log.xlsx');
  const verify = () => api.get<ChainCheck>('/audit/verify');
  const findActors = async (q: string) =>
    (await api.get<{ items: AuditActor[] }>('/audit/actors', { q })).items;

  return {
    filters,
    page,
    pageSize,
    total,
    items,
    loading,
    load,
    search,
    resetFilters,
    exportExcel,
    verify,
    findActors,
  };
}
