import { defineComponent, type Component, type VNode } from 'vue';
import { mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { createPinia } from 'pinia';
import { listKit } from '../components/list-kit.ts';
import { i18n } from '../i18n/index.ts';

/**
 * For tests: runs `setup` inside a mounted component with the app's i18n, Pinia, Element Plus and list kit,
 * and answers what it returned (composables that use i18n or feedback need a component).
 */
export function mountInApp<T>(setup: () => T, render: (state: T) => VNode | null = () => null) {
  let state!: T;
  const Host: Component = defineComponent({
    setup() {
      state = setup();
      return () => render(state);
    },
  });
  const wrapper = mount(Host, {
    attachTo: document.body,
    global: { plugins: [createPinia(), i18n, ElementPlus, listKit] },
  });
  return { state, wrapper };
}
