// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { h } from 'vue';
import { flushPromises } from '@vue/test-utils';
import type { ObligationImportReport } from '@anjian/domain';
import { mountInApp } from '../../../test-support/mount-in-app.ts';
import ObligationsImportDialog from './ObligationsImportDialog.vue';

const report: ObligationImportReport = {
  totalRows: 4,
  created: 1,
  updated: 1,
  skipped: 1,
  errors: 1,
  rows: [
    {
      row: 2,
      outcome: 'created',
      subject: '王焊工',
      reason: '已登记考试成绩（合格）；已登记证书 T530402198001010011',
    },
    { row: 3, outcome: 'updated', subject: '赵经理', reason: '已登记证书 ZJL2026001' },
    { row: 4, outcome: 'skipped', subject: '钱安全', reason: '已导入过，内容相同' },
    {
      row: 5,
      outcome: 'error',
      subject: '张三',
      reason: '本人数据范围内没有该身份证号的人员，请先在“三项岗位人员”中登记',
    },
  ],
};

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

function mountDialog() {
  const imported: string[] = [];
  mountInApp(
    () => null,
    () =>
      h(ObligationsImportDialog, {
        modelValue: true,
        kind: 'examResults',
        onImported: () => imported.push('list'),
      }),
  );
  return imported;
}

async function choose(file: File) {
  const input = document.querySelector<HTMLInputElement>(
    '[data-testid="obligations-import-file"] input[type="file"]',
  )!;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change'));
  await flushPromises();
}

const click = async (testid: string) => {
  document.querySelector<HTMLElement>(`[data-testid="${testid}"]`)!.click();
  await flushPromises();
};

const tableRows = () =>
  [...document.querySelectorAll('[data-testid="obligations-import-rows"] .el-table__body tr')].map((tr) =>
    [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim()),
  );

describe('ObligationsImportDialog', () => {
  it('uploads the chosen workbook and shows the server’s report row by row, errors alone on demand', async () => {
    const calls: { url: string; method: string; type: string | null }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string, init: RequestInit) => {
        calls.push({
          url,
          method: String(init.method),
          type: (init.headers as Record<string, string>)['Content-Type'] ?? null,
        });
        return Promise.resolve(
          new Response(JSON.stringify(report), {
            status: 200,
            headers: { 'content-type': 'application/json' },
          }),
        );
      }),
    );
    const imported = mountDialog();
    await flushPromises();
    expect(document.querySelector('.el-dialog__title')?.textContent).toBe('导入培训考试成绩');

    await choose(new File(['PK'], '考试成绩.xlsx'));
    expect(document.querySelector('[data-testid="obligations-import-file-name"]')?.textContent?.trim()).toBe(
      '已选择：考试成绩.xlsx',
    );
    await click('obligations-import-submit');

    expect(calls).toEqual([
      {
        url: '/api/v1/obligations/exam-results/import',
        method: 'POST',
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
    ]);
    expect(imported).toEqual(['list']);
    expect(document.querySelector('[data-testid="obligations-import-summary"]')?.textContent?.trim()).toBe(
      '共 4 行：新增 1，更新 1，跳过 1，错误 1',
    );
    const headers = [
      ...document.querySelectorAll('[data-testid="obligations-import-rows"] .el-table__header th'),
    ].map((th) => th.textContent?.trim());
    expect(headers).toEqual(['行号', '结果', '姓名', '说明']);
    expect(tableRows()).toEqual([
      ['2', '新增', '王焊工', '已登记考试成绩（合格）；已登记证书 T530402198001010011'],
      ['3', '更新', '赵经理', '已登记证书 ZJL2026001'],
      ['4', '跳过', '钱安全', '已导入过，内容相同'],
      ['5', '错误', '张三', '本人数据范围内没有该身份证号的人员，请先在“三项岗位人员”中登记'],
    ]);

    document.querySelector<HTMLInputElement>('[data-testid="obligations-import-errors-only"] input')!.click();
    await flushPromises();
    expect(tableRows().map((r) => r[0])).toEqual(['5']);

    await click('obligations-import-again');
    expect(document.querySelector('[data-testid="obligations-import-rows"]')).toBeNull();
    expect(document.querySelector('[data-testid="obligations-import-file"]')).not.toBeNull();
  });

  it('refuses a file that is not .xlsx before sending anything', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    mountDialog();
    await flushPromises();
    await choose(new File(['a,b'], '考试成绩.csv'));
    const messages = [...document.querySelectorAll('.el-message .el-message__content')].map((m) =>
      m.textContent?.trim(),
    );
    expect(messages).toEqual(['只能上传 .xlsx 格式的 Excel 文件']);
    expect(document.querySelector('[data-testid="obligations-import-file-name"]')).toBeNull();
    expect(
      document.querySelector<HTMLButtonElement>('[data-testid="obligations-import-submit"]')!.disabled,
    ).toBe(true);
    expect(fetch).not.toHaveBeenCalled();
  });
});
