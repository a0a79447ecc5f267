// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { h, ref } from 'vue';
import { i18n } from '../i18n/index.ts';
import { mountInApp } from '../test-support/mount-in-app.ts';
import EnumSelect from './EnumSelect.vue';

describe('EnumSelect', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    i18n.global.locale.value = 'zh-CN';
  });

  it('offers each value named by its i18n message and shows the chosen one', async () => {
    const chosen = ref('suspended');
    const { wrapper } = mountInApp(
      () => null,
      () =>
        h(EnumSelect, {
          modelValue: chosen.value,
          'onUpdate:modelValue': (v: unknown) => (chosen.value = v as string),
          values: ['operating', 'suspended'],
          prefix: 'registry.statuses',
          'data-testid': 'status-choice',
        }),
    );
    await new Promise((r) => setTimeout(r, 0));
    expect(wrapper.find('[data-testid="status-choice"]').exists()).toBe(true);
    expect(wrapper.text()).toContain('停产停业');
  });
});
