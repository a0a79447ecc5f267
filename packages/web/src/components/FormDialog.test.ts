// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { h, nextTick, ref } from 'vue';
import { ElFormItem, ElInput } from 'element-plus';
import { flushPromises } from '@vue/test-utils';
import { useFormDialog } from '../composables/use-form-dialog.ts';
import { mountInApp } from '../test-support/mount-in-app.ts';
import FormDialog from './FormDialog.vue';

const button = (text: string) =>
  [...document.querySelectorAll<HTMLButtonElement>('.el-dialog button')].find(
    (b) => b.textContent?.trim() === text,
  )!;

describe('FormDialog', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('shows the title and the form’s items, emits submit on 保存 and closes on 取消', async () => {
    const open = ref(true);
    const busy = ref(false);
    const submitted: number[] = [];
    const form = { name: '甲' };
    mountInApp(
      () => ({ open }),
      () =>
        h(
          FormDialog,
          {
            modelValue: open.value,
            'onUpdate:modelValue': (v: boolean) => (open.value = v),
            title: '新增检查类别',
            model: form,
            busy: busy.value,
            saveTestid: 'category-save',
            onSubmit: () => submitted.push(1),
          },
          () => h(ElFormItem, { label: '名称' }, () => h(ElInput, { modelValue: form.name })),
        ),
    );
    await nextTick();
    expect(document.querySelector('.el-dialog__title')?.textContent).toBe('新增检查类别');
    expect(document.querySelector('.el-dialog .el-form-item__label')?.textContent).toBe('名称');
    button('保存').click();
    expect(submitted).toEqual([1]);

    busy.value = true;
    await nextTick();
    expect(document.querySelector('[data-testid="category-save"]')?.classList).toContain('is-loading');

    button('取消').click();
    await nextTick();
    expect(open.value).toBe(false);
  });
});

describe('FormDialog with a useFormDialog state', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('opens with the dialog, is titled 修改 for a record, and 保存 saves through it', async () => {
    const saved: string[] = [];
    const { state } = mountInApp(
      () =>
        useFormDialog<{ name: string }, { id: string; name: string }>({
          blank: () => ({ name: '' }),
          fill: (item) => ({ name: item.name }),
          submit: async (form) => void saved.push(form.name),
        }),
      (dialog) => h(FormDialog, { dialog }, () => h(ElFormItem, { label: '名称' })),
    );
    state.show({ id: 'a', name: '重点' });
    await nextTick();
    expect(document.querySelector('.el-dialog__title')?.textContent).toBe('修改');
    button('保存').click();
    await flushPromises();
    expect(saved).toEqual(['重点']);
    expect(state.open.value).toBe(false);
  });
});
