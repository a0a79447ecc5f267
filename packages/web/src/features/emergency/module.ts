import type { RouteRecordRaw } from 'vue-router';
import type { MenuEntry } from '../../menu/menu-entry.ts';
import { incidentMenu, incidentRoutes } from './lib/incident-routes.ts';
import { libraryMenu, libraryRoutes } from './lib/library-routes.ts';
import { disasterMenuEntry, disasterRoutes } from './lib/disaster-routes.ts';
import { allocationRoutes } from './lib/allocation-routes.ts';
import { teamMenu, teamRoutes } from './teams/team-routes.ts';

/**
 * The emergency area's pages: its menu entries (top level, in menu order), the routes inside
 * the signed-in layout, and any public routes (no sign-in). The shell wires these in; nothing
 * else in the shell changes when the area grows.
 */
export const emergencyMenu: readonly MenuEntry[] = [
  // The natural disasters sit in the 指挥调度 group, after the accidents.
  ...incidentMenu.map((entry) =>
    entry.key === 'emergency-command'
      ? { ...entry, children: [...(entry.children ?? []), disasterMenuEntry] }
      : entry,
  ),
  ...libraryMenu,
  ...teamMenu,
];
export const emergencyRoutes: RouteRecordRaw[] = [
  ...incidentRoutes,
  ...disasterRoutes,
  ...libraryRoutes,
  ...allocationRoutes,
  ...teamRoutes,
];
export const emergencyPublicRoutes: RouteRecordRaw[] = [];
