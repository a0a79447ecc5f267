import type { RouteRecordRaw } from 'vue-router';
import { Histogram, PieChart } from '@element-plus/icons-vue';
import type { MenuEntry } from '../../../menu/menu-entry.ts';

/** 自然灾害: the disaster events and each one's figures across its townships. */
export const disasterMenu: readonly MenuEntry[] = [
  {
    key: 'emergency-disasters',
    title: 'emergency.disaster.menu.group',
    icon: PieChart,
    children: [
      {
        key: 'disasters',
        title: 'emergency.disaster.menu.disasters',
        icon: Histogram,
        path: '/emergency/disasters',
        permission: 'emergency:read',
      },
    ],
  },
];

export const disasterRoutes: RouteRecordRaw[] = [
  {
    path: 'emergency/disasters',
    name: 'disasters',
    component: () => import('../pages/disasters/DisastersPage.vue'),
    meta: { title: 'emergency.disaster.menu.disasters', permission: 'emergency:read' },
  },
  {
    path: 'emergency/disasters/:id',
    name: 'disaster',
    component: () => import('../pages/disasters/DisasterPage.vue'),
    meta: {
      title: 'emergency.disaster.menu.detail',
      permission: 'emergency:read',
      trail: ['emergency.disaster.menu.group', 'emergency.disaster.menu.disasters'],
      activeMenu: '/emergency/disasters',
    },
  },
];
