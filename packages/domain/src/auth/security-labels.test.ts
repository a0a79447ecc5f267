import { describe, expect, it } from 'vitest';
import { builtinRoles } from './builtin-roles.ts';
import {
  clearanceFitsPermissions,
  clearanceOf,
  mayRead,
  readableLabels,
  securityLabels,
  type SecurityLabel,
} from './security-labels.ts';

describe('security labels', () => {
  it('are ordered public < internal < sensitive < whistle_identity', () => {
    expect(securityLabels).toEqual(['public', 'internal', 'sensitive', 'whistle_identity']);
  });

  // Each row: clearance, then whether it reads public, internal, sensitive, whistle_identity.
  it.each<[SecurityLabel, boolean, boolean, boolean, boolean]>([
    ['public', true, false, false, false],
    ['internal', true, true, false, false],
    ['sensitive', true, true, true, false],
    ['whistle_identity', true, true, true, true],
  ])('a %s clearance reads %s / %s / %s / %s', (clearance, ...expected) => {
    expect(securityLabels.map((label) => mayRead(clearance, label))).toEqual(expected);
    expect(readableLabels(clearance)).toEqual(securityLabels.filter((_, i) => expected[i]));
  });

  it.each<[SecurityLabel[], SecurityLabel]>([
    [[], 'public'],
    [['internal'], 'internal'],
    [['internal', 'sensitive', 'public'], 'sensitive'],
    [['whistle_identity', 'internal'], 'whistle_identity'],
  ])('an account holding %o is cleared for %s', (roles, expected) => {
    expect(clearanceOf(roles)).toBe(expected);
  });

  it('clears only the custodian for 举报身份', () => {
    expect(clearanceFitsPermissions('whistle_identity', ['whistle:identity'])).toBe(true);
    expect(clearanceFitsPermissions('whistle_identity', ['whistle:handle', 'hazard:read'])).toBe(false);
    expect(clearanceFitsPermissions('sensitive', [])).toBe(true);
    const cleared = builtinRoles.filter((role) => role.clearance === 'whistle_identity').map((r) => r.code);
    expect(cleared).toEqual(['whistle_custodian']);
    for (const role of builtinRoles)
      expect(clearanceFitsPermissions(role.clearance, role.permissions)).toBe(true);
  });

  it('gives the built-in roles their clearances', () => {
    const of = (code: string) => builtinRoles.find((role) => role.code === code)!.clearance;
    expect([of('city_officer'), of('county_officer'), of('inspector'), of('expert'), of('sysadmin')]).toEqual(
      ['sensitive', 'sensitive', 'internal', 'internal', 'public'],
    );
  });
});
