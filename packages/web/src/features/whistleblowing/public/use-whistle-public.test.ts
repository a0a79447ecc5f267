// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../lib/api.ts';
import { deviceId, usePublicCaptcha } from './use-whistle-public.ts';

const json = (status: number, body: unknown) =>
  Promise.resolve(
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
  );

afterEach(() => vi.unstubAllGlobals());

describe('the public whistleblowing page’s client', () => {
  it('keeps one random device id on this phone', () => {
    localStorage.clear();
    const first = deviceId();
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    expect(deviceId()).toBe(first);
  });

  it('fetches a picture when the server asks for a captcha, sends the answer next time, then forgets it', async () => {
    const calls: { url: string; body: Record<string, unknown> | null }[] = [];
    const answers = [
      () => json(400, { error: { code: 'whistle.captcha_required', message: '请输入图形验证码' } }),
      () =>
        json(200, {
          id: '0b8c5a3e-6d1f-4c2a-9e7b-3f5d8a1c2e4b',
          image: 'data:image/svg+xml;base64,PHN2Zy8+',
          expiresAt: '2026-12-06T10:00:00Z',
        }),
      () => json(201, { queryCode: 'AAAA-BBBB-CCCC', secret: 'A'.repeat(20) }),
    ];
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string, init: RequestInit) => {
        calls.push({
          url,
          body: init.body ? (JSON.parse(String(init.body)) as Record<string, unknown>) : null,
        });
        return answers[calls.length - 1]!();
      }),
    );
    const { captcha, send } = usePublicCaptcha();

    const refused = await send('/reports', { a: 1 }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).message).toBe('请输入图形验证码');
    expect(calls[1]!.url).toBe('/api/v1/public/whistleblowing/captcha');
    expect(captcha.image).toBe('data:image/svg+xml;base64,PHN2Zy8+');

    captcha.answer = ' k7pq ';
    await send('/reports', { a: 1 });
    expect(calls[2]!.body).toEqual({
      a: 1,
      captchaId: '0b8c5a3e-6d1f-4c2a-9e7b-3f5d8a1c2e4b',
      captchaAnswer: 'k7pq',
    });
    expect(captcha).toEqual({ id: '', image: '', answer: '' });
  });
});
