import { reactive, ref } from 'vue';
import type { Page, User, UserCreate, UserStatus, UserUpdate } from '@anjian/domain';
import { api } from '../../../lib/api.ts';

export interface UserFilters {
  q: string;
  role: string;
  status: '' | UserStatus;
  county: string;
}

/** What the create/edit dialog hands back to the page. */
export type UserFormResult =
  { mode: 'create'; input: UserCreate } | { mode: 'edit'; id: string; input: UserUpdate };

const emptyFilters = (): UserFilters => ({ q: '', role: '', status: '', county: '' });

/** The user list with its filters and paging, and the administrator's actions on one user. */
export function useUsers() {
  const filters = reactive<UserFilters>(emptyFilters());
  const page = ref(1);
  const pageSize = ref(20);
  const total = ref(0);
  const items = ref<User[]>([]);
  const loading = ref(false);

  async function load(): Promise<void> {
    loading.value = true;
    try {
      const answer = await api.get<Page<User>>('/users', {
        page: page.value,
        pageSize: pageSize.value,
        q: filters.q.trim(),
        role: filters.role,
        status: filters.status,
        county: filters.county,
      });
      items.value = answer.items;
      total.value = answer.total;
    } finally {
      loading.value = false;
    }
  }

  function search(): Promise<void> {
    page.value = 1;
    return load();
  }

  function resetFilters(): Promise<void> {
    Object.assign(filters, emptyFilters());
    return search();
  }

  const path = (id: string, action = '') => `/users/${encodeURIComponent(id)}${action}`;

  return {
    filters,
    page,
    pageSize,
    total,
    items,
    loading,
    load,
    search,
    resetFilters,
    create: (input: UserCreate) => api.post<{ user: User; initialPassword: string }>('/users', input),
    update: (id: string, input: UserUpdate) => api.patch<User>(path(id), input),
    setStatus: (id: string, status: UserStatus, reason?: string) =>
      api.post<User>(path(id, '/status'), reason ? { status, reason } : { status }),
    resetPassword: (id: string) => api.post<{ initialPassword: string }>(path(id, '/reset-password')),
    resetTotp: (id: string) => api.post(path(id, '/reset-totp')),
    unlock: (id: string) => api.post(path(id, '/unlock')),
    endSessions: (id: string) => api.post<{ ended: number }>(path(id, '/end-sessions')),
  };
}
