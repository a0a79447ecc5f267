// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { h, ref } from 'vue';
import { flushPromises } from '@vue/test-utils';
import { mountInApp } from '../../../test-support/mount-in-app.ts';
import type { Pin } from '../lib/pin-map.ts';
import WhistlePinMap from './WhistlePinMap.vue';
import WhistleStaffPinPicker from './WhistleStaffPinPicker.vue';

const json = (status: number, body: unknown) =>
  Promise.resolve(
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
  );

const MAP = {
  basemap: null,
  extent: { minLon: 101.27, minLat: 23.31, maxLon: 103.16, maxLat: 24.96 },
  boundaries: { type: 'FeatureCollection', features: [] },
};

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

function mountPicker(place: () => Promise<Response>) {
  const urls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string) => {
      urls.push(url);
      return url.startsWith('/api/v1/public/whistleblowing/map') ? json(200, MAP) : place();
    }),
  );
  const pin = ref<Pin | null>(null);
  const chosen: string[] = [];
  const { wrapper } = mountInApp(
    () => null,
    () =>
      h(WhistleStaffPinPicker, {
        modelValue: pin.value,
        'onUpdate:modelValue': (value: Pin | null) => (pin.value = value),
        onEnterprise: (e: { id: string }) => chosen.push(e.id),
      }),
  );
  return { urls, pin, chosen, wrapper };
}

const text = (testid: string) => document.querySelector(`[data-testid="${testid}"]`)?.textContent?.trim();
const click = (testid: string) => document.querySelector<HTMLElement>(`[data-testid="${testid}"]`)!.click();

describe('地图定位 on the staff entry form (12350 calls and letters)', () => {
  it('opens the public page’s Yuxi map, drops the pin, names its county and offers the units near it', async () => {
    const { urls, pin, chosen, wrapper } = mountPicker(() =>
      json(200, {
        county: '530402',
        enterprises: [{ id: 'e1', name: '玉溪定位测试仓储有限公司', county: '530402', distanceM: 111 }],
      }),
    );
    expect(wrapper.findComponent(WhistlePinMap).exists()).toBe(false);
    click('wb-staff-pin-open');
    await flushPromises();
    expect(wrapper.findComponent(WhistlePinMap).props('extent')).toEqual(MAP.extent);
    wrapper.findComponent(WhistlePinMap).vm.$emit('pick', { lon: 102.5389, lat: 24.3443 });
    await flushPromises();
    expect(pin.value).toEqual({ lon: 102.5389, lat: 24.3443 });
    expect(urls[1]).toMatch(
      /^\/api\/v1\/public\/whistleblowing\/place\?lon=102\.5389&lat=24\.3443&deviceId=/,
    );
    expect(text('wb-staff-pin-at')).toBe('定位在红塔区');
    expect(text('wb-staff-pin-enterprise')).toBe('玉溪定位测试仓储有限公司 · 约111米');
    click('wb-staff-pin-enterprise');
    expect(chosen).toEqual(['e1']);
    click('wb-staff-pin-clear');
    await flushPromises();
    expect(pin.value).toBeNull();
    expect(document.querySelector('[data-testid="wb-staff-pin-enterprise"]')).toBeNull();
  });

  it('takes back a pin outside Yuxi with the server’s whistle.pin_outside_city message', async () => {
    const { pin, wrapper } = mountPicker(() =>
      json(400, {
        error: {
          code: 'whistle.pin_outside_city',
          message: '定位点不在玉溪市范围内，请在玉溪市内选点，或只填写地址',
        },
      }),
    );
    click('wb-staff-pin-open');
    await flushPromises();
    wrapper.findComponent(WhistlePinMap).vm.$emit('pick', { lon: 102.6, lat: 24.75 });
    await flushPromises();
    expect(pin.value).toBeNull();
    expect(text('wb-staff-pin-problem')).toBe('定位点不在玉溪市范围内，请在玉溪市内选点，或只填写地址');
  });
});
