import { ref } from 'vue';
import { api } from '../../../lib/api.ts';

export interface PlanTarget {
  categoryCode: string;
  county: string;
  count: number;
}

export interface PlanView {
  readonly id: string;
  readonly county: string;
  readonly kind: 'annual' | 'monthly';
  readonly year: number;
  readonly month: number | null;
  readonly title: string;
  readonly targets: PlanTarget[];
  readonly targetTotal: number;
  readonly focus: { enterpriseId: string; reason: string }[];
  readonly demo: boolean;
}

export interface PlanInput {
  county: string;
  kind: 'annual' | 'monthly';
  year: number;
  month?: number;
  title: string;
  targets: PlanTarget[];
  focus: { enterpriseId: string; reason: string }[];
}

/** GET /enforcement/plans/:id/progress: completed inspections against the plan (三级巡查). */
export interface PlanProgress {
  readonly targets: (PlanTarget & {
    target: number;
    completed: number;
    remaining: number;
    percent: number | null;
  })[];
  readonly total: { target: number; completed: number; percent: number | null };
  readonly byMonth: { month: number; completed: number }[];
  readonly uncategorised: number;
  readonly focus: {
    enterpriseId: string;
    reason: string;
    inspected: boolean;
    lastCompletedAt: string | null;
  }[];
  readonly asOf: string;
}

const base = '/enforcement/plans';

export function usePlans() {
  const items = ref<PlanView[]>([]);
  const loading = ref(false);

  async function load(filter: { year?: number; kind?: string } = {}): Promise<void> {
    loading.value = true;
    try {
      items.value = (await api.get<{ items: PlanView[] }>(base, filter)).items;
    } finally {
      loading.value = false;
    }
  }

  return {
    items,
    loading,
    load,
    save: (input: PlanInput, id?: string) =>
      id ? api.put<PlanView>(`${base}/${id}`, input) : api.post<PlanView>(base, input),
    progress: (id: string) => api.get<PlanProgress>(`${base}/${id}/progress`),
  };
}
