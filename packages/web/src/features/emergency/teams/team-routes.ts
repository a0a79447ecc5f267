import type { RouteRecordRaw } from 'vue-router';
import { Cellphone, Van } from '@element-plus/icons-vue';
import type { MenuEntry } from '../../../menu/menu-entry.ts';

/** 应急联动: the rescue team's phone pages (Vant), for accounts holding team:field. */
export const teamMenu: readonly MenuEntry[] = [
  {
    key: 'emergency-team-phone',
    title: 'emergency.teams.menu.group',
    icon: Cellphone,
    children: [
      {
        key: 'm-team-tasks',
        title: 'emergency.teams.menu.tasks',
        icon: Van,
        path: '/m/teams',
        permission: 'team:field',
      },
    ],
  },
];

export const teamRoutes: RouteRecordRaw[] = [
  {
    path: 'm/teams',
    name: 'm-team-tasks',
    component: () => import('./TeamTasksPage.vue'),
    meta: { title: 'emergency.teams.menu.tasks', permission: 'team:field' },
  },
  {
    path: 'm/teams/:id',
    name: 'm-team-task',
    component: () => import('./TeamTaskPage.vue'),
    meta: { title: 'emergency.teams.menu.task', permission: 'team:field', activeMenu: '/m/teams' },
  },
];
