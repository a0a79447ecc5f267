import type { RouteRecordRaw } from 'vue-router';
import { PieChart } from '@element-plus/icons-vue';
import type { MenuEntry } from '../../../menu/menu-entry.ts';

/** 自然灾害事件: a leaf of the 指挥调度 group, beside the accidents (module.ts puts it there). */
export const disasterMenuEntry: MenuEntry = {
  key: 'disasters',
  title: 'emergency.disaster.menu.disasters',
  icon: PieChart,
  path: '/emergency/disasters',
  permission: 'emergency:read',
};

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
      trail: ['emergency.incident.menu.command', 'emergency.disaster.menu.disasters'],
      activeMenu: '/emergency/disasters',
    },
  },
];
