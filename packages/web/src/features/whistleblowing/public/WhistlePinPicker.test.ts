// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { h, ref } from 'vue';
import { flushPromises } from '@vue/test-utils';
import { mountInApp } from '../../../test-support/mount-in-app.ts';
import WhistlePinMap from '../components/WhistlePinMap.vue';
import { pinFromDisplay, type Pin } from '../lib/pin-map.ts';
import WhistlePinPicker from './WhistlePinPicker.vue';

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

function mountPicker(place: (url: string) => Promise<Response>) {
  const urls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string) => {
      urls.push(url);
      return url.startsWith('/api/v1/public/whistleblowing/map') ? json(200, MAP) : place(url);
    }),
  );
  const pin = ref<Pin | null>(null);
  const chosen: string[] = [];
  const { wrapper } = mountInApp(
    () => null,
    () =>
      h(WhistlePinPicker, {
        modelValue: pin.value,
        'onUpdate:modelValue': (value: Pin | null) => (pin.value = value),
        onEnterprise: (e: { id: string }) => chosen.push(e.id),
      }),
  );
  return { urls, pin, chosen, wrapper };
}

const text = (testid: string) => document.querySelector(`[data-testid="${testid}"]`)?.textContent?.trim();

describe('地图选点 on the public report page', () => {
  it('drops the pin, names its county and offers the units registered near it', async () => {
    const { urls, pin, chosen, wrapper } = mountPicker(() =>
      json(200, {
        county: '530402',
        enterprises: [{ id: 'e1', name: '玉溪定位测试仓储有限公司', county: '530402', distanceM: 111 }],
      }),
    );
    document.querySelector<HTMLElement>('[data-testid="wb-pin-open"]')!.click();
    await flushPromises();
    wrapper.findComponent(WhistlePinMap).vm.$emit('pick', { lon: 102.5389, lat: 24.3443 });
    await flushPromises();
    expect(pin.value).toEqual({ lon: 102.5389, lat: 24.3443 });
    expect(urls[1]).toMatch(
      /^\/api\/v1\/public\/whistleblowing\/place\?lon=102\.5389&lat=24\.3443&deviceId=[0-9a-f]{32}$/,
    );
    expect(text('wb-pin-at')).toBe('定位在红塔区 102.538900, 24.344300');
    expect(text('wb-pin-enterprise')).toBe('玉溪定位测试仓储有限公司约111米');
    document.querySelector<HTMLElement>('[data-testid="wb-pin-enterprise"]')!.click();
    expect(chosen).toEqual(['e1']);
  });

  it('takes back a pin outside Yuxi and says why', async () => {
    const { pin, wrapper } = mountPicker(() =>
      json(400, {
        error: {
          code: 'whistle.pin_outside_city',
          message: '定位点不在玉溪市范围内，请在玉溪市内选点，或只填写地址',
        },
      }),
    );
    document.querySelector<HTMLElement>('[data-testid="wb-pin-open"]')!.click();
    await flushPromises();
    wrapper.findComponent(WhistlePinMap).vm.$emit('pick', { lon: 102.6, lat: 24.75 });
    await flushPromises();
    expect(pin.value).toBeNull();
    expect(text('wb-pin-problem')).toBe('定位点不在玉溪市范围内，请在玉溪市内选点，或只填写地址');
    expect(document.querySelector('[data-testid="wb-pin-at"]')).toBeNull();
  });

  it('reads a tap on a GCJ-02 basemap back as the WGS-84 position it stores', () => {
    expect(pinFromDisplay(102.5389, 24.3443, false)).toEqual({ lon: 102.5389, lat: 24.3443 });
    // GCJ-02 draws 红塔区's seat (102.5389, 24.3443) some 350 m away, at (102.540170, 24.341255).
    expect(pinFromDisplay(102.54017042645833, 24.341255212550948, true)).toEqual({
      lon: 102.5389,
      lat: 24.3443,
    });
  });
});
