// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { h, nextTick, ref } from 'vue';
import { ElDialog } from 'element-plus';
import { mountInApp } from '../test-support/mount-in-app.ts';
import DetailDialog from './DetailDialog.vue';

describe('DetailDialog', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('is open while it holds a record, and closing it lets the record go', async () => {
    const viewing = ref<{ name: string } | null>(null);
    const { wrapper } = mountInApp(
      () => viewing,
      () =>
        h(
          DetailDialog,
          {
            modelValue: viewing.value,
            'onUpdate:modelValue': (v: unknown) => (viewing.value = v as { name: string } | null),
            title: viewing.value?.name,
          },
          {
            default: () => h('p', { class: 'body' }, viewing.value?.name),
            footer: () => h('button', { class: 'edit' }, '修改库存'),
          },
        ),
    );
    await nextTick();
    expect(wrapper.findComponent(ElDialog).props('modelValue')).toBe(false);
    viewing.value = { name: '玉溪市应急物资储备库' };
    await nextTick();
    await nextTick();
    expect(document.querySelector('.el-dialog__title')?.textContent).toBe('玉溪市应急物资储备库');
    expect(document.querySelector('.el-dialog .body')?.textContent).toBe('玉溪市应急物资储备库');
    expect(document.querySelector('.el-dialog__footer .edit')?.textContent).toBe('修改库存');
    // What Element Plus sends when the dialog is closed (×, Esc, a click outside).
    wrapper.findComponent(ElDialog).vm.$emit('update:modelValue', false);
    await nextTick();
    expect(viewing.value).toBeNull();
  });
});
