import type { RouteRecordRaw } from 'vue-router';
import type { MenuEntry } from '../../menu/menu-entry.ts';
import { incidentMenu, incidentRoutes } from './lib/incident-routes.ts';
import { libraryMenu, libraryRoutes } from './lib/library-routes.ts';
import { teamMenu, teamRoutes } from './teams/team-routes.ts';

/**
 * The emergency area's pages: its menu entries (top level, in menu order), the routes inside
 * the signed-in layout, and any public routes (no sign-in). The shell wires these in; nothing
 * else in the shell changes when the area grows.
 */
export const emergencyMenu: readonly MenuEntry[] = [...incidentMenu, ...libraryMenu, ...teamMenu];
export const emergencyRoutes: RouteRecordRaw[] = [...incidentRoutes, ...libraryRoutes, ...teamRoutes];
export const emergencyPublicRoutes: RouteRecordRaw[] = [];
