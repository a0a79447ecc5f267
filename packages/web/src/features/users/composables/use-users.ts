import { computed } from 'vue';
import type { Page, User, UserCreate, UserStatus, UserUpdate } from '@anjian/domain';
import { usePagedList } from '../../../composables/use-paged-list.ts';
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
const userQuery = (f: UserFilters) => ({ q: f.q.trim(), role: f.role, status: f.status, county: f.county });

/** The user list with its filters and paging, and the administrator's actions on one user. */
export function useUsers() {
  const list = usePagedList<UserFilters, User>({
    initialFilters: emptyFilters,
    fetch: ({ filters, page, pageSize, signal }) =>
      api.get<Page<User>>('/users', { ...userQuery(filters), page, pageSize }, { signal }),
  });
  const exportQuery = computed(() => userQuery(list.filters));

  const path = (id: string, action = '') => `/users/${encodeURIComponent(id)}${action}`;

  return {
    ...list,
    exportQuery,
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
