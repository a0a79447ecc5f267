import type { RouteRecordRaw } from 'vue-router';
import { Bell, Warning } from '@element-plus/icons-vue';
import type { MenuEntry } from '../../../menu/menu-entry.ts';

/** 指挥调度: the accident list and each accident's command page. */
export const incidentMenu: readonly MenuEntry[] = [
  {
    key: 'emergency-command',
    title: 'emergency.incident.menu.command',
    icon: Bell,
    children: [
      {
        key: 'incidents',
        title: 'emergency.incident.menu.incidents',
        icon: Warning,
        path: '/emergency/incidents',
        permission: 'emergency:read',
      },
    ],
  },
];

export const incidentRoutes: RouteRecordRaw[] = [
  {
    path: 'emergency/incidents',
    name: 'incidents',
    component: () => import('../pages/IncidentsPage.vue'),
    meta: { title: 'emergency.incident.menu.incidents', permission: 'emergency:read' },
  },
  {
    path: 'emergency/incidents/:id',
    name: 'incident-command',
    component: () => import('../pages/IncidentCommandPage.vue'),
    meta: {
      title: 'emergency.incident.menu.commandPage',
      permission: 'emergency:read',
      trail: ['emergency.incident.menu.command', 'emergency.incident.menu.incidents'],
      activeMenu: '/emergency/incidents',
    },
  },
];
