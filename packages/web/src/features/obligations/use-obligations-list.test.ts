// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { mountInApp } from '../../test-support/mount-in-app.ts';
import { useObligationsDialog } from './use-obligations-list.ts';

interface Row {
  id: string;
  nextStep: string | null;
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('useObligationsDialog', () => {
  it('opens on a row, posts the form without its empty fields to the row’s path, says 已保存 and reloads', async () => {
    const calls: { url: string; body: unknown }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string, init: RequestInit) => {
        calls.push({ url, body: JSON.parse(String(init.body)) });
        return Promise.resolve(
          new Response('{}', { status: 201, headers: { 'content-type': 'application/json' } }),
        );
      }),
    );
    const reloaded: string[] = [];
    const { state: step } = mountInApp(() =>
      useObligationsDialog({
        blank: () => ({ step: '', on: '', licenceNumber: '' }),
        fill: (row: Row) => ({ step: row.nextStep ?? '' }),
        path: (row) => `/obligations/licence-applications/${row!.id}/steps`,
        afterSave: () => {
          reloaded.push('list');
        },
      }),
    );

    step.show({ id: 'a1', nextStep: 'accepted' });
    expect({ ...step.form }).toEqual({ step: 'accepted', on: '', licenceNumber: '' });
    step.form.on = '2026-12-01';
    expect(await step.save()).toBe(true);
    await flushPromises();

    expect(calls).toEqual([
      {
        url: '/api/v1/obligations/licence-applications/a1/steps',
        body: { step: 'accepted', on: '2026-12-01' },
      },
    ]);
    expect(reloaded).toEqual(['list']);
    expect(step.open.value).toBe(false);
    const messages = [...document.querySelectorAll('.el-message .el-message__content')].map((m) =>
      m.textContent?.trim(),
    );
    expect(messages).toEqual(['已保存']);
  });
});
