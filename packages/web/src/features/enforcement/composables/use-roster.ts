import { ref } from 'vue';
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
  const items = ref<InspectorView[]>([]);
  const loading = ref(false);
  const base = '/enforcement/inspectors';

  async function load(): Promise<void> {
    loading.value = true;
    try {
      items.value = (await api.get<{ items: InspectorView[] }>(base)).items;
    } finally {
      loading.value = false;
    }
  }

  return {
    items,
    loading,
    load,
    save: (form: InspectorForm, id?: string) =>
      id ? api.patch<InspectorView>(`${base}/${id}`, form) : api.post<InspectorView>(base, form),
    declareConflict: (id: string, enterpriseId: string, relation: string) =>
      api.post(`${base}/${id}/conflicts`, { enterpriseId, relation }),
    withdrawConflict: (id: string, conflictId: string) => api.delete(`${base}/${id}/conflicts/${conflictId}`),
  };
}

/** Enforcement categories of enterprises (重点 / 一般 / …). */
export function useCategories() {
  const items = ref<EnforcementCategory[]>([]);
  const base = '/enforcement/categories';
  return {
    items,
    load: async () => {
      items.value = (await api.get<{ items: EnforcementCategory[] }>(base)).items;
    },
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
