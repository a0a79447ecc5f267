import type { RouteRecordRaw } from 'vue-router';
import { Bell } from '@element-plus/icons-vue';
import type { MenuEntry } from '../../menu/menu-entry.ts';

/** Public warning release (预警发布): menu entry, signed-in routes and the public page (no sign-in). */
export const warningsMenu: readonly MenuEntry[] = [
  {
    key: 'warnings',
    title: 'warnings.menu.list',
    icon: Bell,
    path: '/warnings',
    permission: ['warning:write', 'warning:approve'],
  },
];

const access = { permission: ['warning:write', 'warning:approve'] as const };

export const warningsRoutes: RouteRecordRaw[] = [
  {
    path: 'warnings',
    name: 'warnings',
    component: () => import('./pages/WarningsPage.vue'),
    meta: { title: 'warnings.menu.list', ...access },
  },
  {
    path: 'warnings/imports',
    name: 'warning-imports',
    component: () => import('./pages/WarningImportsPage.vue'),
    meta: {
      title: 'warnings.imports.title',
      ...access,
      trail: ['warnings.menu.list'],
      activeMenu: '/warnings',
    },
  },
  {
    path: 'warnings/templates',
    name: 'warning-templates',
    component: () => import('./pages/WarningTemplatesPage.vue'),
    meta: {
      title: 'warnings.templates.title',
      ...access,
      trail: ['warnings.menu.list'],
      activeMenu: '/warnings',
    },
  },
  {
    path: 'warnings/:id',
    name: 'warning-detail',
    component: () => import('./pages/WarningDetailPage.vue'),
    meta: {
      title: 'warnings.menu.detail',
      ...access,
      trail: ['warnings.menu.list'],
      activeMenu: '/warnings',
    },
  },
];

export const warningsPublicRoutes: RouteRecordRaw[] = [
  {
    path: '/public/warnings',
    name: 'public-warnings',
    component: () => import('./pages/PublicWarningsPage.vue'),
    meta: { public: true, title: 'warnings.menu.public' },
  },
];
