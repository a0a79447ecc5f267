import {
  clearanceFitsPermissions,
  DomainError,
  isPermission,
  permissionKind,
  type Role,
  type RoleCreate,
  type RoleUpdate,
} from '@anjian/domain';
import type { Clock } from '../../platform/clock.ts';
import type { RolesRepository } from './roles.repository.ts';

/** A business role holds only business permissions: administrators never read business data (三员分立). */
function checkPermissions(permissions: readonly string[]): void {
  for (const permission of permissions) {
    if (!isPermission(permission))
      throw new DomainError('role.unknown_permission', { details: { permission } });
    if (permissionKind(permission) !== 'business') throw new DomainError('role.permission_mix');
  }
}

export function createRolesService({ roles, clock }: { roles: RolesRepository; clock: Clock }) {
  return {
    async list(): Promise<Role[]> {
      return roles.list();
    },

    async create(input: RoleCreate): Promise<Role> {
      checkPermissions(input.permissions);
      if (!clearanceFitsPermissions(input.clearance, input.permissions))
        throw new DomainError('role.clearance_not_allowed');
      if (await roles.find(input.code)) throw new DomainError('role.code_taken');
      await roles.insert(input, clock.now());
      return (await roles.find(input.code))!;
    },

    async update(code: string, input: RoleUpdate): Promise<Role> {
      const existing = await roles.find(code);
      if (!existing) throw new DomainError('role.not_found');
      if (input.permissions || (input.totpRequired === false && existing.adminKind)) {
        // The three administrators' grants and second factor are fixed.
        if (existing.adminKind) throw new DomainError('role.builtin_protected');
        if (input.permissions) checkPermissions(input.permissions);
      }
      // The administrators' clearance is fixed like their grants; 举报身份 needs the custodian's permission.
      if (input.clearance && input.clearance !== existing.clearance && existing.adminKind)
        throw new DomainError('role.builtin_protected');
      const clearance = input.clearance ?? existing.clearance;
      if (!clearanceFitsPermissions(clearance, input.permissions ?? existing.permissions))
        throw new DomainError('role.clearance_not_allowed');
      await roles.update(code, input, clock.now());
      return (await roles.find(code))!;
    },

    async remove(code: string): Promise<void> {
      const existing = await roles.find(code);
      if (!existing) throw new DomainError('role.not_found');
      if (existing.builtin) throw new DomainError('role.builtin_protected');
      if (existing.userCount > 0) throw new DomainError('role.in_use');
      await roles.remove(code);
    },
  };
}

export type RolesService = ReturnType<typeof createRolesService>;
