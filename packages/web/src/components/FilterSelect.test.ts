// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { h, nextTick, ref } from 'vue';
import { mountInApp } from '../test-support/mount-in-app.ts';
import FilterEnum from './FilterEnum.vue';
import FilterKeyword from './FilterKeyword.vue';
import FilterSelect from './FilterSelect.vue';

describe('FilterSelect and FilterKeyword', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('label the field, offer 全部 when empty, and write the chosen value and the typed text back', async () => {
    const status = ref('');
    const q = ref('');
    const changes: string[] = [];
    const { wrapper } = mountInApp(
      () => ({ status, q }),
      () =>
        h('form', [
          h(FilterKeyword, {
            label: '名称',
            testid: 'q',
            modelValue: q.value,
            'onUpdate:modelValue': (v: unknown) => (q.value = String(v)),
          }),
          h(FilterSelect, {
            label: '状态',
            testid: 'status',
            options: [
              { value: 'active', label: '在用' },
              { value: 'disabled', label: '停用' },
            ],
            modelValue: status.value,
            'onUpdate:modelValue': (v: unknown) => (status.value = String(v)),
            onChange: () => changes.push(status.value),
          }),
        ]),
    );
    expect(wrapper.findAll('.el-form-item__label').map((l) => l.text())).toEqual(['名称', '状态']);
    expect(wrapper.find('.el-select__placeholder').text()).toBe('全部');
    await wrapper.find('[data-testid="q"]').setValue('玉溪');
    expect(q.value).toBe('玉溪');
    expect(wrapper.find('[data-testid="q"]').attributes('maxlength')).toBe('64');

    await wrapper.find('[data-testid="status"]').trigger('click');
    await nextTick();
    const option = [...document.querySelectorAll<HTMLElement>('.el-select-dropdown__item')].find(
      (o) => o.textContent?.trim() === '停用',
    );
    option!.click();
    await nextTick();
    expect(status.value).toBe('disabled');
    expect(changes).toEqual(['disabled']);
  });

  it('FilterEnum names a domain list’s values by their messages and writes the chosen value back', async () => {
    const post = ref('');
    const { wrapper } = mountInApp(
      () => ({ post }),
      () =>
        h(FilterEnum, {
          label: '岗位',
          testid: 'post',
          values: ['principal', 'safety_manager'],
          prefix: 'obligations.post',
          modelValue: post.value,
          'onUpdate:modelValue': (v: unknown) => (post.value = String(v)),
        }),
    );
    expect(wrapper.find('.el-form-item__label').text()).toBe('岗位');
    expect(wrapper.find('.el-select__placeholder').text()).toBe('全部');
    await wrapper.find('[data-testid="post"]').trigger('click');
    await nextTick();
    const labels = [...document.querySelectorAll<HTMLElement>('.el-select-dropdown__item')].map((o) =>
      o.textContent?.trim(),
    );
    expect(labels).toEqual(['主要负责人', '安全生产管理人员']);
    document.querySelectorAll<HTMLElement>('.el-select-dropdown__item')[1]!.click();
    await nextTick();
    expect(post.value).toBe('safety_manager');
  });
});
