// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import ElementPlus from 'element-plus';
import { i18n } from '../../../i18n/index.ts';
import { useSessionStore } from '../../../stores/session.ts';
import IncidentClaims from './IncidentClaims.vue';

const INCIDENT = '00000000-0000-4000-8000-000000000004';
const claim = {
  id: '00000000-0000-4000-8000-000000000001',
  policyId: '00000000-0000-4000-8000-000000000002',
  policyNumber: 'PICC-2026',
  insurer: '人保财险玉溪分公司',
  enterpriseId: '00000000-0000-4000-8000-000000000003',
  enterpriseName: '新平演示矿业有限公司',
  county: '530427',
  claimNumber: 'LP-2026-001',
  incidentId: INCIDENT,
  incidentOn: '2026-10-10',
  incidentLocation: '主井',
  reportedOn: '2026-10-12',
  deaths: 0,
  injuries: 2,
  claimedYuan: 180000,
  paidYuan: 150000,
  status: 'paid',
  acceptedOn: '2026-10-15',
  paidOn: '2026-11-02',
  rejectedOn: null,
  rejectionReason: null,
  nextSteps: [],
  demo: true,
};

async function open(permissions: string[], items: unknown[]) {
  const urls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string) => {
      urls.push(url);
      return Promise.resolve(
        new Response(JSON.stringify({ items, total: items.length, page: 1, pageSize: 50 }), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        }),
      );
    }),
  );
  const pinia = createPinia();
  setActivePinia(pinia);
  const session = useSessionStore();
  session.state = { user: { id: 'u1', permissions } } as unknown as typeof session.state;
  const wrapper = mount(IncidentClaims, {
    props: { incidentId: INCIDENT },
    attachTo: document.body,
    global: { plugins: [pinia, i18n, ElementPlus] },
  });
  await flushPromises();
  return { wrapper, urls };
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('保险理赔 on the incident’s command page', () => {
  it('lists the claims registered on this incident', async () => {
    const { wrapper, urls } = await open(['emergency:read', 'registry:read'], [claim]);
    expect(urls).toEqual([`/api/v1/obligations/claims?incidentId=${INCIDENT}&pageSize=50`]);
    const block = wrapper.find('[data-testid="incident-claims"]');
    expect(block.find('h4').text()).toBe('保险理赔');
    const cells = block.findAll('tbody td').map((td) => td.text());
    expect(cells).toEqual(['LP-2026-001', '人保财险玉溪分公司', '2026-10-12', '180000', '150000', '已赔付']);
  });

  it('shows nothing when the incident has no claim, and asks nothing of a user who may not read them', async () => {
    const none = await open(['emergency:read', 'registry:read'], []);
    expect(none.urls).toHaveLength(1);
    expect(none.wrapper.find('[data-testid="incident-claims"]').exists()).toBe(false);
    none.wrapper.unmount();

    const barred = await open(['emergency:read'], [claim]);
    expect(barred.urls).toEqual([]);
    expect(barred.wrapper.find('[data-testid="incident-claims"]').exists()).toBe(false);
  });
});
