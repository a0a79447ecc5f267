import type { RouteRecordRaw } from 'vue-router';
import { Aim, Bell, DataAnalysis, Key, Odometer } from '@element-plus/icons-vue';
import type { MenuEntry } from '../../../../menu/menu-entry.ts';

/**
 * The live monitoring pages (issue 5 §5, §7): the map with the alarm queue, alarms and their
 * detail, points with their thresholds, data quality and device tokens. module.ts spreads these
 * into the monitoring group.
 */
export const liveMenu: readonly MenuEntry[] = [
  {
    key: 'monitoring-live',
    title: 'monitoring.live.menu',
    icon: Odometer,
    path: '/monitoring/live',
    permission: 'monitoring:read',
  },
  {
    key: 'monitoring-alarms',
    title: 'monitoring.alarms.menu',
    icon: Bell,
    path: '/monitoring/alarms',
    permission: 'monitoring:read',
  },
  {
    key: 'monitoring-points',
    title: 'monitoring.points.menu',
    icon: Aim,
    path: '/monitoring/points',
    permission: 'monitoring:read',
  },
  {
    key: 'monitoring-quality',
    title: 'monitoring.quality.menu',
    icon: DataAnalysis,
    path: '/monitoring/quality',
    permission: 'monitoring:read',
  },
  {
    // Tokens are issued per enterprise by whoever maintains its registry entry (the server's rule).
    key: 'monitoring-tokens',
    title: 'monitoring.tokens.menu',
    icon: Key,
    path: '/monitoring/device-tokens',
    permission: 'registry:write',
  },
];

export const liveRoutes: RouteRecordRaw[] = [
  {
    path: 'monitoring/live',
    name: 'monitoring-live',
    component: () => import('../../pages/MonitoringPage.vue'),
    meta: { title: 'monitoring.live.menu', permission: 'monitoring:read' },
  },
  {
    path: 'monitoring/alarms',
    name: 'monitoring-alarms',
    component: () => import('../../pages/AlarmsPage.vue'),
    meta: { title: 'monitoring.alarms.menu', permission: 'monitoring:read' },
  },
  {
    path: 'monitoring/alarms/:id',
    name: 'monitoring-alarm-detail',
    component: () => import('../../pages/AlarmDetailPage.vue'),
    meta: {
      title: 'monitoring.alarms.detail',
      permission: 'monitoring:read',
      trail: ['monitoring.title', 'monitoring.alarms.menu'],
      activeMenu: '/monitoring/alarms',
    },
  },
  {
    path: 'monitoring/points',
    name: 'monitoring-points',
    component: () => import('../../pages/MonitoringPointsPage.vue'),
    meta: { title: 'monitoring.points.menu', permission: 'monitoring:read' },
  },
  {
    path: 'monitoring/quality',
    name: 'monitoring-quality',
    component: () => import('../../pages/MonitoringQualityPage.vue'),
    meta: { title: 'monitoring.quality.menu', permission: 'monitoring:read' },
  },
  {
    path: 'monitoring/device-tokens',
    name: 'monitoring-device-tokens',
    component: () => import('../../pages/MonitoringDeviceTokensPage.vue'),
    meta: { title: 'monitoring.tokens.menu', permission: 'registry:write' },
  },
];
