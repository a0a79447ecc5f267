import type { RouteLocationRaw, RouteRecordRaw } from 'vue-router';
import {
  Cellphone,
  DataAnalysis,
  Flag,
  List,
  MapLocation,
  Notebook,
  Warning,
  WarningFilled,
} from '@element-plus/icons-vue';
import type { DataScope } from '@anjian/domain';
import type { MenuEntry } from '../../menu/menu-entry.ts';

/**
 * The dual prevention area's pages: its menu entries (top level, in menu order), the routes inside
 * the signed-in layout, and any public routes (no sign-in). The shell wires these in; nothing
 * else in the shell changes when the area grows.
 */
export const dualPreventionMenu: readonly MenuEntry[] = [
  {
    key: 'dp-hazards',
    title: 'dualPrevention.menu.hazardsGroup',
    icon: WarningFilled,
    children: [
      {
        key: 'dp-hazard-ledger',
        title: 'dualPrevention.menu.hazards',
        icon: List,
        path: '/hazards',
        permission: 'hazard:read',
      },
      {
        key: 'dp-supervision',
        title: 'dualPrevention.menu.supervision',
        icon: Flag,
        path: '/hazards/supervision',
        permission: 'hazard:supervise',
      },
      {
        key: 'dp-statistics',
        title: 'dualPrevention.menu.statistics',
        icon: DataAnalysis,
        path: '/hazards/statistics',
        permission: 'hazard:read',
      },
    ],
  },
  {
    key: 'dp-risk',
    title: 'dualPrevention.menu.riskGroup',
    icon: Warning,
    children: [
      {
        key: 'dp-risk-register',
        title: 'dualPrevention.menu.riskRegister',
        icon: Notebook,
        path: '/risk/register',
        permission: 'risk:read',
      },
      {
        key: 'dp-risk-overview',
        title: 'dualPrevention.menu.riskOverview',
        icon: DataAnalysis,
        path: '/risk/overview',
        permission: 'risk:read',
      },
      {
        key: 'dp-risk-map',
        title: 'dualPrevention.menu.riskMap',
        icon: MapLocation,
        path: '/risk/map',
        permission: 'risk:read',
      },
    ],
  },
  {
    key: 'dp-phone',
    title: 'dualPrevention.menu.phone',
    icon: Cellphone,
    children: [
      { key: 'dp-m-home', title: 'dualPrevention.menu.phoneHome', path: '/m', permission: 'hazard:report' },
      {
        key: 'dp-m-tasks',
        title: 'dualPrevention.menu.phoneTasks',
        path: '/m/tasks',
        permission: 'hazard:report',
      },
      {
        key: 'dp-m-report',
        title: 'dualPrevention.menu.phoneReport',
        path: '/m/report',
        permission: 'hazard:report',
      },
      {
        key: 'dp-m-hazards',
        title: 'dualPrevention.menu.phoneHazards',
        path: '/m/hazards',
        permission: 'hazard:report',
      },
    ],
  },
];

const reportPermissions = ['hazard:report', 'hazard:supervise', 'enforcement:write'] as const;

export const dualPreventionRoutes: RouteRecordRaw[] = [
  {
    path: 'hazards',
    name: 'hazards',
    component: () => import('./pages/HazardsPage.vue'),
    meta: { title: 'dualPrevention.menu.hazards', permission: 'hazard:read' },
  },
  {
    path: 'hazards/supervision',
    name: 'hazard-supervision',
    component: () => import('./pages/HazardsPage.vue'),
    props: { supervision: true },
    meta: { title: 'dualPrevention.menu.supervision', permission: 'hazard:supervise' },
  },
  {
    path: 'hazards/statistics',
    name: 'hazard-statistics',
    component: () => import('./pages/HazardStatisticsPage.vue'),
    meta: { title: 'dualPrevention.menu.statistics', permission: 'hazard:read' },
  },
  {
    path: 'hazards/:id([0-9a-f-]{36})',
    name: 'hazard-detail',
    component: () => import('./pages/HazardDetailPage.vue'),
    meta: {
      title: 'dualPrevention.menu.hazardDetail',
      permission: 'hazard:read',
      trail: ['dualPrevention.menu.hazardsGroup', 'dualPrevention.menu.hazards'],
      activeMenu: '/hazards',
    },
  },
  {
    path: 'risk/register',
    name: 'risk-register',
    component: () => import('./pages/RiskRegisterPage.vue'),
    meta: { title: 'dualPrevention.menu.riskRegister', permission: 'risk:read' },
  },
  {
    path: 'risk/overview',
    name: 'risk-overview',
    component: () => import('./pages/RiskOverviewPage.vue'),
    meta: { title: 'dualPrevention.menu.riskOverview', permission: 'risk:read' },
  },
  {
    path: 'risk/map',
    name: 'risk-map',
    component: () => import('./pages/RiskMapPage.vue'),
    meta: { title: 'dualPrevention.menu.riskMap', permission: 'risk:read' },
  },
  // Phone pages (Vant) for enterprise staff, inside the same layout (its drawer menu on a phone).
  {
    path: 'm',
    name: 'm-home',
    component: () => import('./phone/MobileHomePage.vue'),
    meta: { title: 'dualPrevention.menu.phoneHome', permission: 'hazard:report' },
  },
  {
    path: 'm/tasks',
    name: 'm-tasks',
    component: () => import('./phone/MobileTasksPage.vue'),
    meta: { title: 'dualPrevention.menu.phoneTasks', permission: 'hazard:report', activeMenu: '/m/tasks' },
  },
  {
    path: 'm/tasks/:id',
    name: 'm-task',
    component: () => import('./phone/MobileTaskPage.vue'),
    meta: { title: 'dualPrevention.menu.phoneTask', permission: 'hazard:report', activeMenu: '/m/tasks' },
  },
  {
    path: 'm/report',
    name: 'm-report',
    component: () => import('./phone/MobileReportPage.vue'),
    meta: { title: 'dualPrevention.menu.phoneReport', permission: reportPermissions },
  },
  {
    path: 'm/hazards',
    name: 'm-hazards',
    component: () => import('./phone/MobileHazardsPage.vue'),
    meta: { title: 'dualPrevention.menu.phoneHazards', permission: 'hazard:read' },
  },
  {
    path: 'm/hazards/:id',
    name: 'm-hazard',
    component: () => import('./phone/MobileHazardPage.vue'),
    meta: { title: 'dualPrevention.menu.phoneHazard', permission: 'hazard:read', activeMenu: '/m/hazards' },
  },
];
export const dualPreventionPublicRoutes: RouteRecordRaw[] = [];

/**
 * Where an enterprise account lands on a phone: its hazard start page (check tasks, report, my
 * hazards) rather than the desktop workbench. Null for everyone else.
 */
export function dualPreventionPhoneLanding(
  user: { scope: DataScope; permissions: readonly string[] } | null,
  isPhone: boolean,
): RouteLocationRaw | null {
  if (!isPhone || !user || user.scope.kind !== 'enterprise') return null;
  return user.permissions.includes('hazard:report') ? { name: 'm-home' } : null;
}
