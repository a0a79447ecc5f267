// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { h, nextTick, reactive, ref } from 'vue';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import ElementPlus, { ElTableColumn } from 'element-plus';
import { i18n } from '../i18n/index.ts';
import ListPage from './ListPage.vue';

function recordingList() {
  const calls: string[] = [];
  const step = (name: string) => async () => void calls.push(name);
  return {
    calls,
    list: {
      rows: ref<unknown[]>([{ id: 'a', name: '玉溪演示化工' }]),
      loading: ref(false),
      total: ref(1),
      page: ref(1),
      pageSize: ref(20),
      load: step('load'),
      search: step('search'),
      reset: step('reset'),
    },
  };
}

async function mountPage(
  list: ReturnType<typeof recordingList>['list'],
  extra: Record<string, unknown> = {},
) {
  const pinia = createPinia();
  setActivePinia(pinia);
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/x', name: 'x', component: { render: () => null } }],
  });
  await router.push('/x');
  const wrapper = mount(ListPage, {
    attachTo: document.body,
    props: { name: 'enterprises', list, ...extra },
    slots: {
      search: () => h('span', { class: 'field' }, '名称'),
      toolbar: () => h('button', { class: 'create' }, '新增'),
      default: () => h(ElTableColumn, { label: '企业名称', prop: 'name' }),
      footer: () => h('div', { class: 'dialogs' }),
    },
    global: { plugins: [pinia, i18n, ElementPlus, router] },
  });
  await flushPromises();
  return wrapper;
}

describe('ListPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('reads the list on mount and lays out search form, toolbar, columns and dialogs, named for tests', async () => {
    const { calls, list } = recordingList();
    const wrapper = await mountPage(list);
    expect(calls).toEqual(['load']);
    expect(wrapper.find('[data-testid="enterprises-page"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="search-form"] .field').text()).toBe('名称');
    expect(wrapper.find('.toolbar .create').text()).toBe('新增');
    expect(wrapper.find('[data-testid="enterprises-table"] .el-table__header').text()).toContain('企业名称');
    expect(wrapper.text()).toContain('玉溪演示化工');
    expect(wrapper.find('.dialogs').exists()).toBe(true);
  });

  it('查询 and 重置 call the list’s own steps; the toolbar folds the search form away', async () => {
    const { calls, list } = recordingList();
    const wrapper = await mountPage(list);
    await wrapper.find('[data-testid="search-submit"]').trigger('submit');
    await wrapper.find('[data-testid="search-reset"]').trigger('click');
    await flushPromises();
    expect(calls).toEqual(['load', 'search', 'reset']);

    await wrapper.find('.toolbar [aria-label="显示/隐藏搜索"]').trigger('click');
    await nextTick();
    expect(wrapper.find('[data-testid="search-form"]').isVisible()).toBe(false);
  });

  it('exports with the list’s own query, given as a getter as well as a ref', async () => {
    const fetchMock = vi.fn((..._args: unknown[]) =>
      Promise.resolve(new Response(new Blob(['x']), { status: 200 })),
    );
    vi.stubGlobal('fetch', fetchMock);
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    const { list } = recordingList();
    const filters = reactive({ county: '' });
    const wrapper = await mountPage(
      { ...list, filters, exportQuery: () => ({ county: filters.county || undefined }) } as typeof list,
      { exportPath: '/enterprises/export' },
    );
    filters.county = '530402';
    await flushPromises();
    await wrapper.find('[data-testid="table-export"]').trigger('click');
    await flushPromises();
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/v1/enterprises/export?county=530402');
  });
});
