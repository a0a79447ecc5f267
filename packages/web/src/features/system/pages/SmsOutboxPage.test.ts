// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { createPinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import { listKit } from '../../../components/list-kit.ts';
import { i18n } from '../../../i18n/index.ts';
import SmsOutboxPage from './SmsOutboxPage.vue';

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('短信发送记录', () => {
  it('shows the system administrator a failed code’s masked phone and why it failed', async () => {
    i18n.global.locale.value = 'zh-CN';
    const urls: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string) => {
        urls.push(url);
        const body = {
          items: [
            {
              id: '7',
              purpose: 'whistle.code',
              template: 'whistle_code',
              phoneMasked: '138****8000',
              status: 'failed',
              attempts: 8,
              lastError: '网关无法连接：连接被拒绝',
              createdAt: '2026-12-07T02:00:00.000Z',
              sentAt: null,
              failedAt: '2026-12-07T02:05:00.000Z',
            },
          ],
          total: 1,
          page: 1,
          pageSize: 20,
          gatewayConfigured: true,
        };
        return Promise.resolve(
          new Response(JSON.stringify(body), {
            status: 200,
            headers: { 'content-type': 'application/json' },
          }),
        );
      }),
    );
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [{ path: '/admin/sms-outbox', component: SmsOutboxPage }],
    });
    await router.push('/admin/sms-outbox');
    const page = mount(SmsOutboxPage, {
      attachTo: document.body,
      global: { plugins: [createPinia(), i18n, ElementPlus, listKit, router] },
    });
    await flushPromises();
    await flushPromises();
    expect(urls[0]).toContain('/api/v1/system/sms-outbox');
    const cells = page.findAll('.el-table__body td .cell').map((c) => c.text());
    expect(cells).toEqual([
      '2026-12-07 10:00:00',
      '举报验证码',
      '138****8000',
      '失败',
      '8',
      '—',
      '网关无法连接：连接被拒绝',
    ]);
    expect(page.find('[data-testid="sms-outbox-not-configured"]').exists()).toBe(false);
  });
});
