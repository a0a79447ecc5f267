// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import ElementPlus, { ElSelect } from 'element-plus';
import { listKit } from '../../../components/list-kit.ts';
import { i18n } from '../../../i18n/index.ts';
import { useSessionStore } from '../../../stores/session.ts';
import PlanAssignmentsPage from './PlanAssignmentsPage.vue';

const BUILTIN = '11111111-1111-4111-8111-111111111111';
const IMPORTED = '22222222-2222-4222-8222-222222222222';

/** As the server lists them: the newest first, so an imported 十五五 plan comes before 十四五. */
const plans = [
  {
    id: IMPORTED,
    code: 'import-1',
    name: '某某市“十五五”安全生产规划',
    startYear: 2026,
    endYear: 2030,
    builtin: false,
  },
  {
    id: BUILTIN,
    code: 'yuxi-14th-safety',
    name: '玉溪市“十四五”安全生产规划',
    startYear: 2021,
    endYear: 2025,
    builtin: true,
  },
];
const tasksOf: Record<string, { id: string; code: string; title: string }[]> = {
  [BUILTIN]: [{ id: 't-348', code: '3.4.8', title: '全力加强建设工程安全监管工作' }],
  [IMPORTED]: [{ id: 't-11', code: '1.1', title: '健全安全生产责任体系' }],
};

let calls: string[] = [];

function answer(url: string): unknown {
  const path = url.split('?')[0]!;
  if (path === '/api/v1/plan/organisations') return [];
  if (path === '/api/v1/plan/plans') return plans;
  const plan = /^\/api\/v1\/plan\/plans\/([^/]+)$/.exec(path);
  if (plan) return { id: plan[1], tasks: tasksOf[plan[1]!] };
  if (path === '/api/v1/plan/assignments') {
    const planId = new URL(url, 'http://x').searchParams.get('planId');
    const task = tasksOf[planId!]![0]!;
    return {
      items: [
        {
          id: `a-${task.code}`,
          taskId: task.id,
          taskCode: task.code,
          taskTitle: task.title,
          organisationName: '市住房和城乡建设局',
          deadline: '2026-12-31',
          percent: 0,
          status: 'open',
          overdueMilestones: 0,
          demo: false,
        },
      ],
      total: 1,
    };
  }
  throw new Error(`unexpected ${url}`);
}

async function openPage(address: string) {
  const pinia = createPinia();
  setActivePinia(pinia);
  const session = useSessionStore();
  session.state = { user: { id: 'u1', permissions: ['plan:report'] } } as unknown as typeof session.state;
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/plan/assignments', name: 'plan-assignments', component: PlanAssignmentsPage }],
  });
  await router.push(address);
  const wrapper = mount(PlanAssignmentsPage, {
    attachTo: document.body,
    global: { plugins: [pinia, i18n, ElementPlus, router, listKit] },
  });
  await flushPromises();
  const shown = () => ({
    address: router.currentRoute.value.fullPath,
    plan: wrapper.findComponent(ElSelect).props('modelValue'),
    rows: wrapper.findAll('[data-testid="plan-open"]').map((link) => link.text()),
    listed: calls
      .filter((url) => url.startsWith('/api/v1/plan/assignments'))
      .map((url) => new URL(url, 'http://x').searchParams.get('planId')),
  });
  return { wrapper, router, shown };
}

describe('规划任务: the plan selector', () => {
  beforeEach(() => {
    calls = [];
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string) => {
        calls.push(url);
        if (url.split('?')[0]!.endsWith('/export'))
          return Promise.resolve(
            new Response('xlsx', { status: 200, headers: { 'content-type': 'application/octet-stream' } }),
          );
        return Promise.resolve(
          new Response(JSON.stringify(answer(url)), {
            status: 200,
            headers: { 'content-type': 'application/json' },
          }),
        );
      }),
    );
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('shows the built-in plan by default, though a newer plan was imported, and puts it in the address', async () => {
    const { wrapper, shown } = await openPage('/plan/assignments');
    expect(shown()).toEqual({
      address: `/plan/assignments?plan=${BUILTIN}`,
      plan: BUILTIN,
      rows: ['全力加强建设工程安全监管工作'],
      listed: [BUILTIN],
    });
    const options = wrapper
      .findComponent(ElSelect)
      .findAllComponents({ name: 'ElOption' })
      .map((option) => option.text());
    expect(options).toEqual([
      '某某市“十五五”安全生产规划（2026–2030 年）',
      '玉溪市“十四五”安全生产规划（2021–2025 年）',
    ]);
  });

  it('opens the plan the address names (a reload), and another plan picked lists its tasks and goes into the address', async () => {
    const { wrapper, shown } = await openPage(`/plan/assignments?plan=${IMPORTED}`);
    expect(shown()).toEqual({
      address: `/plan/assignments?plan=${IMPORTED}`,
      plan: IMPORTED,
      rows: ['健全安全生产责任体系'],
      listed: [IMPORTED],
    });
    expect(calls).toContain(`/api/v1/plan/plans/${IMPORTED}`);

    wrapper.findComponent(ElSelect).vm.$emit('change', BUILTIN);
    await flushPromises();
    expect(shown()).toEqual({
      address: `/plan/assignments?plan=${BUILTIN}`,
      plan: BUILTIN,
      rows: ['全力加强建设工程安全监管工作'],
      listed: [IMPORTED, BUILTIN],
    });
    expect(calls).toContain(`/api/v1/plan/plans/${BUILTIN}`);
  });

  it('falls back to the built-in plan when the address names a plan that is not loaded', async () => {
    const { shown } = await openPage('/plan/assignments?plan=33333333-3333-4333-8333-333333333333');
    expect(shown()).toMatchObject({
      address: `/plan/assignments?plan=${BUILTIN}`,
      plan: BUILTIN,
      listed: [BUILTIN],
    });
  });

  it('exports the plan shown and its assignments list with the plan', async () => {
    const { wrapper } = await openPage(`/plan/assignments?plan=${IMPORTED}`);
    URL.createObjectURL = vi.fn(() => 'blob:x');
    calls = [];
    await wrapper.find('[data-testid="plan-export"]').trigger('click');
    await wrapper.find('[data-testid="table-export"]').trigger('click');
    await flushPromises();
    expect(calls).toEqual([
      `/api/v1/plan/plans/${IMPORTED}/export`,
      `/api/v1/plan/assignments/export?planId=${IMPORTED}`,
    ]);
  });
});
