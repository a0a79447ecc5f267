import { ElMessage, ElMessageBox } from 'element-plus';
import { useI18n } from 'vue-i18n';
import { ApiError } from '../lib/api.ts';

/** Messages and confirmations in the UI language; server errors show the server's localised message. */
export function useFeedback() {
  const { t } = useI18n();

  function notifyError(error: unknown): void {
    // A 401 already sends the user to the login page with its own message.
    if (error instanceof ApiError && error.code === 'auth.unauthenticated') return;
    const message = error instanceof ApiError ? error.message : t('errors.unknown');
    ElMessage({ type: 'error', message, grouping: true });
    if (!(error instanceof ApiError)) console.error(error);
  }

  /** A message the UI itself wrote (already in the UI language): a check in the browser that failed. */
  function notifyProblem(message: string): void {
    ElMessage({ type: 'error', message, grouping: true });
  }

  function notifySuccess(message?: string): void {
    ElMessage({ type: 'success', message: message ?? t('common.success') });
  }

  /** Something the user must know that did not stop the work (a part of it failed). Stays until closed. */
  function notifyWarning(message: string): void {
    ElMessage({ type: 'warning', message, duration: 0, showClose: true });
  }

  /** Resolves true when the user confirms. */
  async function confirm(message: string, danger = false): Promise<boolean> {
    try {
      await ElMessageBox.confirm(message, t('common.prompt'), {
        type: danger ? 'warning' : 'info',
        confirmButtonText: t('common.confirm'),
        cancelButtonText: t('common.cancel'),
      });
      return true;
    } catch {
      return false;
    }
  }

  /** Asks for an optional text (e.g. a reason); null when cancelled. */
  async function promptText(message: string, label: string): Promise<string | null> {
    try {
      const { value } = await ElMessageBox.prompt(label, message, {
        type: 'warning',
        confirmButtonText: t('common.confirm'),
        cancelButtonText: t('common.cancel'),
        inputValidator: (v: string) => (v ?? '').length <= 256,
        inputErrorMessage: t('common.tooLong', { n: 256 }),
      });
      return (value ?? '').trim();
    } catch {
      return null;
    }
  }

  return { notifyError, notifyProblem, notifySuccess, notifyWarning, confirm, promptText };
}
