// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import ElementPlus from 'element-plus';
import { defaultSpotCheckProblems } from '@anjian/domain';
import { listKit } from '../../../components/list-kit.ts';
import { i18n } from '../../../i18n/index.ts';
import { useSessionStore } from '../../../stores/session.ts';
import { forgetSpotCheckProblems } from '../use-spot-check-problems.ts';
import SpotChecksPage from './SpotChecksPage.vue';

const seed = 'ab'.repeat(32);
const draw = {
  id: '11111111-1111-4111-8111-111111111111',
  subject: 'agency_report',
  from: '2026-06-01',
  to: '2026-11-30',
  county: null,
  mode: 'random',
  seed,
  count: 3,
  percent: null,
  poolSize: 12,
  itemCount: 2,
  checkedCount: 1,
  failedCount: 1,
  drawnAt: '2026-11-29T02:00:00.000Z',
  demo: true,
};
const item = (id: string, over: object) => ({
  id,
  spotCheckId: draw.id,
  rank: 1,
  subject: 'agency_report',
  reportId: '33333333-3333-4333-8333-333333333333',
  projectId: null,
  title: '新平演示矿业安全现状评价报告',
  reference: '演示报告-001',
  agencyId: '44444444-4444-4444-8444-444444444444',
  agencyName: '云南演示安全评价有限公司（演示）',
  enterpriseId: '55555555-5555-4555-8555-555555555555',
  enterpriseName: '新平演示矿业有限公司',
  county: '530427',
  subjectDate: '2026-10-01',
  checkedOn: null,
  inspectors: null,
  findings: [],
  result: null,
  rectification: null,
  decision: null,
  demo: true,
  ...over,
});
const items = [
  item('22222222-2222-4222-8222-222222222221', {
    checkedOn: '2026-11-29',
    inspectors: '李演示',
    findings: [{ problem: 'no_site_visit', severity: 'minor', note: '现场照片不符' }],
    result: 'fail',
  }),
  item('22222222-2222-4222-8222-222222222222', { rank: 2, reference: '演示报告-002' }),
];

const calls: { method: string; url: string; body: unknown }[] = [];

async function openAs(permissions: string[]) {
  const pinia = createPinia();
  setActivePinia(pinia);
  const session = useSessionStore();
  session.state = { user: { id: 'u1', permissions } } as unknown as typeof session.state;
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/page', name: 'page', component: SpotChecksPage }],
  });
  await router.push('/page');
  const wrapper = mount(SpotChecksPage, {
    attachTo: document.body,
    global: { plugins: [pinia, i18n, ElementPlus, router, listKit] },
  });
  await flushPromises();
  return wrapper;
}

describe('the spot checks page', () => {
  beforeEach(() => {
    forgetSpotCheckProblems();
    calls.length = 0;
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string, init?: RequestInit) => {
        const method = init?.method ?? 'GET';
        calls.push({ method, url, body: init?.body ? JSON.parse(String(init.body)) : null });
        const answer = url.includes('/spot-check-problems')
          ? defaultSpotCheckProblems.map((p) => ({ ...p, unverified: true }))
          : url.includes('/spot-check-items') && method === 'GET'
            ? { items, total: 2, page: 1, pageSize: 200 }
            : url.includes('/spot-checks') && method === 'GET'
              ? { items: [draw], total: 1, page: 1, pageSize: 20 }
              : url.includes('/divisions')
                ? { city: { code: '530400', name: '玉溪市' }, counties: [], townships: [] }
                : {};
        return Promise.resolve(
          new Response(JSON.stringify(answer), {
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

  it('lists a draw and shows its seed, findings and results when opened', { timeout: 60_000 }, async () => {
    const page = await openAs(['registry:read']);
    const table = page.find('[data-testid="obligations-spot-checks-table"]');
    expect(table.text()).toContain('技术服务报告');
    expect(table.text()).toContain('2026-06-01 ~ 2026-11-30');
    expect(page.find('[data-testid="spot-check-draw"]').exists()).toBe(false);

    await page.find('[data-testid="spot-check-open"]').trigger('click');
    await flushPromises();
    expect(document.body.querySelector('[data-testid="spot-check-seed"]')?.textContent).toContain(seed);
    const rows = document.body.querySelector('[data-testid="spot-check-items"]')!.textContent!;
    expect(rows).toContain('未到现场（一般）现场照片不符');
    expect(rows).toContain('不合格');
    expect(rows).toContain('待检查');
    // A reader records nothing.
    expect(document.body.querySelector('[data-testid="spot-check-record"]')).toBeNull();
    page.unmount();
  });

  it('sends a writer’s draw by number and a recorded result to the item', { timeout: 60_000 }, async () => {
    const page = await openAs(['registry:read', 'registry:write']);
    await page.find('[data-testid="spot-check-draw"]').trigger('click');
    await flushPromises();
    (document.body.querySelector('[data-testid="spot-check-draw-save"]') as HTMLElement).click();
    await flushPromises();
    expect(calls.find((c) => c.method === 'POST')).toMatchObject({
      url: expect.stringContaining('/api/v1/obligations/spot-checks'),
      body: { subject: 'agency_report', count: 5 },
    });

    await page.find('[data-testid="spot-check-open"]').trigger('click');
    await flushPromises();
    const record = [...document.body.querySelectorAll('[data-testid="spot-check-record"]')].filter((el) =>
      el.closest('tr'),
    );
    // Only the row still to check has the action.
    expect(record.map((el) => el.closest('tr')!.textContent)).toEqual([
      expect.stringContaining('演示报告-002'),
    ]);
    (record[0] as HTMLElement).click();
    await flushPromises();
    (document.body.querySelector('[data-testid="spot-check-record-save"]') as HTMLElement).click();
    await flushPromises();
    expect(calls.find((c) => c.method === 'PUT')).toMatchObject({
      url: expect.stringContaining(`/spot-check-items/${items[1]!.id}`),
      body: { findings: [], result: 'pass' },
    });
    page.unmount();
  });
});
