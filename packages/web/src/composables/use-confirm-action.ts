import { useFeedback } from './use-feedback.ts';

export interface ConfirmActionOptions {
  /** A destructive action (删除、停用): the warning style. */
  danger?: boolean;
  /** Shown when done (操作成功 when absent). */
  success?: string;
  /** Runs after the action, e.g. reloading the list. */
  then?: () => Promise<unknown> | void;
}

/** Asks, then acts: nothing happens when the user cancels; an error shows the server's message. */
export function useConfirmAction() {
  const { confirm, notifyError, notifySuccess } = useFeedback();

  async function confirmAndRun(
    message: string,
    action: () => Promise<unknown>,
    options: ConfirmActionOptions = {},
  ): Promise<boolean> {
    if (!(await confirm(message, options.danger ?? false))) return false;
    try {
      await action();
      notifySuccess(options.success);
      await options.then?.();
      return true;
    } catch (error) {
      notifyError(error);
      return false;
    }
  }

  return { confirmAndRun };
}
