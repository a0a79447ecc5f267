import { useI18n } from 'vue-i18n';
import { useRouter } from 'vue-router';
import { useSessionStore } from '../stores/session.ts';
import { useFeedback } from './use-feedback.ts';
import { useFormat } from './use-format.ts';

/**
 * What nearly every page starts with, in one call: the UI's messages (`t`), formatting (`fmt`), the
 * signed-in user (`session`), the router, and feedback (notifyError, notifySuccess, confirm …).
 */
export function usePage() {
  const { t } = useI18n();
  return { t, fmt: useFormat(), session: useSessionStore(), router: useRouter(), ...useFeedback() };
}
