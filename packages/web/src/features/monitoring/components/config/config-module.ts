import type { RouteRecordRaw } from 'vue-router';
import { Operation, Setting } from '@element-plus/icons-vue';
import type { MenuEntry } from '../../../../menu/menu-entry.ts';

/*
 * The monitoring configuration pages (issue 5 §4, §5, §9): alarm rules and the warning settings.
 * Both are readable with monitoring:read; the pages enable editing by permission (rules:
 * registry:write, settings: registry:configure) and the server checks again.
 */
export const configMenu: readonly MenuEntry[] = [
  {
    key: 'monitoring-rules',
    title: 'monitoring.rules.menu',
    icon: Operation,
    path: '/monitoring/rules',
    permission: 'monitoring:read',
  },
  {
    key: 'monitoring-settings',
    title: 'monitoring.settings.menu',
    icon: Setting,
    path: '/monitoring/settings',
    permission: 'monitoring:read',
  },
];

export const configRoutes: RouteRecordRaw[] = [
  {
    path: 'monitoring/rules',
    name: 'monitoring-rules',
    component: () => import('../../pages/MonitoringRulesPage.vue'),
    meta: { title: 'monitoring.rules.menu', permission: 'monitoring:read' },
  },
  {
    path: 'monitoring/settings',
    name: 'monitoring-settings',
    component: () => import('../../pages/MonitoringSettingsPage.vue'),
    meta: { title: 'monitoring.settings.menu', permission: 'monitoring:read' },
  },
];
