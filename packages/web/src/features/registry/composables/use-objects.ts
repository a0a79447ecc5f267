import { computed } from 'vue';
import type { Page, RegulatedObject, RegulatedObjectInput, RegulatedObjectKind } from '@anjian/domain';
import { usePagedList } from '../../../composables/use-paged-list.ts';
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
  'geo_hazard_site',
  'forest_fire_area',
] as const satisfies readonly RegulatedObjectKind[];
export type PointKind = (typeof pointKinds)[number];
export const isPointKind = (kind: string): kind is PointKind =>
  (pointKinds as readonly string[]).includes(kind);

export type ObjectFormResult =
  { mode: 'create'; input: RegulatedObjectInput } | { mode: 'edit'; id: string; input: RegulatedObjectInput };

const emptyFilters = (): ObjectFilters => ({ kind: '', county: '', q: '' });
const objectQuery = (f: ObjectFilters) => ({ kind: f.kind, county: f.county, q: f.q.trim() });
const path = (id: string) => `/objects/${encodeURIComponent(id)}`;

/** Regulated objects: the filtered, paged list and the changes to one object. */
export function useObjects() {
  const list = usePagedList<ObjectFilters, RegulatedObject>({
    initialFilters: emptyFilters,
    fetch: ({ filters, page, pageSize, signal }) =>
      api.get<Page<RegulatedObject>>('/objects', { ...objectQuery(filters), page, pageSize }, { signal }),
  });
  const exportQuery = computed(() => objectQuery(list.filters));

  return {
    ...list,
    exportQuery,
    create: (input: RegulatedObjectInput) => api.post<RegulatedObject>('/objects', input),
    replace: (id: string, input: RegulatedObjectInput) => api.put<RegulatedObject>(path(id), input),
    remove: (id: string) => api.delete<{ ok: true }>(path(id)),
  };
}
