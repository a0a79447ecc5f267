import { computed, ref } from 'vue';
import { useRoute } from 'vue-router';
import { useSessionStore } from '../../../stores/session.ts';

/**
 * The enterprise whose risk register a page shows: the user's own, or the one picked — first the
 * one the address names (`?enterpriseId=`, as the city risk view links to it).
 */
export function useRiskEnterprise() {
  const session = useSessionStore();
  const named = useRoute().query.enterpriseId;
  const own = computed(() =>
    session.user?.scope.kind === 'enterprise' ? session.user.scope.enterpriseId : '',
  );
  const picked = ref(typeof named === 'string' && /^[0-9a-f-]{36}$/.test(named) ? named : '');
  const enterpriseId = computed({
    get: () => own.value || picked.value,
    set: (id: string) => {
      picked.value = id;
    },
  });
  return { enterpriseId, fixed: computed(() => Boolean(own.value)) };
}
