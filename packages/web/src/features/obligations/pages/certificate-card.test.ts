// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { createPinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n } from '../../../i18n/index.ts';
import CertificateCardPage from './CertificateCardPage.vue';
import CertificateCheckPage from './CertificateCheckPage.vue';

vi.mock('../../enforcement/components/phone-ui.ts', async () => {
  const vant = await import('vant');
  return {
    VanButton: vant.Button,
    VanCell: vant.Cell,
    VanCellGroup: vant.CellGroup,
    VanField: vant.Field,
    VanTag: vant.Tag,
  };
});

const NUMBER = 'T530402-演示#07';
const check = {
  certificate: {
    id: '3e9c6f4b-7d80-4b12-8d4e-5f6a7b8c9da3',
    personId: '2d8b5e3a-6c7f-4a01-9c3d-4e5f6a7b8c92',
    kind: 'special_operation',
    number: NUMBER,
    operation: 'electrical',
    authority: '玉溪市应急管理局',
    issuedOn: '2024-03-01',
    expiresOn: '2030-03-01',
    reviewDueOn: '2027-03-01',
    reviewedOn: null,
    status: 'valid',
    daysToAct: 450,
    demo: true,
  },
  person: { id: '2d8b5e3a-6c7f-4a01-9c3d-4e5f6a7b8c92', name: '孙演练', post: 'special_operation' },
  enterprise: { id: '0b6f3c1e-4a5d-4e8f-9a1b-2c3d4e5f6a70', name: '演示化工有限公司' },
};

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

function stubLookup(calls: string[]) {
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string) => {
      calls.push(url);
      return Promise.resolve(
        new Response(JSON.stringify(check), { status: 200, headers: { 'content-type': 'application/json' } }),
      );
    }),
  );
}

async function mountAt(path: string, component: object) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/obligations/certificates/:number/card', component: CertificateCardPage },
      { path: '/obligations/m/certificates', component: CertificateCheckPage },
    ],
  });
  await router.push(path);
  await router.isReady();
  const wrapper = mount(component, {
    attachTo: document.body,
    global: {
      plugins: [router, createPinia(), i18n, ElementPlus],
      stubs: { DemoTag: { template: '<i>演示</i>' } },
    },
  });
  await flushPromises();
  await new Promise((resolve) => setTimeout(resolve, 20));
  await flushPromises();
  return wrapper;
}

describe('the certificate card and its phone check', () => {
  it('prints the holder, the certificate and a QR code of the phone check’s address', async () => {
    i18n.global.locale.value = 'zh-CN';
    const calls: string[] = [];
    stubLookup(calls);
    const wrapper = await mountAt(
      `/obligations/certificates/${encodeURIComponent(NUMBER)}/card`,
      CertificateCardPage,
    );
    expect(calls).toEqual([`/api/v1/obligations/certificates/${encodeURIComponent(NUMBER)}`]);
    const card = wrapper.find('[data-testid="certificate-card"]').text();
    for (const part of [
      '安全生产证书核验卡',
      '演示',
      '孙演练',
      '特种作业人员',
      '电工作业',
      NUMBER,
      '演示化工有限公司',
    ])
      expect(card).toContain(part);
    expect(card).toContain('2024-03-01 — 2030-03-01');
    const qr = wrapper.find('[data-testid="certificate-card-qr"]');
    expect(qr.attributes('data-address')).toBe(
      `${window.location.origin}/obligations/m/certificates?no=${encodeURIComponent(NUMBER)}`,
    );
    expect(qr.find('svg').exists()).toBe(true);
  });

  it('checks the number the card’s address carries as soon as the phone opens it', async () => {
    const calls: string[] = [];
    stubLookup(calls);
    const wrapper = await mountAt(
      `/obligations/m/certificates?no=${encodeURIComponent(NUMBER)}`,
      CertificateCheckPage,
    );
    expect(calls).toEqual([`/api/v1/obligations/certificates/${encodeURIComponent(NUMBER)}`]);
    const result = wrapper.find('[data-testid="certificate-result"]').text();
    expect(result).toContain('孙演练（特种作业人员）');
    expect(result).toContain('演示化工有限公司 · 电工作业 · 有效期至 2030-03-01');
    expect(result).toContain('有效');
  });
});
