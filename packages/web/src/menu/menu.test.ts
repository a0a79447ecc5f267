import { describe, expect, it } from 'vitest';
import { builtinRoles } from '@anjian/domain';
import { firstMenuPath, menu, menuTrail, visibleMenu, type MenuEntry } from './menu.ts';

function menuOf(roleCode: string): MenuEntry[] {
  const held = new Set<string>(builtinRoles.find((role) => role.code === roleCode)?.permissions ?? []);
  return visibleMenu(menu, (permission) => {
    if (permission === undefined) return true;
    const wanted: readonly string[] = typeof permission === 'string' ? [permission] : permission;
    return wanted.some((p) => held.has(p));
  });
}

// Every business role sees the registry; the bureau roles also see the areas' ledgers and tools.
const shared = ['workbench', 'cockpit', 'one-map', 'registry'];
// The obligations registers (people, insurance, licences, 三同时) read with registry:read.
const bureau = [...shared, 'dp-hazards', 'dp-risk', 'monitoring', 'enforcement', 'obligations'];

describe('menu', () => {
  it.each([
    ['sysadmin', ['system'], '/admin/users'],
    ['secadmin', ['security'], '/admin/roles'],
    ['auditadmin', ['audit'], '/admin/audit'],
    [
      'city_officer',
      [...bureau, 'statistics', 'emergency-command', 'emergency-libraries', 'warnings', 'whistleblowing'],
      '/workbench',
    ],
    [
      'county_officer',
      [...bureau, 'statistics', 'emergency-command', 'emergency-libraries', 'warnings', 'whistleblowing'],
      '/workbench',
    ],
    ['industry_officer', [...bureau, 'statistics'], '/workbench'],
    ['inspector', bureau, '/workbench'],
    ['safety_office', ['plan'], '/plan/assignments'],
    ['department_officer', ['plan'], '/plan/assignments'],
    [
      'enterprise_manager',
      [...shared, 'dp-hazards', 'dp-risk', 'dp-phone', 'monitoring', 'obligations'],
      '/workbench',
    ],
  ])('%s sees %j and starts at %s', (role, keys, landing) => {
    const visible = menuOf(role);
    expect(visible.map((entry) => entry.key)).toEqual(keys);
    expect(firstMenuPath(visible)).toBe(landing);
  });

  it('offers the registry configuration pages only with registry:configure', () => {
    const children = (role: string) =>
      menuOf(role)
        .find((entry) => entry.key === 'registry')
        ?.children?.map((entry) => entry.key);
    expect(children('city_officer')).toEqual(['enterprises', 'objects', 'dictionaries', 'boundaries']);
    expect(children('county_officer')).toEqual(['enterprises', 'objects']);
    expect(children('expert')).toEqual(['enterprises', 'objects']);
  });

  it('drops groups with no visible child and shows nothing without permissions', () => {
    expect(visibleMenu(menu, () => false)).toEqual([]);
    expect(firstMenuPath([])).toBeNull();
  });

  it('finds the breadcrumb trail of a page', () => {
    expect(menuTrail(menu, '/admin/users').map((entry) => entry.title)).toEqual([
      'menu.system',
      'menu.users',
    ]);
    expect(menuTrail(menu, '/profile')).toEqual([]);
  });
});
