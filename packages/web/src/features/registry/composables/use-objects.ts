import { reactive, ref } from 'vue';
import type {
  Enterprise,
  Page,
  RegulatedObject,
  RegulatedObjectInput,
  RegulatedObjectKind,
} from '@anjian/domain';
import { api } from '../../../lib/api.ts';

export interface ObjectFilters {
  kind: '' | RegulatedObjectKind;
  county: string;
  q: string;
}

/** The kinds drawn as one point, which the web form edits; pipelines and parks carry lines and areas. */
export const pointKinds = [
  'major_hazard_source',
  'tailings_pond',
  'underground_mine',
  'open_pit_mine',
  'waste_dump',
] as const satisfies readonly RegulatedObjectKind[];
export type PointKind = (typeof pointKinds)[number];
export const isPointKind = (kind: string): kind is PointKind =>
  (pointKinds as readonly string[]).includes(kind);

export type ObjectFormResult =
  { mode: 'create'; input: RegulatedObjectInput } | { mode: 'edit'; id: string; input: RegulatedObjectInput };

const emptyFilters = (): ObjectFilters => ({ kind: '', county: '', q: '' });
const path = (id: string) => `/objects/${encodeURIComponent(id)}`;

/** Regulated objects: the filtered, paged list and the changes to one object. */
export function useObjects() {
  const filters = reactive<ObjectFilters>(emptyFilters());
  const page = ref(1);
  const pageSize = ref(20);
  const total = ref(0);
  const items = ref<RegulatedObject[]>([]);
  const loading = ref(false);

  async function load(): Promise<void> {
    loading.value = true;
    try {
      const answer = await api.get<Page<RegulatedObject>>('/objects', {
        page: page.value,
        pageSize: pageSize.value,
        kind: filters.kind,
        county: filters.county,
        q: filters.q.trim(),
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
    create: (input: RegulatedObjectInput) => api.post<RegulatedObject>('/objects', input),
    replace: (id: string, input: RegulatedObjectInput) => api.put<RegulatedObject>(path(id), input),
    remove: (id: string) => api.delete<{ ok: true }>(path(id)),
  };
}

/** Enterprises whose name or credit code contains the text, for pickers (first 20). */
export async function searchEnterprises(text: string): Promise<Enterprise[]> {
  const answer = await api.get<Page<Enterprise>>('/enterprises', {
    q: text.trim(),
    pageSize: 20,
    sort: 'name',
    order: 'asc',
  });
  return answer.items;
}
