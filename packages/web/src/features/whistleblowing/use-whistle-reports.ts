import { computed } from 'vue';
import type { Page, RecordLabel, WhistleDetail, WhistleLedgerRow, WhistleListItem } from '@anjian/domain';
import { usePagedList } from '../../composables/use-paged-list.ts';
import { api, type Query } from '../../lib/api.ts';

export interface WhistleFilters {
  status: string;
  category: string;
  channel: string;
  overdue: string;
  objection: string;
  /** 密级: '' for every label within the clearance. */
  securityLabel: string;
  q: string;
}

const base = '/whistleblowing/reports';
const query = (f: WhistleFilters) =>
  Object.fromEntries(Object.entries(f).filter(([, value]) => value !== ''));

/** The bureau's list of reports from the public, and the handling steps on one report. */
export function useWhistleReports() {
  const list = usePagedList<WhistleFilters, WhistleListItem>({
    initialFilters: () => ({
      status: '',
      category: '',
      channel: '',
      overdue: '',
      objection: '',
      securityLabel: '',
      q: '',
    }),
    fetch: ({ filters, page, pageSize, signal }) =>
      api.get<Page<WhistleListItem>>(base, { ...query(filters), page, pageSize }, { signal }),
  });
  return {
    ...list,
    /** The export carries the filters shown (ListPage reads this ref). */
    exportQuery: computed<Query>(() => query(list.filters as WhistleFilters)),
    get: (id: string) => api.get<WhistleDetail>(`${base}/${id}`),
    ledger: (year: number) => api.get<WhistleLedgerRow[]>('/whistleblowing/rewards/ledger', { year }),
    exportLedger: (year: number) =>
      api.download('/whistleblowing/rewards/ledger/export', { year }, `${year}年举报奖励台账.xlsx`),
    duplicateCandidates: (id: string) => api.get<WhistleListItem[]>(`${base}/${id}/duplicate-candidates`),
    linkDuplicate: (id: string, originalId: string) =>
      api.post<WhistleDetail>(`${base}/${id}/duplicate-of`, { originalId }),
    unlinkDuplicate: (id: string) => api.delete<WhistleDetail>(`${base}/${id}/duplicate-of`),
    setSecurityLabel: (id: string, securityLabel: RecordLabel) =>
      api.put<WhistleDetail>(`${base}/${id}/security-label`, { securityLabel }),
    step: (id: string, path: string, body: object) => api.post<WhistleDetail>(`${base}/${id}/${path}`, body),
    identity: (id: string, reason: string) =>
      api.post<{
        name: string;
        idNumber: string;
        phone: string;
        bankAccount?: string;
        /** Proved by an SMS code when reported; false: 未验证 (no SMS gateway, or entered by staff). */
        phoneVerified: boolean;
      }>(`${base}/${id}/identity`, {
        reason,
      }),
  };
}
