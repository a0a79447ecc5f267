// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import ElementPlus from 'element-plus';
import type { Component } from 'vue';
import { listKit } from '../../../components/list-kit.ts';
import { i18n } from '../../../i18n/index.ts';
import { useSessionStore } from '../../../stores/session.ts';
import AgenciesPage from './AgenciesPage.vue';
import ClaimsPage from './ClaimsPage.vue';
import CoveragePage from './CoveragePage.vue';
import LicencesPage from './LicencesPage.vue';
import PeoplePage from './PeoplePage.vue';
import ProjectsPage from './ProjectsPage.vue';

const pages: [string, Component, string][] = [
  ['people-import', PeoplePage, '导入考试成绩'],
  ['policies-import', CoveragePage, '导入保单'],
  ['licences-import', LicencesPage, '导入许可申请'],
  ['projects-import', ProjectsPage, '导入建设项目'],
  ['agencies-import', AgenciesPage, '导入机构'],
  ['claims-import', ClaimsPage, '导入理赔'],
];

const calls: string[] = [];

async function openAs(page: Component, permissions: string[]) {
  const pinia = createPinia();
  setActivePinia(pinia);
  const session = useSessionStore();
  session.state = { user: { id: 'u1', permissions } } as unknown as typeof session.state;
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/page', name: 'page', component: page }],
  });
  await router.push('/page');
  const wrapper = mount(page, {
    attachTo: document.body,
    global: { plugins: [pinia, i18n, ElementPlus, router, listKit] },
  });
  await flushPromises();
  return wrapper;
}

describe('the obligations import buttons', () => {
  beforeEach(() => {
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string) => {
        calls.push(url);
        const page = { items: [], total: 0, page: 1, pageSize: 20 };
        const divisions = { city: { code: '530400', name: '玉溪市' }, counties: [], townships: [] };
        return Promise.resolve(
          new Response(
            JSON.stringify(url.includes('/divisions') ? divisions : url.includes('/statistics') ? [] : page),
            {
              status: 200,
              headers: { 'content-type': 'application/json' },
            },
          ),
        );
      }),
    );
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it.each(pages)(
    '%s is hidden (not disabled) for a reader and shown to a writer',
    async (testid, page, label) => {
      const reader = await openAs(page, ['registry:read']);
      expect(reader.find(`[data-testid="${testid}"]`).exists()).toBe(false);
      expect(reader.text()).not.toContain(label);
      reader.unmount();

      const writer = await openAs(page, ['registry:read', 'registry:write']);
      const button = writer.find(`[data-testid="${testid}"]`);
      expect(button.text()).toBe(label);
      expect(button.attributes('disabled')).toBeUndefined();
      writer.unmount();
    },
  );
});
