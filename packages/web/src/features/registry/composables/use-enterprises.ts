import { computed, ref } from 'vue';
import type { Enterprise, EnterpriseInput, EnterpriseUpdate, Page } from '@anjian/domain';
import { usePagedList } from '../../../composables/use-paged-list.ts';
import { api, type Query } from '../../../lib/api.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface EnterpriseFilters {
  q: string;
  county: string;
  township: string;
  sector: string;
  status: '' | Enterprise['status'];
  scale: '' | NonNullable<Enterprise['scale']>;
  keyTag: string;
  /** Licence expiring within 30, 60 or 90 days; '' = any. */
  licenceExpiringWithinDays: '' | 30 | 60 | 90;
}

export interface ImportReport {
  committed: boolean;
  totalRows: number;
  created: number;
  updated: number;
  unchanged: number;
  invalidRows: number;
  errors: { row: number; column: string; message: string }[];
}

/** What the create/edit form hands back to the page. */
export type EnterpriseFormResult =
  { mode: 'create'; input: EnterpriseInput } | { mode: 'edit'; id: string; changes: EnterpriseUpdate };

const emptyFilters = (): EnterpriseFilters => ({
  q: '',
  county: '',
  township: '',
  sector: '',
  status: '',
  scale: '',
  keyTag: '',
  licenceExpiringWithinDays: '',
});

function enterpriseQuery(f: EnterpriseFilters): Query {
  return {
    q: f.q.trim(),
    county: f.county,
    township: f.township,
    sector: f.sector,
    status: f.status,
    scale: f.scale,
    keyTag: f.keyTag,
    licenceExpiringWithinDays: f.licenceExpiringWithinDays,
  };
}

/** The enterprise list with its filters and paging; export, template and import of the same registry. */
export function useEnterprises() {
  /** false: the total is the database's estimate (a broad filter over a province's registry). */
  const totalExact = ref(true);
  const list = usePagedList<EnterpriseFilters, Enterprise>({
    initialFilters: emptyFilters,
    fetch: async ({ filters, page, pageSize, signal }) => {
      const answer = await api.get<Page<Enterprise> & { totalExact?: boolean }>(
        '/enterprises',
        { ...enterpriseQuery(filters), page, pageSize },
        { signal },
      );
      if (!signal.aborted) totalExact.value = answer.totalExact !== false;
      return answer;
    },
  });
  const exportQuery = computed(() => enterpriseQuery(list.filters));

  return {
    ...list,
    totalExact,
    exportQuery,
    create: (input: EnterpriseInput) => api.post<Enterprise>('/enterprises', input),
    update: (id: string, changes: EnterpriseUpdate) =>
      api.patch<Enterprise>(`/enterprises/${encodeURIComponent(id)}`, changes),
  };
}

/** The Excel import: the template, and the upload (all or nothing, or the valid rows only). */
export function useEnterpriseImport() {
  return {
    downloadTemplate: () => api.download('/enterprises/import-template', {}, 'enterprise-template.xlsx'),
    upload: (file: Blob, validOnly: boolean) =>
      api.upload<ImportReport>('/enterprises/import', file, XLSX_TYPE, { validOnly }),
  };
}
