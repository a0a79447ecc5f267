import type { RouteRecordRaw } from 'vue-router';
import {
  Box,
  Calendar,
  Collection,
  Document,
  Flag,
  Notebook,
  User,
  UserFilled,
} from '@element-plus/icons-vue';
import type { MenuEntry } from '../../../menu/menu-entry.ts';
import { allocationMenu } from './allocation-routes.ts';

const page = (key: string, path: string, icon: MenuEntry['icon']): MenuEntry => ({
  key,
  title: `emergency.library.menu.${key}`,
  icon,
  path,
  permission: 'emergency:read',
});

/** 应急管理: the libraries of 专栏 16 (plans, teams, materials, experts, cases, drills) and duty. */
export const libraryMenu: readonly MenuEntry[] = [
  {
    key: 'emergency-libraries',
    title: 'emergency.title',
    icon: Collection,
    children: [
      page('plans', '/emergency/plans', Document),
      page('teams', '/emergency/teams', UserFilled),
      page('warehouses', '/emergency/warehouses', Box),
      ...allocationMenu,
      page('experts', '/emergency/experts', User),
      page('cases', '/emergency/cases', Notebook),
      page('scenarios', '/emergency/drill-scenarios', Flag),
      page('drills', '/emergency/drills', Flag),
      page('duty', '/emergency/duty', Calendar),
    ],
  },
];

const route = (key: string, path: string, component: RouteRecordRaw['component'], props?: object) =>
  ({
    path,
    name: `emergency-${key}`,
    component,
    ...(props ? { props } : {}),
    meta: {
      title: `emergency.library.menu.${key}`,
      permission: 'emergency:read',
      trail: ['emergency.title'],
    },
  }) as RouteRecordRaw;

export const libraryRoutes: RouteRecordRaw[] = [
  route('plans', 'emergency/plans', () => import('../pages/libraries/PlansPage.vue')),
  route('teams', 'emergency/teams', () => import('../pages/libraries/ResourceLibraryPage.vue'), {
    kind: 'team',
  }),
  route('warehouses', 'emergency/warehouses', () => import('../pages/libraries/ResourceLibraryPage.vue'), {
    kind: 'warehouse',
  }),
  route('experts', 'emergency/experts', () => import('../pages/libraries/ResourceLibraryPage.vue'), {
    kind: 'expert',
  }),
  route('cases', 'emergency/cases', () => import('../pages/libraries/CasesPage.vue')),
  route('scenarios', 'emergency/drill-scenarios', () => import('../pages/libraries/DrillScenariosPage.vue')),
  route('drills', 'emergency/drills', () => import('../pages/libraries/DrillsPage.vue')),
  route('duty', 'emergency/duty', () => import('../pages/libraries/DutyPage.vue')),
];
