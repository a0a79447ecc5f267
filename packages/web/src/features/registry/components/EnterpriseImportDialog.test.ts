// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { h } from 'vue';
import { flushPromises } from '@vue/test-utils';
import { mountInApp } from '../../../test-support/mount-in-app.ts';
import EnterpriseImportDialog from './EnterpriseImportDialog.vue';

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

const refused = {
  committed: false,
  totalRows: 3,
  created: 0,
  updated: 0,
  unchanged: 0,
  invalidRows: 1,
  errors: [{ row: 4, column: '统一社会信用代码', message: '校验位错误' }],
};
const committed = { ...refused, committed: true, created: 2 };

const text = (testid: string) =>
  document.querySelector(`[data-testid="${testid}"]`)?.textContent?.replace(/\s+/g, ' ').trim();

describe('EnterpriseImportDialog (on the shared import frame)', () => {
  it('stores nothing while a row is bad, then imports the valid rows only when asked', async () => {
    const urls: string[] = [];
    const answers = [refused, committed];
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string) => {
        urls.push(url);
        return Promise.resolve(
          new Response(JSON.stringify(answers.shift()), {
            status: 200,
            headers: { 'content-type': 'application/json' },
          }),
        );
      }),
    );
    const imported: string[] = [];
    mountInApp(
      () => null,
      () => h(EnterpriseImportDialog, { modelValue: true, onImported: () => imported.push('list') }),
    );
    await flushPromises();
    const input = document.querySelector<HTMLInputElement>('[data-testid="import-file"] input[type="file"]')!;
    Object.defineProperty(input, 'files', { value: [new File(['PK'], '企业.xlsx')], configurable: true });
    input.dispatchEvent(new Event('change'));
    await flushPromises();
    document.querySelector<HTMLElement>('[data-testid="import-submit"]')!.click();
    await flushPromises();

    expect(document.querySelector('[data-testid="import-result"]')?.getAttribute('data-committed')).toBe(
      'false',
    );
    expect(text('import-summary')).toContain('成功 0 条，失败 1 条');
    expect(imported).toEqual([]);
    const errorRow = [...document.querySelectorAll('[data-testid="import-errors"] tbody td')].map((td) =>
      td.textContent?.trim(),
    );
    expect(errorRow).toEqual(['4', '统一社会信用代码', '校验位错误']);

    document.querySelector<HTMLElement>('[data-testid="import-valid-only"]')!.click();
    await flushPromises();
    expect(urls).toEqual([
      '/api/v1/enterprises/import?validOnly=false',
      '/api/v1/enterprises/import?validOnly=true',
    ]);
    expect(document.querySelector('[data-testid="import-result"]')?.getAttribute('data-committed')).toBe(
      'true',
    );
    expect(text('import-summary')).toContain('成功 2 条，失败 1 条');
    expect(imported).toEqual(['list']);
    expect(document.querySelector('[data-testid="import-valid-only"]')).toBeNull();
  });
});
