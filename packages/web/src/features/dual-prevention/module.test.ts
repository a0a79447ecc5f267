import { describe, expect, it } from 'vitest';
import { builtinRoles } from '@anjian/domain';
import { visibleMenu } from '../../menu/menu.ts';
import { dualPreventionMenu, dualPreventionPhoneLanding } from './module.ts';

function entriesOf(roleCode: string): string[] {
  const held = new Set<string>(builtinRoles.find((role) => role.code === roleCode)?.permissions ?? []);
  const visible = visibleMenu(dualPreventionMenu, (permission) => {
    if (permission === undefined) return true;
    const wanted: readonly string[] = typeof permission === 'string' ? [permission] : permission;
    return wanted.some((p) => held.has(p));
  });
  return visible.flatMap((group) => (group.children ?? [group]).map((entry) => entry.key));
}

describe('dual prevention menu', () => {
  it('shows the ledger, statistics and risk pages to readers, 挂牌督办 to supervisors, the phone pages to reporters', () => {
    expect(entriesOf('county_officer')).toEqual([
      'dp-hazard-ledger',
      'dp-supervision',
      'dp-statistics',
      'dp-risk-register',
      'dp-risk-overview',
      'dp-risk-map',
    ]);
    expect(entriesOf('enterprise_manager')).toEqual([
      'dp-hazard-ledger',
      'dp-statistics',
      'dp-risk-register',
      'dp-risk-overview',
      'dp-risk-map',
      'dp-m-home',
      'dp-m-tasks',
      'dp-m-report',
      'dp-m-hazards',
    ]);
    expect(entriesOf('expert')).toEqual([
      'dp-hazard-ledger',
      'dp-statistics',
      'dp-risk-register',
      'dp-risk-overview',
      'dp-risk-map',
    ]);
  });

  it('shows nothing to the three administrators', () => {
    expect(entriesOf('sysadmin')).toEqual([]);
    expect(entriesOf('secadmin')).toEqual([]);
    expect(entriesOf('auditadmin')).toEqual([]);
  });

  it('lands an enterprise reporter on the phone start page on a phone only', () => {
    const manager = {
      scope: { kind: 'enterprise', enterpriseId: '6f1c0b8e-6a43-4a55-9d1e-0d2f2b8b8a01', county: '530403' },
      permissions: ['hazard:read', 'hazard:report'],
    } as const;
    expect(dualPreventionPhoneLanding(manager, true)).toEqual({ name: 'm-home' });
    expect(dualPreventionPhoneLanding(manager, false)).toBeNull();
    expect(
      dualPreventionPhoneLanding({ scope: { kind: 'city' }, permissions: ['hazard:report'] }, true),
    ).toBeNull();
    expect(dualPreventionPhoneLanding(null, true)).toBeNull();
  });
});
