import type { RouteRecordRaw } from 'vue-router';
import { Message } from '@element-plus/icons-vue';
import type { MenuEntry } from '../../menu/menu-entry.ts';

/** 举报奖励 (issue 16): the bureau's report ledger. */
const access = { permission: ['whistle:handle', 'whistle:identity'] as const };

export const whistleblowingMenu: readonly MenuEntry[] = [
  {
    key: 'whistleblowing',
    title: 'whistleblowing.menu.list',
    icon: Message,
    path: '/whistleblowing',
    permission: ['whistle:handle', 'whistle:identity'],
  },
];

export const whistleblowingRoutes: RouteRecordRaw[] = [
  {
    path: 'whistleblowing',
    name: 'whistleblowing',
    component: () => import('./pages/WhistleReportsPage.vue'),
    meta: { title: 'whistleblowing.menu.list', ...access },
  },
];

/** The public page (no sign-in, phone-first): report, then follow up with the query code and secret. */
export const whistleblowingPublicRoutes: RouteRecordRaw[] = [
  {
    path: '/public/whistleblowing',
    name: 'public-whistleblowing',
    component: () => import('./public/PublicWhistlePage.vue'),
    meta: { public: true, title: 'whistleblowing.public.title' },
  },
];
