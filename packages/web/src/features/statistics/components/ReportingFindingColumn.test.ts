// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus, { ElTable } from 'element-plus';
import { createPinia, setActivePinia } from 'pinia';
import { defineComponent, h } from 'vue';
import { i18n } from '../../../i18n/index.ts';
import { useSessionStore } from '../../../stores/session.ts';
import ReportingFindingColumn from './ReportingFindingColumn.vue';

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

/** The drill-down's accident table with the finding column, for a caller holding `permissions`. */
function mountTable(rows: object[], permissions: string[]) {
  const calls: { url: string; method: string; body: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init?: RequestInit) => {
      calls.push({
        url,
        method: init?.method ?? 'GET',
        body: init?.body ? JSON.parse(String(init.body)) : null,
      });
      return Promise.resolve(
        init?.method === 'DELETE'
          ? new Response(null, { status: 204 })
          : new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } }),
      );
    }),
  );
  const pinia = createPinia();
  setActivePinia(pinia);
  const session = useSessionStore();
  session.state = { user: { id: 'u1', permissions } } as unknown as typeof session.state;
  const changed = vi.fn();
  const Table = defineComponent({
    setup: () => () =>
      h(
        'div',
        h(ElTable, { data: rows }, { default: () => h(ReportingFindingColumn, { onChanged: changed }) }),
      ),
  });
  const wrapper = mount(Table, { global: { plugins: [pinia, i18n, ElementPlus] }, attachTo: document.body });
  return { wrapper, calls, changed };
}

describe('reporting findings on the drill-down’s accidents', () => {
  it('lets the statistics staff find an accident concealed with a reason', async () => {
    const { wrapper, calls, changed } = mountTable(
      [{ id: 'a2', reportingFinding: null }],
      ['registry:configure'],
    );
    await flushPromises();
    // The table's body row (el-table also renders the column once, empty, among its hidden columns).
    await wrapper.find('.el-table__body [data-testid="drill-finding-set"]').trigger('click');
    await flushPromises();
    const reason = document.querySelector<HTMLTextAreaElement>(
      '[data-testid="finding-reason"] textarea, textarea[data-testid="finding-reason"]',
    )!;
    reason.value = '经事故调查组调查认定瞒报';
    reason.dispatchEvent(new Event('input'));
    document.querySelector<HTMLButtonElement>('[data-testid="finding-save"]')!.click();
    await flushPromises();
    expect(calls).toEqual([
      {
        url: '/api/v1/statistics/accidents/a2/reporting-finding',
        method: 'PUT',
        body: { finding: 'concealed', reason: '经事故调查组调查认定瞒报' },
      },
    ]);
    expect(changed).toHaveBeenCalledTimes(1);
  });

  it('shows the finding, and lets the statistics staff withdraw it', async () => {
    const { wrapper, calls, changed } = mountTable(
      [{ id: 'a1', reportingFinding: 'concealed' }],
      ['stats:read', 'registry:configure'],
    );
    await flushPromises();
    expect(wrapper.find('[data-testid="drill-finding"]').text()).toBe('瞒报');
    await wrapper.find('[data-testid="drill-finding-clear"]').trigger('click');
    await flushPromises();
    expect(calls).toEqual([
      { url: '/api/v1/statistics/accidents/a1/reporting-finding', method: 'DELETE', body: null },
    ]);
    expect(changed).toHaveBeenCalledTimes(1);
  });

  it('offers no finding buttons to a reader without the permission', async () => {
    const { wrapper } = mountTable([{ id: 'a1', reportingFinding: 'late' }], ['stats:read']);
    await flushPromises();
    expect(wrapper.find('[data-testid="drill-finding"]').text()).toBe('迟报');
    expect(wrapper.find('[data-testid="drill-finding-set"]').exists()).toBe(false);
  });
});
