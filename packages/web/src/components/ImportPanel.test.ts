// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { h, nextTick, ref } from 'vue';
import { mountInApp } from '../test-support/mount-in-app.ts';
import ImportPanel from './ImportPanel.vue';

describe('ImportPanel', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('offers the template, the upload and valid-only in the page’s words, and shows the report once answered', async () => {
    const validOnly = ref(false);
    const report = ref<{ committed: boolean; totalRows: number; errors: never[] } | null>(null);
    const templates: number[] = [];
    const { wrapper } = mountInApp(
      () => null,
      () =>
        h(ImportPanel, {
          validOnly: validOnly.value,
          'onUpdate:validOnly': (v: boolean) => (validOnly.value = v),
          messages: 'statistics.imports',
          testid: 'import-accidents',
          report: report.value,
          reportTitle: '已导入 2 行',
          onTemplate: () => templates.push(1),
        }),
    );
    await nextTick();
    expect(wrapper.find('[data-testid="import-accidents-template"]').text()).toBe('下载模板');
    expect(wrapper.text()).toContain('选择文件并导入');
    expect(wrapper.find('[data-testid="import-result"]').exists()).toBe(false);
    await wrapper.find('[data-testid="import-accidents-template"]').trigger('click');
    expect(templates).toEqual([1]);
    await wrapper.find('[data-testid="import-accidents-valid-only"] input').setValue(true);
    expect(validOnly.value).toBe(true);
    report.value = { committed: true, totalRows: 2, errors: [] };
    await nextTick();
    const result = wrapper.find('[data-testid="import-result"]');
    expect(result.attributes('data-committed')).toBe('true');
    expect(result.text()).toContain('已导入 2 行');
  });
});
