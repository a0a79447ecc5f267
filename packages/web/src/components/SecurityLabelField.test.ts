// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { h } from 'vue';
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { createPinia, setActivePinia } from 'pinia';
import type { RecordLabel, SecurityLabel } from '@anjian/domain';
import { i18n } from '../i18n/index.ts';
import { useSessionStore } from '../stores/session.ts';
import SecurityLabelField from './SecurityLabelField.vue';
import SecurityLabelTag from './SecurityLabelTag.vue';

async function mountField(permissions: string[], clearance: SecurityLabel, label: RecordLabel = 'internal') {
  const pinia = createPinia();
  setActivePinia(pinia);
  const session = useSessionStore();
  session.state = { user: { id: 'u1', permissions, clearance } } as unknown as typeof session.state;
  const changes: string[] = [];
  const wrapper = mount(
    () =>
      h(SecurityLabelField, {
        label,
        writePermissions: ['enforcement:write'],
        testid: 'case-security-label',
        onChange: (value: string) => changes.push(value),
      }),
    { attachTo: document.body, global: { plugins: [pinia, i18n, ElementPlus] } },
  );
  await flushPromises();
  return { wrapper, changes };
}

describe('SecurityLabelTag', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    i18n.global.locale.value = 'zh-CN';
  });

  it('names each label in the reader’s language, coloured by its rank', () => {
    const names = (['public', 'internal', 'sensitive', 'whistle_identity'] as const).map((label) => {
      const wrapper = mount(SecurityLabelTag, { props: { label }, global: { plugins: [i18n, ElementPlus] } });
      const tag = wrapper.find('.el-tag');
      return [tag.text(), tag.classes().find((c) => /^el-tag--(info|primary|warning|danger)$/.test(c))];
    });
    expect(names).toEqual([
      ['公开', 'el-tag--info'],
      ['内部', 'el-tag--primary'],
      ['敏感', 'el-tag--warning'],
      ['举报身份', 'el-tag--danger'],
    ]);
    i18n.global.locale.value = 'en';
    const english = mount(SecurityLabelTag, {
      props: { label: 'whistle_identity' },
      global: { plugins: [i18n, ElementPlus] },
    });
    expect(english.text()).toBe('Reporter identity');
  });
});

describe('SecurityLabelField', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('shows the tag, not a choice, to a reader who may not write the record', async () => {
    const { wrapper } = await mountField(['enforcement:read'], 'sensitive', 'sensitive');
    expect(wrapper.find('[data-testid="case-security-label"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="security-label"]').text()).toBe('敏感');
  });

  it('offers a writer only the record labels within the own clearance', async () => {
    const { wrapper, changes } = await mountField(['enforcement:write'], 'internal');
    const select = wrapper.find('[data-testid="case-security-label"]');
    expect(select.exists()).toBe(true);
    await select.find('.el-select__wrapper').trigger('click');
    await flushPromises();
    const options = [...document.body.querySelectorAll('.el-select-dropdown__item')].map((o) =>
      o.textContent?.trim(),
    );
    expect(options).toEqual(['公开', '内部']);
    (document.body.querySelectorAll('.el-select-dropdown__item')[0] as HTMLElement).click();
    await flushPromises();
    expect(changes).toEqual(['public']);
  });
});
