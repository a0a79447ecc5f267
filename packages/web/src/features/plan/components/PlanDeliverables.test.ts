// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { chinaDate } from '@anjian/domain';
import { createPinia } from 'pinia';
import { i18n } from '../../../i18n/index.ts';
import PlanDeliverables from './PlanDeliverables.vue';

const base = {
  taskId: 't1',
  columnNo: null,
  targetCount: null,
  demo: false,
  deliveredBy: null,
  deliveredOrganisation: null,
  evidence: [],
  link: null,
  note: '',
  overdue: false,
  allowedActions: [],
};
const bridges = {
  ...base,
  id: 'd1',
  what: '桥梁改造加固',
  kind: 'site',
  targetCount: 7,
  columnNo: 15,
  dueYear: 2025,
  deliveredOn: null,
  overdue: true,
  allowedActions: ['deliver'],
};
const delivered = {
  ...bridges,
  deliveredOn: '2026-11-20',
  deliveredOrganisation: '市交通运输局',
  link: '/plan',
  overdue: false,
  allowedActions: ['undo'],
};

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

/** The drawer's deliverables on a server answering `listed` to the list and `posted` to a POST. */
function mountWithServer(listed: object[], posted: object[]) {
  const calls: { url: string; method: string; body: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init?: RequestInit) => {
      calls.push({
        url,
        method: init?.method ?? 'GET',
        body: init?.body ? JSON.parse(String(init.body)) : null,
      });
      const body = init?.method === 'POST' ? posted : listed;
      return Promise.resolve(
        new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } }),
      );
    }),
  );
  const wrapper = mount(PlanDeliverables, {
    props: { taskId: 't1' },
    attachTo: document.body,
    global: { plugins: [createPinia(), i18n, ElementPlus], stubs: { DemoTag: true, RouterLink: true } },
  });
  return { calls, wrapper };
}

describe('a task’s deliverables on the task drawer', () => {
  it('lists them with their state and lets the responsible unit mark one delivered with a link', async () => {
    const { calls, wrapper } = mountWithServer([bridges], [delivered]);
    await flushPromises();
    const table = wrapper.find('[data-testid="plan-deliverables-table"]').text();
    expect(table).toContain('桥梁改造加固（专栏15）');
    expect(table).toContain('场所/设施建设');
    expect(table).toContain('逾期');
    await wrapper.find('[data-testid="plan-deliverable-deliver"]').trigger('click');
    await flushPromises();
    const field = document.querySelector('[data-testid="plan-deliverable-link"]');
    const link = (field instanceof HTMLInputElement ? field : field!.querySelector('input'))!;
    link.value = '/plan';
    link.dispatchEvent(new Event('input'));
    await flushPromises();
    document.querySelector<HTMLButtonElement>('[data-testid="plan-deliverable-save"]')!.click();
    await flushPromises();
    expect(calls.at(-1)).toMatchObject({
      method: 'POST',
      body: { deliveredOn: chinaDate(new Date()), evidence: [], link: '/plan', note: '' },
    });
    expect(calls.at(-1)!.url).toContain('/plan/deliverables/d1/delivered');
    expect(wrapper.find('[data-testid="plan-deliverables-table"]').text()).toContain('2026-11-20 完成');
    expect(wrapper.find('[data-testid="plan-deliverable-deliver"]').exists()).toBe(false);
  });

  it('lets the responsible unit undo a mark made in error, with a reason it must give', async () => {
    const { calls, wrapper } = mountWithServer([delivered], [bridges]);
    await flushPromises();
    const answer = async (text: string) => {
      await wrapper.find('[data-testid="plan-deliverable-undo"]').trigger('click');
      await flushPromises();
      // The newest box: an earlier one may still be fading out.
      const box = [...document.querySelectorAll('.el-message-box')].at(-1)!;
      const input = box.querySelector<HTMLInputElement>('input')!;
      input.value = text;
      input.dispatchEvent(new Event('input'));
      await flushPromises();
      box.querySelector<HTMLButtonElement>('.el-button--primary')!.click();
      await new Promise((resolve) => setTimeout(resolve, 50));
      await flushPromises();
    };
    // No reason: nothing is sent.
    await answer('');
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
    await answer('标记错了成果');
    expect(calls.at(-1)).toMatchObject({ method: 'POST', body: { reason: '标记错了成果' } });
    expect(calls.at(-1)!.url).toContain('/plan/deliverables/d1/undo');
    expect(wrapper.find('[data-testid="plan-deliverable-deliver"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="plan-deliverable-undo"]').exists()).toBe(false);
  });
});
