import { onBeforeUnmount, onMounted } from 'vue';
import { api, lastApiAnswerAt } from '../lib/api.ts';
import { useSessionStore } from '../stores/session.ts';

const CHECK_EVERY_MS = 20_000;

/**
 * The server ends a session after its idle limit. Once that much time has passed without a call,
 * ask the server: a 401 takes the user to the login page with a message (see main.ts), so an idle
 * screen does not keep showing data after the session is gone.
 */
export function useIdleWatch() {
  const session = useSessionStore();
  let timer: ReturnType<typeof setInterval> | undefined;

  async function check(): Promise<void> {
    const idleSeconds = session.state?.idleTimeoutSeconds;
    if (!idleSeconds) return;
    if (Date.now() - lastApiAnswerAt() < idleSeconds * 1000 + 2000) return;
    try {
      await api.get('/auth/me');
    } catch {
      // A 401 is handled globally; other failures wait for the next check.
    }
  }

  onMounted(() => {
    timer = setInterval(() => void check(), CHECK_EVERY_MS);
  });
  onBeforeUnmount(() => clearInterval(timer));
}
