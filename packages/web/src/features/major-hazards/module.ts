import type { RouteRecordRaw } from 'vue-router';
import { Warning, WarnTriangleFilled } from '@element-plus/icons-vue';
import type { MenuEntry } from '../../menu/menu-entry.ts';

/** Menu entries and routes of the GB 18218 pages; the monitoring module places them in the monitoring area. */
export const majorHazardMenu: readonly MenuEntry[] = [
  {
    key: 'major-hazard-declaration',
    title: 'monitoring.majorHazard.menuDeclaration',
    icon: WarnTriangleFilled,
    path: '/monitoring/major-hazards/declaration',
    permission: 'risk:write',
  },
  {
    key: 'major-hazard-sources',
    title: 'monitoring.majorHazard.menuSources',
    icon: Warning,
    path: '/monitoring/major-hazards',
    permission: 'registry:read',
  },
];

export const majorHazardRoutes: RouteRecordRaw[] = [
  {
    path: 'monitoring/major-hazards/declaration',
    name: 'major-hazard-declaration',
    component: () => import('./pages/MajorHazardDeclarationPage.vue'),
    meta: { title: 'monitoring.majorHazard.menuDeclaration', permission: 'risk:write' },
  },
  {
    path: 'monitoring/major-hazards',
    name: 'major-hazard-sources',
    component: () => import('./pages/MajorHazardSourcesPage.vue'),
    meta: { title: 'monitoring.majorHazard.menuSources', permission: 'registry:read' },
  },
];
