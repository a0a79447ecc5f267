import type { RouteRecordRaw } from 'vue-router';
import { Connection, DataAnalysis, Histogram, Setting, TrendCharts, Upload } from '@element-plus/icons-vue';
import type { MenuEntry } from '../../menu/menu-entry.ts';

/** 统计分析: the monthly accident report, the plan's indicators and the statistics imports. */
export const statisticsMenu: readonly MenuEntry[] = [
  {
    key: 'statistics',
    title: 'statistics.title',
    icon: DataAnalysis,
    children: [
      {
        key: 'statistics-monthly',
        title: 'statistics.menu.monthly',
        icon: Histogram,
        path: '/statistics/monthly',
        permission: 'stats:read',
      },
      {
        key: 'statistics-indicators',
        title: 'statistics.menu.indicators',
        icon: TrendCharts,
        path: '/statistics/indicators',
        permission: 'stats:read',
      },
      {
        key: 'statistics-imports',
        title: 'statistics.menu.imports',
        icon: Upload,
        path: '/statistics/imports',
        permission: ['emergency:write', 'registry:configure'],
      },
      {
        key: 'statistics-mappings',
        title: 'statistics.menu.mappings',
        icon: Connection,
        path: '/statistics/mappings',
        permission: 'stats:read',
      },
      {
        key: 'statistics-settings',
        title: 'statistics.menu.settings',
        icon: Setting,
        path: '/statistics/settings',
        permission: 'stats:read',
      },
    ],
  },
];

const route = (key: string, path: string, component: RouteRecordRaw['component'], permission: unknown) => ({
  path,
  name: `statistics-${key}`,
  component,
  meta: { title: `statistics.menu.${key}`, permission, trail: ['statistics.title'] },
});

export const statisticsRoutes: RouteRecordRaw[] = [
  route('monthly', 'statistics/monthly', () => import('./pages/MonthlyReportPage.vue'), 'stats:read'),
  route('indicators', 'statistics/indicators', () => import('./pages/IndicatorsPage.vue'), 'stats:read'),
  route('mappings', 'statistics/mappings', () => import('./pages/SectorMappingsPage.vue'), 'stats:read'),
  route('settings', 'statistics/settings', () => import('./pages/IndicatorSettingsPage.vue'), 'stats:read'),
  route('imports', 'statistics/imports', () => import('./pages/StatisticsImportsPage.vue'), [
    'emergency:write',
    'registry:configure',
  ]),
] as RouteRecordRaw[];
