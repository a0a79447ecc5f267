import { ref, shallowRef } from 'vue';
import type { RiskOverview, RiskOverviewEnterprise, RiskOverviewQuery } from '@anjian/domain';
import { api } from '../../../lib/api.ts';

export { overviewQuery } from '../lib/risk-overview-query.ts';

/** The city/county risk view of GET /api/v1/risk/enterprises and its Excel export. */
export function useRiskOverview() {
  const items = shallowRef<RiskOverviewEnterprise[]>([]);
  const counts = ref<RiskOverview['counts']>({ l1: 0, l2: 0, l3: 0, l4: 0 });
  const loading = ref(false);

  async function load(query: Partial<RiskOverviewQuery>): Promise<void> {
    loading.value = true;
    try {
      const answer = await api.get<RiskOverview>('/risk/enterprises', query);
      items.value = answer.items;
      counts.value = answer.counts;
    } finally {
      loading.value = false;
    }
  }

  const exportLedger = (query: Partial<RiskOverviewQuery>) =>
    api.download('/risk/enterprises/export', query, 'enterprise-risk.xlsx');

  return { items, counts, loading, load, exportLedger };
}
