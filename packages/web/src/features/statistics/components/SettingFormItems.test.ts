// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { h, nextTick, reactive } from 'vue';
import { ElForm, ElFormItem, ElInputNumber } from 'element-plus';
import { mountInApp } from '../../../test-support/mount-in-app.ts';
import SettingFormItems from './SettingFormItems.vue';

describe('SettingFormItems', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('puts the names first, the setting’s own items between, order and display last, bound to the form', async () => {
    const { state: form, wrapper } = mountInApp(
      () => reactive({ nameZh: '演练场次', nameEn: 'Drills held', target: 12, position: 3, active: true }),
      (form) =>
        h(ElForm, { model: form }, () =>
          h(
            SettingFormItems,
            {
              nameZh: form.nameZh,
              'onUpdate:nameZh': (v: string) => (form.nameZh = v),
              nameEn: form.nameEn,
              'onUpdate:nameEn': (v: string) => (form.nameEn = v),
              position: form.position,
              'onUpdate:position': (v: number) => (form.position = v),
              active: form.active,
              'onUpdate:active': (v: boolean) => (form.active = v),
            },
            () => h(ElFormItem, { label: '目标值' }, () => h(ElInputNumber, { modelValue: form.target })),
          ),
        ),
    );
    await nextTick();
    const labels = wrapper.findAll('.el-form-item__label').map((l) => l.text());
    expect(labels).toEqual(['中文名称', '英文名称', '目标值', '排序', '启用']);
    const inputs = wrapper.findAll('input');
    expect((inputs[0]!.element as HTMLInputElement).value).toBe('演练场次');
    await inputs[0]!.setValue('演练次数');
    await wrapper.find('.el-switch').trigger('click');
    expect(form.nameZh).toBe('演练次数');
    expect(form.active).toBe(false);
  });
});
