import { ref, watch, type Ref } from 'vue';
import type { Page, Policy } from '@anjian/domain';
import { api } from '../../lib/api.ts';

export interface Choice {
  value: string;
  label: string;
}

/** The last five years, the current one first (the claims' and services' year filters). */
export const recentYears = (now = new Date()) =>
  Array.from({ length: 5 }, (_, i) => String(now.getFullYear() - i));

/**
 * What a claim or a service of an enterprise can name: its policies, and (given `extra`) its
 * incidents or open hazards. Read again whenever the enterprise chosen in the form changes.
 */
export function useInsuranceChoices(
  enterpriseId: () => string,
  extra: (enterpriseId: string) => Promise<Choice[]>,
) {
  const policies: Ref<Choice[]> = ref([]);
  const others: Ref<Choice[]> = ref([]);
  watch(enterpriseId, async (id) => {
    policies.value = [];
    others.value = [];
    if (!id) return;
    const [page, more] = await Promise.all([
      api.get<Page<Policy>>('/obligations/policies', { enterpriseId: id, pageSize: 100 }),
      extra(id).catch(() => [] as Choice[]),
    ]);
    policies.value = page.items.map((p) => ({
      value: p.id,
      label: `${p.insurer} ${p.policyNumber}（${p.startsOn} ~ ${p.endsOn}）`,
    }));
    others.value = more;
  });
  return { policies, others };
}
