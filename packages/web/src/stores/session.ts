import { computed, ref } from 'vue';
import { defineStore } from 'pinia';
import type { SessionState, TotpSetupResponse } from '@anjian/domain';
import { api, ApiError, type PendingStep } from '../lib/api.ts';

export interface Credentials {
  username: string;
  password: string;
  totp?: string;
  /** The captcha answered, when the server asked for one. */
  captchaId?: string;
  captchaAnswer?: string;
}

/**
 * Who is signed in, held in memory only: the session itself is an HttpOnly cookie and the CSRF
 * token comes back from /auth/me after a reload, so nothing sensitive is written to storage.
 */
export const useSessionStore = defineStore('session', () => {
  const state = ref<SessionState | null>(null);
  const loaded = ref(false);

  const user = computed(() => state.value?.user ?? null);
  const signedIn = computed(() => state.value !== null);
  const permissions = computed(() => new Set(state.value?.user.permissions ?? []));
  const pendingStep = computed<PendingStep | null>(() => {
    if (!state.value) return null;
    if (state.value.mustChangePassword) return 'password';
    if (state.value.mustEnrolTotp) return 'totp';
    return null;
  });

  function can(permission: string | readonly string[] | undefined): boolean {
    if (permission === undefined) return true;
    const wanted = typeof permission === 'string' ? [permission] : permission;
    return wanted.some((p) => permissions.value.has(p));
  }

  /** Reads the session behind the cookie; no session is not an error here. */
  async function load(): Promise<void> {
    try {
      state.value = await api.get<SessionState>('/auth/me', undefined, { expectUnauthenticated: true });
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401) throw error;
      state.value = null;
    } finally {
      loaded.value = true;
    }
  }

  async function login(credentials: Credentials): Promise<SessionState> {
    state.value = await api.post<SessionState>('/auth/login', credentials, { expectUnauthenticated: true });
    loaded.value = true;
    return state.value;
  }

  async function logout(): Promise<void> {
    try {
      await api.post('/auth/logout', undefined, { expectUnauthenticated: true });
    } finally {
      clear();
    }
  }

  async function changePassword(current: string, next: string): Promise<void> {
    await api.post('/auth/password', { current, next });
    await load();
  }

  function startTotp(): Promise<TotpSetupResponse> {
    return api.post<TotpSetupResponse>('/auth/totp/setup');
  }

  async function confirmTotp(code: string): Promise<void> {
    await api.post('/auth/totp/confirm', { code });
    await load();
  }

  function clear(): void {
    state.value = null;
  }

  return {
    state,
    loaded,
    user,
    signedIn,
    permissions,
    pendingStep,
    can,
    load,
    login,
    logout,
    changePassword,
    startTotp,
    confirmTotp,
    clear,
  };
});
