import type { RouteRecordRaw } from 'vue-router';
import { Monitor } from '@element-plus/icons-vue';
import type { MenuEntry } from '../../menu/menu-entry.ts';
import { configMenu, configRoutes } from './components/config/config-module.ts';
import { liveMenu, liveRoutes } from './components/live/live-module.ts';
import { majorHazardMenu, majorHazardRoutes } from '../major-hazards/module.ts';
import { videoMenu, videoRoutes } from '../video/module.ts';

/**
 * The monitoring area's pages: its menu entries (top level, in menu order), the routes inside
 * the signed-in layout, and any public routes (no sign-in). The shell wires these in; nothing
 * else in the shell changes when the area grows.
 */
export const monitoringMenu: readonly MenuEntry[] = [
  {
    key: 'monitoring',
    title: 'monitoring.title',
    icon: Monitor,
    children: [...liveMenu, ...videoMenu, ...configMenu, ...majorHazardMenu],
  },
];
export const monitoringRoutes: RouteRecordRaw[] = [
  ...liveRoutes,
  ...videoRoutes,
  ...configRoutes,
  ...majorHazardRoutes,
];
export const monitoringPublicRoutes: RouteRecordRaw[] = [];
