// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, nextTick, ref } from 'vue';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import ElementPlus, { ElTableColumn } from 'element-plus';
import { i18n } from '../i18n/index.ts';
import { useSessionStore } from '../stores/session.ts';
import DataTable from './DataTable.vue';
import { tableSettingsKey } from '../composables/use-table-settings.ts';

const USER = '7d9a3c52-3a55-4e4a-9a8f-2f1c9c1f0b11';

interface Row {
  id: string;
  name: string;
  county: string;
}

function listOf(rows: Row[]) {
  return {
    rows: ref<unknown[]>(rows),
    loading: ref(false),
    total: ref(rows.length),
    page: ref(1),
    pageSize: ref(20),
    load: vi.fn(() => Promise.resolve()),
  };
}

const rows: Row[] = [
  { id: 'a1', name: '玉溪演示化工有限公司（一个很长的企业名称不被截断）', county: '红塔区' },
  { id: 'b2', name: '澄江演示矿业', county: '澄江市' },
];

async function mountTable(props: Record<string, unknown> = {}) {
  const pinia = createPinia();
  setActivePinia(pinia);
  const session = useSessionStore();
  session.state = { user: { id: USER, permissions: [] } } as unknown as typeof session.state;
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/list', name: 'enterprises', component: { render: () => null } }],
  });
  await router.push('/list');
  const Page = defineComponent({
    setup: () => () =>
      h(
        DataTable,
        { list: listOf(rows), ...props },
        {
          default: () => [
            h(ElTableColumn, { label: '企业名称', prop: 'name' }),
            h(ElTableColumn, { label: '区县', prop: 'county' }),
          ],
        },
      ),
  });
  const wrapper = mount(Page, {
    attachTo: document.body,
    global: {
      plugins: [pinia, i18n, ElementPlus, router],
      stubs: {
        // The column menu's content, shown inline rather than in a teleported popper.
        ElPopover: { template: '<div class="popover"><slot name="reference" /><slot /></div>' },
      },
    },
  });
  await flushPromises();
  await nextTick();
  return wrapper;
}

const headers = (wrapper: Awaited<ReturnType<typeof mountTable>>) =>
  wrapper.findAll('.el-table__header th .cell').map((c) => c.text());

describe('DataTable', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => {
    vi.restoreAllMocks();
    document.body.innerHTML = '';
  });

  it('shows the page’s columns and rows, and hides a column the user switched off, for that user and page only', async () => {
    const wrapper = await mountTable();
    expect(headers(wrapper)).toEqual(['企业名称', '区县']);
    expect(wrapper.text()).toContain('玉溪演示化工有限公司（一个很长的企业名称不被截断）');

    await wrapper.find('[data-testid="table-column-county"] input').setValue(false);
    await flushPromises();
    expect(headers(wrapper)).toEqual(['企业名称']);
    const stored = JSON.parse(localStorage.getItem(tableSettingsKey(USER, 'enterprises')) ?? '{}');
    expect(stored.hidden).toEqual(['county']);
    expect(localStorage.getItem(tableSettingsKey('someone-else', 'enterprises'))).toBeNull();
    wrapper.unmount();

    const again = await mountTable();
    expect(headers(again)).toEqual(['企业名称']);
  });

  it('takes the remembered density', async () => {
    localStorage.setItem(
      tableSettingsKey(USER, 'enterprises'),
      JSON.stringify({ hidden: [], density: 'small' }),
    );
    const wrapper = await mountTable();
    expect(wrapper.find('.el-table').classes()).toContain('el-table--small');
  });

  it('exports the current filter, and only the selected rows with batch export', async () => {
    const fetchMock = vi.fn((..._args: unknown[]) =>
      Promise.resolve(
        new Response(new Blob(['x']), {
          status: 200,
          headers: {
            'content-disposition':
              'attachment; filename="e.xlsx"; filename*=UTF-8\'\'%E4%BC%81%E4%B8%9A.xlsx',
          },
        }),
      ),
    );
    vi.stubGlobal('fetch', fetchMock);
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    const wrapper = await mountTable({
      exportPath: '/enterprises/export',
      exportQuery: { county: '530402', q: '' },
    });

    await wrapper.find('[data-testid="table-export"]').trigger('click');
    await flushPromises();
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/v1/enterprises/export?county=530402');

    const boxes = wrapper.findAll('.el-table__body .el-checkbox input');
    await boxes[1]!.setValue(true);
    await flushPromises();
    expect(wrapper.find('[data-testid="table-selected"]').text()).toBe('已选 1 项');
    await wrapper.find('[data-testid="table-export-selected"]').trigger('click');
    await flushPromises();
    expect(fetchMock.mock.calls[1]![0]).toBe('/api/v1/enterprises/export?county=530402&ids=b2');
  });
});
