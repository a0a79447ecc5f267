import { reactive, ref } from 'vue';
import type { Enterprise, EnterpriseInput, EnterpriseUpdate, Page } from '@anjian/domain';
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

/** The enterprise list with its filters and paging; export, template and import of the same registry. */
export function useEnterprises() {
  const filters = reactive<EnterpriseFilters>(emptyFilters());
  const page = ref(1);
  const pageSize = ref(20);
  const total = ref(0);
  const items = ref<Enterprise[]>([]);
  const loading = ref(false);

  function filterQuery(): Query {
    return {
      q: filters.q.trim(),
      county: filters.county,
      township: filters.township,
      sector: filters.sector,
      status: filters.status,
      scale: filters.scale,
      keyTag: filters.keyTag,
      licenceExpiringWithinDays: filters.licenceExpiringWithinDays,
    };
  }

  async function load(): Promise<void> {
    loading.value = true;
    try {
      const answer = await api.get<Page<Enterprise>>('/enterprises', {
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
    create: (input: EnterpriseInput) => api.post<Enterprise>('/enterprises', input),
    update: (id: string, changes: EnterpriseUpdate) =>
      api.patch<Enterprise>(`/enterprises/${encodeURIComponent(id)}`, changes),
    /** What the search form filters (all pages), with dictionary labels, as an Excel file. */
    exportExcel: () => api.download('/enterprises/export', filterQuery(), 'enterprises.xlsx'),
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
