import type { RouteRecordRaw } from 'vue-router';
import {
  Avatar,
  DocumentChecked,
  Files,
  FirstAidKit,
  Guide,
  OfficeBuilding,
  Search,
  Umbrella,
  Stamp,
} from '@element-plus/icons-vue';
import type { MenuEntry } from '../../menu/menu-entry.ts';

/** 企业主体责任: key-post people, liability insurance, licence applications, 三同时, service agencies and spot checks. */
export const obligationsMenu: readonly MenuEntry[] = [
  {
    key: 'obligations',
    title: 'obligations.title',
    icon: Files,
    children: [
      {
        key: 'obligations-people',
        title: 'obligations.menu.people',
        icon: Avatar,
        path: '/obligations/people',
        permission: 'registry:read',
      },
      {
        key: 'obligations-coverage',
        title: 'obligations.menu.coverage',
        icon: Umbrella,
        path: '/obligations/coverage',
        permission: 'registry:read',
      },
      {
        key: 'obligations-claims',
        title: 'obligations.menu.claims',
        icon: FirstAidKit,
        path: '/obligations/claims',
        permission: 'registry:read',
      },
      {
        key: 'obligations-services',
        title: 'obligations.menu.services',
        icon: Guide,
        path: '/obligations/services',
        permission: 'registry:read',
      },
      {
        key: 'obligations-licences',
        title: 'obligations.menu.licences',
        icon: Stamp,
        path: '/obligations/licences',
        permission: 'registry:read',
      },
      {
        key: 'obligations-projects',
        title: 'obligations.menu.projects',
        icon: DocumentChecked,
        path: '/obligations/projects',
        permission: 'registry:read',
      },
      {
        key: 'obligations-agencies',
        title: 'obligations.menu.agencies',
        icon: OfficeBuilding,
        path: '/obligations/agencies',
        permission: 'registry:read',
      },
      {
        key: 'obligations-spot-checks',
        title: 'obligations.menu.spot-checks',
        icon: Search,
        path: '/obligations/spot-checks',
        permission: 'registry:read',
      },
    ],
  },
];

const route = (key: string, component: RouteRecordRaw['component']) => ({
  path: `obligations/${key}`,
  name: `obligations-${key}`,
  component,
  meta: { title: `obligations.menu.${key}`, permission: 'registry:read', trail: ['obligations.title'] },
});

export const obligationsRoutes: RouteRecordRaw[] = [
  route('people', () => import('./pages/PeoplePage.vue')),
  route('coverage', () => import('./pages/CoveragePage.vue')),
  route('claims', () => import('./pages/ClaimsPage.vue')),
  route('services', () => import('./pages/PreventionServicesPage.vue')),
  route('licences', () => import('./pages/LicencesPage.vue')),
  route('projects', () => import('./pages/ProjectsPage.vue')),
  route('agencies', () => import('./pages/AgenciesPage.vue')),
  route('spot-checks', () => import('./pages/SpotChecksPage.vue')),
  {
    path: 'obligations/m/certificates',
    name: 'obligations-certificate-check',
    component: () => import('./pages/CertificateCheckPage.vue'),
    meta: {
      title: 'obligations.card.checkTitle',
      permission: 'registry:read',
      trail: ['obligations.title'],
      activeMenu: '/obligations/people',
    },
  },
] as RouteRecordRaw[];

/** The certificate card, printed on its own without the menu. */
export const obligationsPrintRoutes: RouteRecordRaw[] = [
  {
    path: '/obligations/certificates/:number/card',
    name: 'obligations-certificate-card',
    component: () => import('./pages/CertificateCardPage.vue'),
    meta: { title: 'obligations.card.title', permission: 'registry:read' },
  },
];
