import { ref } from 'vue';
import { useFeedback } from './use-feedback.ts';

/**
 * A toolbar button's action (导出, 校验 …): `busy` while it runs (the button's loading), its result
 * handed to `done`, an error shown with the server's message, never thrown.
 */
export function useBusyAction<R>(action: () => Promise<R>, done?: (result: R) => void) {
  const { notifyError } = useFeedback();
  const busy = ref(false);

  async function run(): Promise<void> {
    busy.value = true;
    try {
      done?.(await action());
    } catch (error) {
      notifyError(error);
    } finally {
      busy.value = false;
    }
  }

  return { busy, run };
}
