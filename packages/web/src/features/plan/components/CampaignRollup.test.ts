// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { createPinia } from 'pinia';
import { i18n } from '../../../i18n/index.ts';
import type * as CampaignMap from '../lib/campaign-map.ts';
import CampaignRollup from './CampaignRollup.vue';

vi.mock('../lib/campaign-map.ts', async (original) => ({
  ...(await original<typeof CampaignMap>()),
  // Leaflet needs a laid-out page; the map's colours are tested in campaign-map.test.ts.
  createCampaignMap: () => ({ draw: vi.fn(), destroy: vi.fn() }),
}));

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

const rollup = {
  byCounty: [],
  byUnit: [
    {
      organisationId: 'u1',
      organisationName: '市住房和城乡建设局',
      objects: 3,
      closed: 2,
      verified: 1,
      percent: 33,
    },
    {
      organisationId: 'u2',
      organisationName: '市应急管理局',
      objects: 0,
      closed: 0,
      verified: 0,
      percent: null,
    },
  ],
};

describe('a campaign’s roll-up', () => {
  it('lists each unit’s objects, closed, verified and share, with the map’s legend', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string) =>
        Promise.resolve(
          new Response(
            JSON.stringify(
              url.includes('/rollup')
                ? rollup
                : url.includes('boundaries')
                  ? { features: [] }
                  : { basemap: null },
            ),
            { status: 200, headers: { 'content-type': 'application/json' } },
          ),
        ),
      ),
    );
    const wrapper = mount(CampaignRollup, {
      props: { campaignId: 'c1', campaignName: '燃气安全专项整治' },
      global: { plugins: [createPinia(), i18n, ElementPlus] },
    });
    await flushPromises();
    const rows = wrapper.findAll('[data-testid="plan-rollup-units"] .el-table__body tr');
    expect(rows.map((r) => r.findAll('td').map((td) => td.text()))).toEqual([
      ['市住房和城乡建设局', '3', '2', '1', '33%'],
      ['市应急管理局', '0', '0', '0', '—'],
    ]);
    expect(wrapper.find('[data-testid="plan-rollup-legend"]').text()).toContain('验收率低于 50%');
  });
});
