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
import ClaimsPage from './ClaimsPage.vue';
import PreventionServicesPage from './PreventionServicesPage.vue';

const claim = {
  id: '00000000-0000-4000-8000-000000000001',
  policyId: '00000000-0000-4000-8000-000000000002',
  policyNumber: 'PICC-2026',
  insurer: '人保财险玉溪分公司',
  enterpriseId: '00000000-0000-4000-8000-000000000003',
  enterpriseName: '新平演示矿业有限公司',
  county: '530427',
  claimNumber: 'LP-2026-001',
  incidentId: '00000000-0000-4000-8000-000000000004',
  incidentOn: '2026-10-10',
  incidentLocation: '主井',
  reportedOn: '2026-10-12',
  deaths: 0,
  injuries: 2,
  claimedYuan: 180000,
  paidYuan: null,
  status: 'accepted',
  acceptedOn: '2026-10-15',
  paidOn: null,
  rejectedOn: null,
  rejectionReason: null,
  nextSteps: ['paid', 'rejected'],
  demo: false,
};
const service = {
  id: '00000000-0000-4000-8000-000000000005',
  policyId: claim.policyId,
  policyNumber: 'PICC-2026',
  insurer: '人保财险玉溪分公司',
  enterpriseId: claim.enterpriseId,
  enterpriseName: '新平演示矿业有限公司',
  county: '530427',
  servedOn: '2026-06-18',
  kind: 'hazard_investigation',
  costYuan: 12000,
  summary: null,
  findings: [
    {
      id: '00000000-0000-4000-8000-000000000006',
      description: '主井提升机制动闸瓦磨损超限',
      hazardId: '00000000-0000-4000-8000-000000000007',
      hazardOpened: true,
    },
  ],
  demo: true,
};
const spending = [
  {
    insurer: '人保财险玉溪分公司',
    year: 2026,
    premiumsYuan: 120000,
    spendingYuan: 26000,
    capPercent: 21,
    spendingPercent: 21.67,
    overCap: true,
    unservedEnterprises: ['新平未服务采石有限公司'],
    unservedFlagged: true,
  },
];
const answers: [string, unknown][] = [
  ['/obligations/claims/statistics', [{ by: 'county', key: '530427', claims: 1, paidYuan: 150000 }]],
  ['/obligations/claims', { items: [claim], total: 1, page: 1, pageSize: 20 }],
  ['/obligations/prevention-spending', spending],
  ['/obligations/prevention-services', { items: [service], total: 1, page: 1, pageSize: 20 }],
  ['/divisions', { city: { code: '530400', name: '玉溪市' }, counties: [], townships: [] }],
];
const posts: { url: string; body: unknown }[] = [];

async function openAs(page: Component, permissions: string[]) {
  const pinia = createPinia();
  setActivePinia(pinia);
  const session = useSessionStore();
  session.state = { user: { id: 'u1', permissions } } as unknown as typeof session.state;
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/page', name: 'page', component: page },
      { path: '/hazards/:id', name: 'hazard', component: page },
    ],
  });
  await router.push('/page');
  const wrapper = mount(page, {
    attachTo: document.body,
    global: { plugins: [pinia, i18n, ElementPlus, router, listKit] },
  });
  await flushPromises();
  return wrapper;
}

// Mounting a whole list page with Element Plus takes seconds on a shared machine.
describe('the 安责险 claims and prevention-service pages', { timeout: 30_000 }, () => {
  beforeEach(() => {
    posts.length = 0;
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string, init?: RequestInit) => {
        if (init?.method === 'POST') posts.push({ url, body: JSON.parse(String(init.body)) });
        const answer = answers.find(([path]) => url.includes(path))?.[1] ?? {
          items: [],
          total: 0,
          page: 1,
          pageSize: 20,
        };
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

  it('lists a claim with its status in words, the year’s statistics by county, and a step button for writers', async () => {
    const writer = await openAs(ClaimsPage, ['registry:read', 'registry:write']);
    const table = writer.find('[data-testid="obligations-claims-table"]');
    expect(table.text()).toContain('LP-2026-001');
    expect(table.text()).toContain('受理');
    expect(writer.find('[data-testid="claim-statistics"]').text()).toContain('新平彝族傣族自治县');
    expect(writer.find('[data-testid="claim-step"]').exists()).toBe(true);
    writer.unmount();

    const reader = await openAs(ClaimsPage, ['registry:read']);
    expect(reader.find('[data-testid="claim-step"]').exists()).toBe(false);
    expect(reader.find('[data-testid="claim-create"]').exists()).toBe(false);
    reader.unmount();
  });

  it('records a payment with its amount from the step dialog', async () => {
    const writer = await openAs(ClaimsPage, ['registry:read', 'registry:write']);
    await writer.find('[data-testid="claim-step"]').trigger('click');
    await flushPromises();
    await document.querySelector<HTMLElement>('[data-testid="claim-step-save"]')!.click();
    await flushPromises();
    expect(posts).toEqual([
      { url: `/api/v1/obligations/claims/${claim.id}/steps`, body: { step: 'paid', paidYuan: 0 } },
    ]);
    writer.unmount();
  });

  it('flags the insurer over the 21 % cap and shows the hazard a finding opened', async () => {
    const page = await openAs(PreventionServicesPage, ['registry:read']);
    const spendingTable = page.find('[data-testid="prevention-spending"]');
    expect(spendingTable.find('[data-testid="over-cap"]').text()).toBe('超过上限');
    expect(spendingTable.text()).toContain('21.67%');
    expect(spendingTable.text()).toContain('新平未服务采石有限公司');
    const table = page.find('[data-testid="obligations-services-table"]');
    expect(table.text()).toContain('隐患排查');
    expect(table.text()).toContain('已登记隐患');
    expect(table.text()).toContain('演示');
    expect(page.find('[data-testid="services-import"]').exists()).toBe(false);
    page.unmount();

    const writer = await openAs(PreventionServicesPage, ['registry:read', 'registry:write']);
    expect(writer.find('[data-testid="services-import"]').text()).toBe('导入服务记录');
    writer.unmount();
  });
});
