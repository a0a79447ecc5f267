// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { h, nextTick, ref } from 'vue';
import { ElDrawer } from 'element-plus';
import { mountInApp } from '../test-support/mount-in-app.ts';
import DetailDrawer from './DetailDrawer.vue';

describe('DetailDrawer', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('is open while it holds a record, and closing it lets the record go', async () => {
    const viewing = ref<{ title: string } | null>(null);
    const { wrapper } = mountInApp(
      () => viewing,
      () =>
        h(
          DetailDrawer,
          {
            modelValue: viewing.value,
            'onUpdate:modelValue': (v: unknown) => (viewing.value = v as { title: string } | null),
            title: viewing.value?.title,
          },
          () => h('p', { class: 'body' }, viewing.value?.title),
        ),
    );
    await nextTick();
    expect(document.querySelector('.el-drawer__title')?.textContent ?? '').toBe('');
    viewing.value = { title: '2026 年危化品泄漏演练' };
    await nextTick();
    await nextTick();
    expect(document.querySelector('.el-drawer__title')?.textContent).toBe('2026 年危化品泄漏演练');
    expect(document.querySelector('.el-drawer .body')?.textContent).toBe('2026 年危化品泄漏演练');
    // What Element Plus sends when the drawer is closed (×, Esc, a click outside).
    wrapper.findComponent(ElDrawer).vm.$emit('update:modelValue', false);
    await nextTick();
    expect(viewing.value).toBeNull();
  });
});
