import { describe, expect, it } from 'vitest';
import { builtinRoles } from './builtin-roles.ts';
import { scopeFitsRoles, scopeKindsFor, type RoleForScope } from './role-scope-fit.ts';

const role = (code: string): RoleForScope => {
  const found = builtinRoles.find((r) => r.code === code)!;
  return { code, adminKind: found.adminKind, permissions: found.permissions };
};
const custom = (permissions: string[]): RoleForScope => ({ code: 'r_custom', adminKind: null, permissions });

describe('role and scope fit', () => {
  it.each([
    ['city_officer', ['city']],
    ['county_officer', ['county']],
    ['enterprise_manager', ['enterprise']],
    ['sysadmin', ['city', 'county']],
    ['inspector', ['city', 'county']],
    ['expert', ['city', 'county']],
  ])('%s fits %o', (code, kinds) => {
    expect(scopeKindsFor([role(code)])).toEqual(kinds);
  });

  it('refuses a city officer with an enterprise scope', () => {
    const scope = {
      kind: 'enterprise' as const,
      enterpriseId: '0b8c5a3e-6d1f-4c2a-9e7b-3f5d8a1c2e4b',
      county: '530403',
    };
    expect(scopeFitsRoles(scope, [role('city_officer')])).toBe(false);
    expect(scopeFitsRoles(scope, [role('enterprise_manager')])).toBe(true);
  });

  it('judges custom roles by their permissions', () => {
    expect(scopeKindsFor([custom(['hazard:read', 'hazard:report'])])).toEqual(['enterprise']);
    expect(scopeKindsFor([custom(['hazard:read', 'hazard:supervise'])])).toEqual(['city', 'county']);
    expect(scopeKindsFor([custom(['hazard:read'])])).toEqual(['city', 'county', 'enterprise']);
    expect(scopeKindsFor([custom(['hazard:report', 'hazard:supervise'])])).toEqual([]);
  });

  it('needs a scope every role fits', () => {
    expect(scopeKindsFor([role('county_officer'), role('inspector')])).toEqual(['county']);
    expect(scopeKindsFor([role('city_officer'), role('county_officer')])).toEqual([]);
  });
});
