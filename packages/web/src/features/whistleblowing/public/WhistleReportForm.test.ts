// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { h } from 'vue';
import { flushPromises } from '@vue/test-utils';
import { i18n } from '../../../i18n/index.ts';
import { mountInApp } from '../../../test-support/mount-in-app.ts';
import WhistleReportForm from './WhistleReportForm.vue';

const json = (status: number, body: unknown) =>
  Promise.resolve(
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
  );

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

const field = (testid: string) => document.querySelector<HTMLElement>(`[data-testid="${testid}"]`);

async function mountForm(codeRequired: boolean) {
  i18n.global.locale.value = 'zh-CN';
  const posted: { url: string; body: Record<string, unknown> }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init: RequestInit) => {
      if (init.method === 'POST') posted.push({ url, body: JSON.parse(String(init.body)) });
      if (url.endsWith('/sms-codes') && init.method !== 'POST')
        return json(200, { codeRequired, resendAfterSeconds: 60 });
      return json(202, { resendAfterSeconds: 60, expiresInSeconds: 300 });
    }),
  );
  mountInApp(
    () => null,
    () => h(WhistleReportForm),
  );
  await flushPromises();
  field('wb-real-name')!.click();
  await flushPromises();
  return posted;
}

function type(testid: string, value: string) {
  const input = field(testid)!.querySelector('input')!;
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

describe('the real-name part of the public report form', () => {
  it('asks for the texted code when the server sends codes, and sends the code to the phone typed', async () => {
    const posted = await mountForm(true);
    expect(field('wb-sms-code')).not.toBeNull();
    const button = () => field('wb-sms-send') as HTMLButtonElement;
    expect(button().disabled).toBe(true);
    type('wb-phone', '13800138000');
    await flushPromises();
    expect(button().disabled).toBe(false);
    button().click();
    await flushPromises();
    expect(posted).toEqual([
      {
        url: '/api/v1/public/whistleblowing/sms-codes',
        body: { phone: '13800138000', deviceId: expect.stringMatching(/^[0-9a-f]{32}$/) },
      },
    ]);
    expect(field('wb-sms-note')?.textContent).toBe('验证码已发送，5分钟内有效');
    expect(button().textContent?.trim()).toBe('60秒后重新获取');
  });

  it('asks for no code without an SMS gateway', async () => {
    await mountForm(false);
    expect(field('wb-phone')).not.toBeNull();
    expect(field('wb-sms-code')).toBeNull();
  });
});
