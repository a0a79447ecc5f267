// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { h, nextTick, ref } from 'vue';
import { ElForm } from 'element-plus';
import { mountInApp } from '../test-support/mount-in-app.ts';
import EnumField from './EnumField.vue';
import TextField from './TextField.vue';

describe('TextField and EnumField', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('TextField is a labelled input, a textarea when given rows, and writes its model', async () => {
    const form = ref({ name: '甲', summary: '' });
    const { wrapper } = mountInApp(
      () => form,
      () =>
        h(ElForm, { model: form.value }, () => [
          h(TextField, {
            modelValue: form.value.name,
            'onUpdate:modelValue': (v: unknown) => (form.value.name = v as string),
            label: '名称',
            maxlength: 40,
            required: true,
            'data-testid': 'name-input',
          }),
          h(TextField, {
            modelValue: form.value.summary,
            'onUpdate:modelValue': (v: unknown) => (form.value.summary = v as string),
            label: '概要',
            rows: 3,
          }),
        ]),
    );
    await nextTick();
    const items = wrapper.findAll('.el-form-item');
    expect(items.map((i) => i.find('.el-form-item__label').text())).toEqual(['名称', '概要']);
    expect(items[0]!.classes()).toContain('is-required');
    expect(items[1]!.classes()).not.toContain('is-required');
    const input = items[0]!.find('input');
    expect(input.attributes('maxlength')).toBe('40');
    expect(items[0]!.find('[data-testid="name-input"]').exists()).toBe(true);
    expect(items[1]!.find('textarea').attributes('rows')).toBe('3');
    await input.setValue('乙');
    expect(form.value.name).toBe('乙');
  });

  it('EnumField offers the values by their names and is required only when asked', async () => {
    const kind = ref('renewal');
    const { wrapper } = mountInApp(
      () => kind,
      () =>
        h(ElForm, {}, () => [
          h(EnumField, {
            modelValue: kind.value,
            'onUpdate:modelValue': (v: unknown) => (kind.value = v as string),
            label: '申请类别',
            values: ['new', 'renewal'],
            prefix: 'obligations.licenceKind',
            'data-testid': 'kind-choice',
          }),
        ]),
    );
    await new Promise((r) => setTimeout(r, 0));
    expect(wrapper.find('.el-form-item__label').text()).toBe('申请类别');
    expect(wrapper.find('.el-form-item').classes()).not.toContain('is-required');
    // Other attributes reach the select; the chosen value is shown by its name, never the code.
    expect(wrapper.find('.el-form-item__content [data-testid="kind-choice"]').exists()).toBe(true);
    expect(wrapper.find('.el-form-item__content').text()).toContain('延期换证');
  });
});
