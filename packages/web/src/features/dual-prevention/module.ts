import type { RouteRecordRaw } from 'vue-router';
import type { MenuEntry } from '../../menu/menu-entry.ts';

/**
 * The dual prevention area's pages: its menu entries (top level, in menu order), the routes inside
 * the signed-in layout, and any public routes (no sign-in). The shell wires these in; nothing
 * else in the shell changes when the area grows.
 */
export const dualPreventionMenu: readonly MenuEntry[] = [];
export const dualPreventionRoutes: RouteRecordRaw[] = [];
export const dualPreventionPublicRoutes: RouteRecordRaw[] = [];
