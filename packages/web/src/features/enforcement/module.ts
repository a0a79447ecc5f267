import type { RouteRecordRaw } from 'vue-router';
import {
  Checked,
  Cellphone,
  Collection,
  Document,
  DocumentCopy,
  Finished,
  Guide,
  Stamp,
  Tickets,
  User,
  Warning,
} from '@element-plus/icons-vue';
import type { MenuEntry } from '../../menu/menu-entry.ts';

/**
 * The enforcement area's pages: its menu entries (top level, in menu order), the routes inside
 * the signed-in layout, and any public routes (no sign-in). The shell wires these in; nothing
 * else in the shell changes when the area grows.
 */
export const enforcementMenu: readonly MenuEntry[] = [
  {
    key: 'enforcement',
    title: 'enforcement.title',
    icon: Stamp,
    children: [
      {
        key: 'enforcement-phone',
        title: 'enforcement.menu.phone',
        icon: Cellphone,
        path: '/enforcement/m/inspections',
        permission: 'enforcement:write',
      },
      {
        key: 'enforcement-draws',
        title: 'enforcement.menu.draws',
        icon: Guide,
        path: '/enforcement/draws',
        permission: 'enforcement:read',
      },
      {
        key: 'enforcement-plans',
        title: 'enforcement.menu.plans',
        icon: Finished,
        path: '/enforcement/plans',
        permission: 'enforcement:read',
      },
      {
        key: 'enforcement-inspections',
        title: 'enforcement.menu.inspections',
        icon: Document,
        path: '/enforcement/inspections',
        permission: 'enforcement:read',
      },
      {
        key: 'enforcement-inspectors',
        title: 'enforcement.menu.inspectors',
        icon: User,
        path: '/enforcement/inspectors',
        permission: 'enforcement:read',
      },
      {
        key: 'enforcement-checklist',
        title: 'enforcement.menu.checklist',
        icon: Checked,
        path: '/enforcement/checklist',
        permission: 'enforcement:read',
      },
      {
        key: 'enforcement-cases',
        title: 'enforcement.menu.cases',
        icon: Tickets,
        path: '/enforcement/cases',
        permission: 'enforcement:read',
      },
      {
        key: 'enforcement-documents',
        title: 'enforcement.menu.documents',
        icon: DocumentCopy,
        path: '/enforcement/documents',
        permission: 'enforcement:read',
      },
      {
        key: 'enforcement-credit',
        title: 'enforcement.menu.credit',
        icon: Warning,
        path: '/enforcement/credit',
        permission: 'enforcement:read',
      },
      {
        key: 'enforcement-categories',
        title: 'enforcement.menu.categories',
        icon: Collection,
        path: '/enforcement/categories',
        permission: 'enforcement:read',
      },
    ],
  },
];

const page = (
  path: string,
  name: string,
  component: RouteRecordRaw['component'],
  meta: RouteRecordRaw['meta'],
): RouteRecordRaw => ({ path, name, component: component!, meta });

export const enforcementRoutes: RouteRecordRaw[] = [
  page(
    'enforcement/m/inspections',
    'enforcement-phone-inspections',
    () => import('./pages/MyInspectionsPage.vue'),
    {
      title: 'enforcement.menu.phone',
      permission: 'enforcement:write',
    },
  ),
  page(
    'enforcement/m/inspections/:id',
    'enforcement-phone-inspection',
    () => import('./pages/InspectionFormPage.vue'),
    {
      title: 'enforcement.menu.phoneDetail',
      permission: 'enforcement:write',
      trail: ['enforcement.title', 'enforcement.menu.phone'],
      activeMenu: '/enforcement/m/inspections',
    },
  ),
  page('enforcement/draws', 'enforcement-draws', () => import('./pages/DrawsPage.vue'), {
    title: 'enforcement.menu.draws',
    permission: 'enforcement:read',
  }),
  page('enforcement/draws/:id', 'enforcement-draw', () => import('./pages/DrawDetailPage.vue'), {
    title: 'enforcement.menu.drawDetail',
    permission: 'enforcement:read',
    trail: ['enforcement.title', 'enforcement.menu.draws'],
    activeMenu: '/enforcement/draws',
  }),
  page('enforcement/plans', 'enforcement-plans', () => import('./pages/PlansPage.vue'), {
    title: 'enforcement.menu.plans',
    permission: 'enforcement:read',
  }),
  page('enforcement/inspections', 'enforcement-inspections', () => import('./pages/InspectionsPage.vue'), {
    title: 'enforcement.menu.inspections',
    permission: 'enforcement:read',
  }),
  page('enforcement/inspectors', 'enforcement-inspectors', () => import('./pages/InspectorsPage.vue'), {
    title: 'enforcement.menu.inspectors',
    permission: 'enforcement:read',
  }),
  page('enforcement/checklist', 'enforcement-checklist', () => import('./pages/ChecklistLibraryPage.vue'), {
    title: 'enforcement.menu.checklist',
    permission: 'enforcement:read',
  }),
  page('enforcement/cases', 'enforcement-cases', () => import('./pages/CasesPage.vue'), {
    title: 'enforcement.menu.cases',
    permission: 'enforcement:read',
  }),
  page('enforcement/documents', 'enforcement-documents', () => import('./pages/DocumentsPage.vue'), {
    title: 'enforcement.menu.documents',
    permission: 'enforcement:read',
  }),
  page('enforcement/credit', 'enforcement-credit', () => import('./pages/CreditListPage.vue'), {
    title: 'enforcement.menu.credit',
    permission: 'enforcement:read',
  }),
  page('enforcement/categories', 'enforcement-categories', () => import('./pages/CategoriesPage.vue'), {
    title: 'enforcement.menu.categories',
    permission: 'enforcement:read',
  }),
];

/** 一公开: the disclosure page and the draw verification page, for anyone, without sign-in. */
export const enforcementPublicRoutes: RouteRecordRaw[] = [
  page('/public/disclosure', 'public-disclosure', () => import('./pages/PublicDisclosurePage.vue'), {
    public: true,
    title: 'enforcement.menu.publicDisclosure',
  }),
  page('/public/draws/verify', 'public-draw-verify', () => import('./pages/DrawVerifyPage.vue'), {
    public: true,
    title: 'enforcement.menu.verify',
  }),
];
