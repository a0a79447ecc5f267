// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { i18n } from '../../../i18n/index.ts';
import { ApiError } from '../../../lib/api.ts';
import WhistleSmsCodeButton from './WhistleSmsCodeButton.vue';

beforeEach(() => {
  vi.useFakeTimers();
  i18n.global.locale.value = 'zh-CN';
});
afterEach(() => vi.useRealTimers());

const mountButton = (request: () => Promise<{ resendAfterSeconds: number }>, disabled = false) =>
  mount(WhistleSmsCodeButton, { props: { request, disabled }, global: { plugins: [i18n] } });

describe('获取验证码 with its countdown', () => {
  it('counts down the server’s interval after a code is sent, then offers to send again', async () => {
    const request = vi.fn(() => Promise.resolve({ resendAfterSeconds: 60 }));
    const button = mountButton(request);
    const element = () => button.get('[data-testid="wb-sms-send"]');
    expect(element().text()).toBe('获取验证码');

    await element().trigger('click');
    await flushPromises();
    expect(request).toHaveBeenCalledTimes(1);
    expect(button.emitted('sent')).toHaveLength(1);
    expect(element().text()).toBe('60秒后重新获取');
    expect(element().attributes('disabled')).toBeDefined();

    // Pressing during the countdown sends nothing.
    await element().trigger('click');
    vi.advanceTimersByTime(59_000);
    await flushPromises();
    expect(element().text()).toBe('1秒后重新获取');
    expect(request).toHaveBeenCalledTimes(1);

    vi.advanceTimersByTime(1000);
    await flushPromises();
    expect(element().text()).toBe('重新获取');
    expect(element().attributes('disabled')).toBeUndefined();
    await element().trigger('click');
    await flushPromises();
    expect(request).toHaveBeenCalledTimes(2);
  });

  it('hands a refusal to the page and starts no countdown', async () => {
    const refusal = new ApiError(
      429,
      'whistle.sms_daily_quota',
      '该手机号今日获取验证码次数已达上限，请明天再试',
    );
    const button = mountButton(() => Promise.reject(refusal));
    await button.get('[data-testid="wb-sms-send"]').trigger('click');
    await flushPromises();
    expect(button.emitted('failed')).toEqual([[refusal]]);
    expect(button.get('[data-testid="wb-sms-send"]').text()).toBe('获取验证码');
    expect(button.get('[data-testid="wb-sms-send"]').attributes('disabled')).toBeUndefined();
  });

  it('stays off until the phone is a mobile number', () => {
    const request = vi.fn(() => Promise.resolve({ resendAfterSeconds: 60 }));
    const button = mountButton(request, true);
    expect(button.get('[data-testid="wb-sms-send"]').attributes('disabled')).toBeDefined();
  });
});
