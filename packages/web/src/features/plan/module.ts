import type { RouteRecordRaw } from 'vue-router';
import type { Permission } from '@anjian/domain';
import { Bell, Document, Finished, Flag, Histogram, List, Upload } from '@element-plus/icons-vue';
import type { MenuEntry } from '../../menu/menu-entry.ts';

/**
 * 规划实施: plan tasks and progress, responsibility lists, the yearly assessment and special campaigns
 * (安委办 and units).
 */
const readers = ['plan:manage', 'plan:report'] as const;

export const planMenu: readonly MenuEntry[] = [
  {
    key: 'plan',
    title: 'plan.title',
    icon: Flag,
    children: [
      {
        key: 'plan-assignments',
        title: 'plan.menu.assignments',
        icon: List,
        path: '/plan/assignments',
        permission: readers,
      },
      {
        key: 'plan-letters',
        title: 'plan.menu.letters',
        icon: Bell,
        path: '/plan/letters',
        permission: readers,
      },
      {
        key: 'plan-responsibility',
        title: 'plan.menu.responsibility',
        icon: Document,
        path: '/plan/responsibility',
        permission: readers,
      },
      {
        key: 'plan-assessments',
        title: 'plan.menu.assessments',
        icon: Histogram,
        path: '/plan/assessments',
        permission: readers,
      },
      {
        key: 'plan-campaigns',
        title: 'plan.menu.campaigns',
        icon: Finished,
        path: '/plan/campaigns',
        permission: readers,
      },
      {
        key: 'plan-import',
        title: 'plan.menu.import',
        icon: Upload,
        path: '/plan/import',
        permission: ['plan:manage'],
      },
    ],
  },
];

const route = (
  key: string,
  component: RouteRecordRaw['component'],
  permission: readonly Permission[] = readers,
) => ({
  path: `plan/${key}`,
  name: `plan-${key}`,
  component,
  meta: { title: `plan.menu.${key}`, permission, trail: ['plan.title'] },
});

export const planRoutes: RouteRecordRaw[] = [
  route('assignments', () => import('./pages/PlanAssignmentsPage.vue')),
  route('letters', () => import('./pages/PlanLettersPage.vue')),
  route('responsibility', () => import('./pages/PlanResponsibilityPage.vue')),
  route('assessments', () => import('./pages/PlanAssessmentsPage.vue')),
  route('campaigns', () => import('./pages/PlanCampaignsPage.vue')),
  route('import', () => import('./pages/PlanImportPage.vue'), ['plan:manage']),
] as RouteRecordRaw[];
