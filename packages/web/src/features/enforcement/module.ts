import type { RouteRecordRaw } from 'vue-router';
import type { MenuEntry } from '../../menu/menu-entry.ts';

/**
 * The enforcement area's pages: its menu entries (top level, in menu order), the routes inside
 * the signed-in layout, and any public routes (no sign-in). The shell wires these in; nothing
 * else in the shell changes when the area grows.
 */
export const enforcementMenu: readonly MenuEntry[] = [];
export const enforcementRoutes: RouteRecordRaw[] = [];
export const enforcementPublicRoutes: RouteRecordRaw[] = [];
