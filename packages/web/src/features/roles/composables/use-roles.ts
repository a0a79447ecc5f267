import { ref } from 'vue';
import type { PermissionDefinition, Role, RoleCreate, RoleUpdate } from '@anjian/domain';
import { useWholeList } from '../../../composables/use-whole-list.ts';
import { api } from '../../../lib/api.ts';
import { sortRoles } from '../../../lib/roles.ts';

/** Roles (GET /roles: role:read or user:write) and the permission catalogue (GET /permissions: role:read). */
export function useRoles() {
  const roles = ref<Role[]>([]);
  const permissions = ref<PermissionDefinition[]>([]);
  const loading = ref(false);

  async function loadRoles(): Promise<void> {
    loading.value = true;
    try {
      roles.value = sortRoles((await api.get<{ items: Role[] }>('/roles')).items);
    } finally {
      loading.value = false;
    }
  }

  async function loadPermissions(): Promise<void> {
    permissions.value = (await api.get<{ items: PermissionDefinition[] }>('/permissions')).items;
  }

  const createRole = (input: RoleCreate) => api.post<Role>('/roles', input);
  const updateRole = (code: string, input: RoleUpdate) =>
    api.patch<Role>(`/roles/${encodeURIComponent(code)}`, input);
  const deleteRole = (code: string) => api.delete(`/roles/${encodeURIComponent(code)}`);

  return { roles, permissions, loading, loadRoles, loadPermissions, createRole, updateRole, deleteRole };
}

/** The roles as a whole list for the list kit (ListPage), in the usual role order. */
export function useRoleList() {
  return useWholeList({
    initialFilters: () => ({}),
    fetchAll: async (_, signal) =>
      sortRoles((await api.get<{ items: Role[] }>('/roles', {}, { signal })).items),
  });
}
