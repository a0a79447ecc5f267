import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import type { User } from '@anjian/domain';
import { useFeedback } from '../../../composables/use-feedback.ts';
import type { useUsers } from './use-users.ts';

export type UserCommand = 'enable' | 'disable' | 'resetPassword' | 'resetTotp' | 'unlock' | 'endSessions';

/** Confirms, runs one administrator action on a user, reports the outcome and reloads the list. */
export function useUserActions(users: ReturnType<typeof useUsers>) {
  const { t } = useI18n();
  const { confirm, promptText, notifySuccess, notifyError } = useFeedback();
  /** Set when an action hands out a one-time password (reset password). */
  const issued = ref<{ name: string; password: string } | null>(null);

  async function run(command: UserCommand, user: User): Promise<void> {
    const name = user.displayName;
    try {
      switch (command) {
        case 'disable': {
          const reason = await promptText(t('users.confirmDisable', { name }), t('users.disableReason'));
          if (reason === null) return;
          await users.setStatus(user.id, 'disabled', reason || undefined);
          notifySuccess();
          break;
        }
        case 'enable':
          if (!(await confirm(t('users.confirmEnable', { name })))) return;
          await users.setStatus(user.id, 'active');
          notifySuccess();
          break;
        case 'resetPassword': {
          if (!(await confirm(t('users.confirmResetPassword', { name }), true))) return;
          const { initialPassword } = await users.resetPassword(user.id);
          issued.value = { name, password: initialPassword };
          break;
        }
        case 'resetTotp':
          if (!(await confirm(t('users.confirmResetTotp', { name }), true))) return;
          await users.resetTotp(user.id);
          notifySuccess();
          break;
        case 'unlock':
          if (!(await confirm(t('users.confirmUnlock', { name })))) return;
          await users.unlock(user.id);
          notifySuccess();
          break;
        case 'endSessions': {
          if (!(await confirm(t('users.confirmEndSessions', { name }), true))) return;
          const { ended } = await users.endSessions(user.id);
          notifySuccess(t('users.endedSessions', { n: ended }));
          break;
        }
      }
      await users.load();
    } catch (e) {
      notifyError(e);
    }
  }

  return { run, issued };
}
