// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, isRef } from 'vue';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import ElementPlus from 'element-plus';
import { i18n } from '../../i18n/index.ts';
import ListPage from '../../components/ListPage.vue';
import { useWhistleReports } from './use-whistle-reports.ts';

const answer = (url: string) =>
  Promise.resolve(
    url.includes('/export')
      ? new Response(new Blob(['x']), {
          status: 200,
          headers: { 'content-disposition': 'attachment; filename="whistle.xlsx"' },
        })
      : new Response(JSON.stringify({ items: [], total: 0 }), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        }),
  );

describe('the whistleblowing reports list', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('exports with the filters shown, as the list reads them', async () => {
    const fetchMock = vi.fn((url: string) => answer(url));
    vi.stubGlobal('fetch', fetchMock);
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    const pinia = createPinia();
    setActivePinia(pinia);
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [{ path: '/w', name: 'whistleblowing', component: { render: () => null } }],
    });
    await router.push('/w');
    let reports!: ReturnType<typeof useWhistleReports>;
    const Page = defineComponent({
      setup() {
        reports = useWhistleReports();
        return () =>
          h(ListPage, {
            name: 'whistleblowing',
            list: reports,
            exportPath: '/whistleblowing/reports/export',
          });
      },
    });
    const wrapper = mount(Page, {
      attachTo: document.body,
      global: { plugins: [pinia, i18n, ElementPlus, router] },
    });
    await flushPromises();
    expect(isRef(reports.exportQuery)).toBe(true);

    reports.filters.status = 'received';
    reports.filters.q = '矿';
    await flushPromises();
    await wrapper.find('[data-testid="table-export"]').trigger('click');
    await flushPromises();
    const exported = fetchMock.mock.calls.map(([url]) => url).find((url) => url.includes('/export'));
    expect(exported).toBe(
      `/api/v1/whistleblowing/reports/export?status=received&q=${encodeURIComponent('矿')}`,
    );
  });
});
