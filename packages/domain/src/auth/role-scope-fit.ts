import { builtinRoles } from './builtin-roles.ts';
import type { DataScope } from './data-scope.ts';

/**
 * Which data scopes an account's roles fit (issue 19, defect 8): a role of the city bureau works on
 * the whole city, a county role on counties, an enterprise role on one enterprise. A city officer
 * with an enterprise scope (or an enterprise manager with the city's) is a mistake that would give
 * the account the wrong menus and the wrong data, so it is refused rather than stored.
 *
 * Built-in roles carry their scope kinds (builtin-roles.ts). A custom role is judged by its permissions: one that reports
 * or rectifies hidden hazards or maintains its own risk register (`hazard:report`, `risk:write`)
 * is an enterprise role; one that supervises, inspects, publishes or administers is a bureau role
 * (city or county); any other fits every scope.
 */
export type ScopeKind = DataScope['kind'];

export interface RoleForScope {
  readonly code: string;
  readonly adminKind: string | null;
  readonly permissions: readonly string[];
}

const ALL: readonly ScopeKind[] = ['city', 'county', 'enterprise'];
const BUREAU: readonly ScopeKind[] = ['city', 'county'];

const builtinFits: ReadonlyMap<string, readonly ScopeKind[]> = new Map(
  builtinRoles.map((role) => [role.code, role.scopeKinds]),
);

const ENTERPRISE_PERMISSIONS = new Set(['hazard:report', 'risk:write']);
const BUREAU_PERMISSIONS = new Set([
  'hazard:supervise',
  'enforcement:write',
  'registry:write',
  'registry:configure',
  'warning:write',
  'warning:approve',
  'emergency:write',
  'stats:read',
  'pi:view',
  'whistle:handle',
  'whistle:reward',
  'whistle:identity',
]);

function fitsOf(role: RoleForScope): readonly ScopeKind[] {
  const builtin = builtinFits.get(role.code);
  if (builtin) return builtin;
  if (role.adminKind !== null) return BUREAU;
  const enterprise = role.permissions.some((p) => ENTERPRISE_PERMISSIONS.has(p));
  const bureau = role.permissions.some((p) => BUREAU_PERMISSIONS.has(p));
  if (enterprise && bureau) return [];
  if (enterprise) return ['enterprise'];
  if (bureau) return BUREAU;
  return ALL;
}

/** The scope kinds every one of the roles fits (empty: the roles cannot share an account). */
export function scopeKindsFor(roles: readonly RoleForScope[]): ScopeKind[] {
  return ALL.filter((kind) => roles.every((role) => fitsOf(role).includes(kind)));
}

export function scopeFitsRoles(scope: DataScope, roles: readonly RoleForScope[]): boolean {
  return scopeKindsFor(roles).includes(scope.kind);
}
