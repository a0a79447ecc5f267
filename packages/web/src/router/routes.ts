import type { RouteRecordRaw } from 'vue-router';
import type { Permission } from '@anjian/domain';
import { dualPreventionPublicRoutes, dualPreventionRoutes } from '../features/dual-prevention/module.ts';
import { monitoringPublicRoutes, monitoringRoutes } from '../features/monitoring/module.ts';
import { enforcementPublicRoutes, enforcementRoutes } from '../features/enforcement/module.ts';
import { warningsPublicRoutes, warningsRoutes } from '../features/warnings/module.ts';
import { statisticsRoutes } from '../features/statistics/module.ts';
import { planRoutes } from '../features/plan/module.ts';
import { obligationsPrintRoutes, obligationsRoutes } from '../features/obligations/module.ts';
import { whistleblowingPublicRoutes, whistleblowingRoutes } from '../features/whistleblowing/module.ts';
import { emergencyPublicRoutes, emergencyRoutes } from '../features/emergency/module.ts';
import { cockpitRoutes, cockpitScreenRoutes } from '../features/cockpit/module.ts';

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page title (breadcrumb, document title) */
    title?: string;
    /** Any one of these permissions opens the page; without it the layout shows the forbidden page. */
    permission?: Permission | readonly Permission[];
    /** Reachable without a session. */
    public?: boolean;
    /** The sign-in step this page performs (password change or TOTP enrolment). */
    step?: 'password' | 'totp';
    /** i18n keys of breadcrumb entries before the title, for pages outside the menu. */
    trail?: readonly string[];
    /** The menu entry to highlight for a page outside the menu (a detail page under its list). */
    activeMenu?: string;
  }
}

export const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('../features/auth/pages/LoginPage.vue'),
    meta: { public: true, title: 'login.title' },
  },
  {
    path: '/password',
    name: 'change-password',
    component: () => import('../features/auth/pages/ChangePasswordPage.vue'),
    meta: { step: 'password', title: 'password.forcedTitle' },
  },
  {
    path: '/totp',
    name: 'enrol-totp',
    component: () => import('../features/auth/pages/EnrolTotpPage.vue'),
    meta: { step: 'totp', title: 'totp.title' },
  },
  ...dualPreventionPublicRoutes,
  ...monitoringPublicRoutes,
  ...enforcementPublicRoutes,
  ...warningsPublicRoutes,
  ...whistleblowingPublicRoutes,
  ...emergencyPublicRoutes,
  ...cockpitScreenRoutes,
  ...obligationsPrintRoutes,
  {
    path: '/',
    component: () => import('../layouts/AppLayout.vue'),
    children: [
      { path: '', name: 'home', component: () => import('../features/system/pages/NoAccessPage.vue') },
      {
        path: 'workbench',
        name: 'workbench',
        component: () => import('../features/workbench/pages/WorkbenchPage.vue'),
        meta: { title: 'menu.workbench', permission: 'dashboard:view' },
      },
      {
        path: 'map',
        name: 'one-map',
        component: () => import('../features/onemap/pages/OneMapPage.vue'),
        meta: { title: 'menu.oneMap', permission: 'registry:read' },
      },
      {
        path: 'registry/enterprises',
        name: 'enterprises',
        component: () => import('../features/registry/pages/EnterprisesPage.vue'),
        meta: { title: 'menu.enterprises', permission: 'registry:read' },
      },
      {
        path: 'registry/enterprises/:id',
        name: 'enterprise-detail',
        component: () => import('../features/registry/pages/EnterpriseDetailPage.vue'),
        meta: {
          title: 'menu.enterpriseDetail',
          permission: 'registry:read',
          trail: ['menu.registry', 'menu.enterprises'],
          activeMenu: '/registry/enterprises',
        },
      },
      {
        path: 'registry/objects',
        name: 'objects',
        component: () => import('../features/registry/pages/ObjectsPage.vue'),
        meta: { title: 'menu.objects', permission: 'registry:read' },
      },
      {
        path: 'registry/dictionaries',
        name: 'dictionaries',
        component: () => import('../features/registry/pages/DictionariesPage.vue'),
        meta: { title: 'menu.dictionaries', permission: 'registry:configure' },
      },
      {
        path: 'registry/boundaries',
        name: 'boundaries',
        component: () => import('../features/registry/pages/BoundariesPage.vue'),
        meta: { title: 'menu.boundaries', permission: 'registry:configure' },
      },
      ...dualPreventionRoutes,
      ...monitoringRoutes,
      ...enforcementRoutes,
      ...warningsRoutes,
      ...whistleblowingRoutes,
      ...statisticsRoutes,
      ...planRoutes,
      ...obligationsRoutes,
      ...emergencyRoutes,
      ...cockpitRoutes,
      {
        path: 'admin/users',
        name: 'users',
        component: () => import('../features/users/pages/UsersPage.vue'),
        meta: { title: 'menu.users', permission: 'user:read' },
      },
      {
        path: 'admin/sms-outbox',
        name: 'sms-outbox',
        component: () => import('../features/system/pages/SmsOutboxPage.vue'),
        meta: { title: 'menu.smsOutbox', permission: 'sms:read' },
      },
      {
        path: 'admin/roles',
        name: 'roles',
        component: () => import('../features/roles/pages/RolesPage.vue'),
        meta: { title: 'menu.roles', permission: 'role:read' },
      },
      {
        path: 'admin/security-events',
        name: 'security-events',
        component: () => import('../features/auth/pages/SecurityEventsPage.vue'),
        meta: { title: 'menu.securityEvents', permission: 'security:read' },
      },
      {
        path: 'admin/audit',
        name: 'audit',
        component: () => import('../features/audit/pages/AuditPage.vue'),
        meta: { title: 'menu.auditLog', permission: 'audit:read' },
      },
      {
        path: 'profile',
        name: 'profile',
        component: () => import('../features/auth/pages/ProfilePage.vue'),
        meta: { title: 'menu.profile' },
      },
      {
        path: 'profile/sessions',
        name: 'sessions',
        component: () => import('../features/auth/pages/SessionsPage.vue'),
        meta: { title: 'menu.sessions', trail: ['menu.profile'] },
      },
      {
        path: 'no-access',
        name: 'no-access',
        component: () => import('../features/system/pages/NoAccessPage.vue'),
        meta: { title: 'menu.noAccess' },
      },
      {
        path: ':pathMatch(.*)*',
        name: 'not-found',
        component: () => import('../features/system/pages/NotFoundPage.vue'),
        meta: { title: 'menu.notFound' },
      },
    ],
  },
];
