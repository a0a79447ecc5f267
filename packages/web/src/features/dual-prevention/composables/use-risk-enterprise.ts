import { computed, ref } from 'vue';
import { useSessionStore } from '../../../stores/session.ts';

/** The enterprise whose risk register a page shows: the user's own, or the one picked. */
export function useRiskEnterprise() {
  const session = useSessionStore();
  const own = computed(() =>
    session.user?.scope.kind === 'enterprise' ? session.user.scope.enterpriseId : '',
  );
  const picked = ref('');
  const enterpriseId = computed({
    get: () => own.value || picked.value,
    set: (id: string) => {
      picked.value = id;
    },
  });
  return { enterpriseId, fixed: computed(() => Boolean(own.value)) };
}
