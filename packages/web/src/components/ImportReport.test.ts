// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { h } from 'vue';
import { flushPromises } from '@vue/test-utils';
import { mountInApp } from '../test-support/mount-in-app.ts';
import ImportReport from './ImportReport.vue';

afterEach(() => {
  document.body.innerHTML = '';
});

const headers = () =>
  [...document.querySelectorAll('[data-testid="plan-import-errors"] th .cell')].map((c) =>
    c.textContent?.trim(),
  );

describe('ImportReport', () => {
  it('shows the outcome with the rows read, and each problem by sheet, row and column', async () => {
    mountInApp(
      () => null,
      () =>
        h(ImportReport, {
          testid: 'plan-import',
          title: '有 1 行存在错误，未导入任何数据',
          report: {
            committed: false,
            totalRows: 12,
            errors: [{ sheet: '任务', row: 5, column: '牵头单位', message: '未找到该单位' }],
          },
        }),
    );
    await flushPromises();
    const result = document.querySelector('[data-testid="plan-import-result"]')!;
    expect(result.getAttribute('data-committed')).toBe('false');
    expect(result.textContent).toContain('有 1 行存在错误，未导入任何数据');
    expect(result.textContent).toContain('共 12 行');
    expect(headers()).toEqual(['工作表', '行号', '列', '问题']);
  });

  it('leaves out the sheet column when the workbook has one sheet, and the table when nothing is wrong', async () => {
    mountInApp(
      () => null,
      () =>
        h('div', [
          h(ImportReport, {
            testid: 'plan-import',
            title: '',
            report: {
              committed: false,
              totalRows: 3,
              errors: [{ row: 2, column: '年份', message: '不是年份' }],
            },
          }),
          h(ImportReport, {
            testid: 'clean',
            title: '',
            report: { committed: true, totalRows: 3, errors: [] },
          }),
        ]),
    );
    await flushPromises();
    expect(headers()).toEqual(['行号', '列', '问题']);
    expect(document.querySelector('[data-testid="clean-errors"]')).toBeNull();
    expect(document.querySelector('[data-testid="clean-result"]')!.getAttribute('data-committed')).toBe(
      'true',
    );
  });
});
