import {
  Collection,
  Document,
  House,
  Lock,
  MapLocation,
  Message,
  OfficeBuilding,
  Place,
  Setting,
  Tickets,
  User,
  UserFilled,
  Files,
  Warning,
} from '@element-plus/icons-vue';
import type { MenuEntry } from './menu-entry.ts';
import { dualPreventionMenu } from '../features/dual-prevention/module.ts';
import { monitoringMenu } from '../features/monitoring/module.ts';
import { enforcementMenu } from '../features/enforcement/module.ts';
import { warningsMenu } from '../features/warnings/module.ts';
import { whistleblowingMenu } from '../features/whistleblowing/module.ts';
import { emergencyMenu } from '../features/emergency/module.ts';
import { statisticsMenu } from '../features/statistics/module.ts';
import { planMenu } from '../features/plan/module.ts';
import { obligationsMenu } from '../features/obligations/module.ts';
import { cockpitMenu } from '../features/cockpit/module.ts';

export type { MenuEntry } from './menu-entry.ts';

/** The left menu: the shell's own entries with each area's entries (features/<area>/module.ts). */

export const menu: readonly MenuEntry[] = [
  {
    key: 'workbench',
    title: 'menu.workbench',
    icon: House,
    path: '/workbench',
    permission: 'dashboard:view',
  },
  ...cockpitMenu,
  {
    key: 'one-map',
    title: 'menu.oneMap',
    icon: MapLocation,
    path: '/map',
    permission: 'registry:read',
  },
  {
    key: 'registry',
    title: 'menu.registry',
    icon: OfficeBuilding,
    children: [
      {
        key: 'enterprises',
        title: 'menu.enterprises',
        icon: Files,
        path: '/registry/enterprises',
        permission: 'registry:read',
      },
      {
        key: 'objects',
        title: 'menu.objects',
        icon: Place,
        path: '/registry/objects',
        permission: 'registry:read',
      },
      {
        key: 'dictionaries',
        title: 'menu.dictionaries',
        icon: Collection,
        path: '/registry/dictionaries',
        permission: 'registry:configure',
      },
      {
        key: 'boundaries',
        title: 'menu.boundaries',
        icon: MapLocation,
        path: '/registry/boundaries',
        permission: 'registry:configure',
      },
    ],
  },
  ...dualPreventionMenu,
  ...monitoringMenu,
  ...enforcementMenu,
  ...obligationsMenu,
  ...statisticsMenu,
  ...planMenu,
  ...emergencyMenu,
  ...warningsMenu,
  ...whistleblowingMenu,
  {
    // 三员分立: each administrator sees exactly one of the next three groups.
    key: 'system',
    title: 'menu.system',
    icon: Setting,
    children: [
      { key: 'users', title: 'menu.users', icon: User, path: '/admin/users', permission: 'user:read' },
      {
        key: 'sms-outbox',
        title: 'menu.smsOutbox',
        icon: Message,
        path: '/admin/sms-outbox',
        permission: 'sms:read',
      },
    ],
  },
  {
    key: 'security',
    title: 'menu.security',
    icon: Lock,
    children: [
      { key: 'roles', title: 'menu.roles', icon: UserFilled, path: '/admin/roles', permission: 'role:read' },
      {
        key: 'security-events',
        title: 'menu.securityEvents',
        icon: Warning,
        path: '/admin/security-events',
        permission: 'security:read',
      },
    ],
  },
  {
    key: 'audit',
    title: 'menu.audit',
    icon: Document,
    children: [
      {
        key: 'audit-log',
        title: 'menu.auditLog',
        icon: Tickets,
        path: '/admin/audit',
        permission: 'audit:read',
      },
    ],
  },
];

type Can = (permission: MenuEntry['permission']) => boolean;

/** The entries a user with these permissions sees, empty groups removed. */
export function visibleMenu(entries: readonly MenuEntry[], can: Can): MenuEntry[] {
  const visible: MenuEntry[] = [];
  for (const entry of entries) {
    if (entry.children) {
      const children = visibleMenu(entry.children, can);
      if (children.length > 0) visible.push({ ...entry, children });
    } else if (can(entry.permission)) {
      visible.push(entry);
    }
  }
  return visible;
}

/** The first page of the menu: where a user without the workbench lands. */
export function firstMenuPath(entries: readonly MenuEntry[]): string | null {
  for (const entry of entries) {
    if (entry.path) return entry.path;
    const inner = entry.children ? firstMenuPath(entry.children) : null;
    if (inner) return inner;
  }
  return null;
}

/** The chain of entries from the top of the menu to the one with this path. */
export function menuTrail(entries: readonly MenuEntry[], path: string): MenuEntry[] {
  for (const entry of entries) {
    if (entry.path === path) return [entry];
    if (entry.children) {
      const inner = menuTrail(entry.children, path);
      if (inner.length > 0) return [entry, ...inner];
    }
  }
  return [];
}
