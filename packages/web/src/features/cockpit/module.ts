import type { RouteRecordRaw } from 'vue-router';
import { DataBoard } from '@element-plus/icons-vue';
import type { MenuEntry } from '../../menu/menu-entry.ts';

/**
 * The leaders' cockpit (领导驾驶舱) in the menu and the layout, and the big screen (大屏) on a route
 * of its own without the app's chrome (it fills a command centre's wall, 1920×1080 or 3840×2160).
 */
export const cockpitMenu: readonly MenuEntry[] = [
  { key: 'cockpit', title: 'cockpit.title', icon: DataBoard, path: '/cockpit', permission: 'dashboard:view' },
];

export const cockpitRoutes: RouteRecordRaw[] = [
  {
    path: 'cockpit',
    name: 'cockpit',
    component: () => import('./pages/CockpitPage.vue'),
    meta: { title: 'cockpit.title', permission: 'dashboard:view' },
  },
];

/** Signed in, outside the layout: the router's guard asks for a session; the server checks the permission. */
export const cockpitScreenRoutes: RouteRecordRaw[] = [
  {
    path: '/big-screen',
    name: 'big-screen',
    component: () => import('./pages/BigScreenPage.vue'),
    meta: { title: 'cockpit.bigScreen', permission: 'dashboard:view' },
  },
];
