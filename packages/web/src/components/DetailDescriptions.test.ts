// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { h } from 'vue';
import { mountInApp } from '../test-support/mount-in-app.ts';
import DetailDescriptions from './DetailDescriptions.vue';

describe('DetailDescriptions', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('shows each label with its value, and — for an empty one', () => {
    const { wrapper } = mountInApp(
      () => null,
      () =>
        h(DetailDescriptions, {
          items: [
            { label: '组织单位', value: '玉溪市应急管理局' },
            { label: '地点', value: null },
            { label: '参演人数', value: 0 },
          ],
        }),
    );
    expect(wrapper.findAll('.el-descriptions__label').map((c) => c.text())).toEqual([
      '组织单位',
      '地点',
      '参演人数',
    ]);
    expect(wrapper.findAll('.el-descriptions__content').map((c) => c.text())).toEqual([
      '玉溪市应急管理局',
      '—',
      '0',
    ]);
  });
});
