// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { h, nextTick } from 'vue';
import { accidentLevelNames } from '@anjian/domain';
import { i18n } from '../i18n/index.ts';
import { mountInApp } from '../test-support/mount-in-app.ts';
import StatusTag from './StatusTag.vue';

describe('StatusTag', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    i18n.global.locale.value = 'zh-CN';
  });

  it('names the status from the domain’s labels in the UI language, coloured by its tone', async () => {
    const { wrapper } = mountInApp(
      () => null,
      () => h(StatusTag, { value: 'major', labels: accidentLevelNames, tones: { major: 'danger' } }),
    );
    expect(wrapper.text()).toBe('重大事故');
    expect(wrapper.find('.el-tag').classes()).toContain('el-tag--danger');
    i18n.global.locale.value = 'en';
    await nextTick();
    expect(wrapper.text()).toBe('major accident');
  });

  it('names the status from the i18n messages, grey when its tone is not listed', () => {
    const { wrapper } = mountInApp(
      () => null,
      () =>
        h(StatusTag, { value: 'suspended', prefix: 'registry.statuses', tones: { operating: 'success' } }),
    );
    expect(wrapper.text()).toBe('停产停业');
    expect(wrapper.find('.el-tag').classes()).toContain('el-tag--info');
  });
});
