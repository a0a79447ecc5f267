import { ref } from 'vue';
import type { CreditListingActionName, CreditListingStatus } from '@anjian/domain';
import { api } from '../../../lib/api.ts';
import type { DeadlineRow } from '../components/StatutoryDeadlines.vue';

/** A listing as /api/v1/enforcement/credit/listings answers it. */
export interface CreditListingView {
  readonly id: string;
  readonly enterpriseId: string;
  readonly enterpriseName: string;
  readonly creditCode: string;
  readonly county: string;
  readonly caseId: string;
  readonly status: CreditListingStatus;
  readonly statusName: { zh: string; en: string };
  readonly grounds: { code: string; zh: string; en: string }[];
  readonly listed: boolean;
  readonly deadlines: DeadlineRow[];
  readonly actions: CreditListingActionName[];
  readonly createdAt: string;
}

const base = '/enforcement/credit/listings';

/** The serious-dishonesty list (失信) and its steps. */
export function useCreditList() {
  const items = ref<CreditListingView[]>([]);
  const total = ref(0);
  const loading = ref(false);

  async function load(status?: CreditListingStatus): Promise<void> {
    loading.value = true;
    try {
      const answer = await api.get<{ items: CreditListingView[]; total?: number }>(base, {
        status,
        pageSize: 100,
      });
      items.value = answer.items;
      total.value = answer.total ?? answer.items.length;
    } finally {
      loading.value = false;
    }
  }

  return {
    items,
    total,
    loading,
    load,
    act: (id: string, body: Record<string, unknown>) =>
      api.post<CreditListingView>(`${base}/${id}/actions`, body),
  };
}
