import { useWholeList } from '../../../composables/use-whole-list.ts';
import { api } from '../../../lib/api.ts';
import type { EnforcementCategory, InspectorView } from '../lib/draw-types.ts';

export interface InspectorForm {
  name: string;
  certificateNo: string;
  certificateExpiry: string;
  county: string;
  specialties: string[];
  userId: string | null;
  active: boolean;
}

/** The inspector roster with declared conflicts of interest (回避). */
export function useRoster() {
  const base = '/enforcement/inspectors';
  const list = useWholeList({
    initialFilters: () => ({}),
    fetchAll: async (_, signal) => (await api.get<{ items: InspectorView[] }>(base, {}, { signal })).items,
  });

  return {
    ...list,
    save: (form: InspectorForm, id?: string) =>
      id ? api.patch<InspectorView>(`${base}/${id}`, form) : api.post<InspectorView>(base, form),
    declareConflict: (id: string, enterpriseId: string, relation: string) =>
      api.post(`${base}/${id}/conflicts`, { enterpriseId, relation }),
    withdrawConflict: (id: string, conflictId: string) => api.delete(`${base}/${id}/conflicts/${conflictId}`),
  };
}

/** Enforcement categories of enterprises (重点 / 一般 / …). */
export function useCategories() {
  const base = '/enforcement/categories';
  const list = useWholeList({
    initialFilters: () => ({}),
    fetchAll: async (_, signal) =>
      (await api.get<{ items: EnforcementCategory[] }>(base, {}, { signal })).items,
  });
  return {
    ...list,
    create: (category: EnforcementCategory) =>
      api.post<EnforcementCategory>(base, { ...category, description: category.description ?? undefined }),
    update: ({ code, ...rest }: EnforcementCategory) =>
      api.patch<EnforcementCategory>(`${base}/${encodeURIComponent(code)}`, {
        ...rest,
        description: rest.description ?? undefined,
      }),
    assign: (enterpriseId: string, categoryCode: string) =>
      api.put(`/enforcement/enterprises/${enterpriseId}/category`, { categoryCode }),
  };
}
