// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { createPinia } from 'pinia';
import { i18n } from '../../../i18n/index.ts';
import SuggestedProgress from './SuggestedProgress.vue';

function answer(body: unknown) {
  vi.stubGlobal(
    'fetch',
    vi.fn(() =>
      Promise.resolve(
        new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } }),
      ),
    ),
  );
}

const drills = {
  nameZh: '应急演练次数',
  nameEn: 'Emergency drills held',
  reasonZh: '本年已演练 3 次，按全年 12 次进度应达 10.8 次',
  reasonEn: '3 drills this year; 10.8 due on the pace of 12 a year',
  sourceZh: '应急管理',
  sourceEn: 'Emergency',
  periodZh: '2026-01-01 至 2026-11-29',
  periodEn: '2026-01-01 to 2026-11-29',
};

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('suggested progress from a figure Anjian holds', () => {
  it('shows the figure of the unit’s area and hands the suggested progress and its source to the report', async () => {
    answer({ figure: drills, area: { zh: '江川区', en: 'Jiangchuan District' }, percent: 25 });
    const wrapper = mount(SuggestedProgress, {
      props: { assignmentId: 'a1' },
      global: { plugins: [createPinia(), i18n, ElementPlus] },
    });
    await flushPromises();
    expect(wrapper.find('[data-testid="plan-suggested-figure"]').text()).toBe(
      '应急演练次数：本年已演练 3 次，按全年 12 次进度应达 10.8 次',
    );
    expect(wrapper.text()).toContain('系统数据（江川区）');
    expect(wrapper.find('[data-testid="plan-suggested-source"]').text()).toBe(
      '来源：应急管理；期间：2026-01-01 至 2026-11-29',
    );
    expect(wrapper.text()).toContain('建议进度 25%');
    await wrapper.find('[data-testid="plan-suggested-adopt"]').trigger('click');
    expect(wrapper.emitted('adopt')).toEqual([
      [
        25,
        '依据系统数据（江川区，应急管理，2026-01-01 至 2026-11-29）：本年已演练 3 次，按全年 12 次进度应达 10.8 次',
      ],
    ]);
  });

  it('offers nothing to adopt when the figure does not convert to progress', async () => {
    answer({
      figure: { ...drills, nameZh: '重大事故隐患动态清零', reasonZh: '2 项重大事故隐患正在整改，均未超期' },
      area: { zh: '江川区', en: 'Jiangchuan District' },
      percent: null,
    });
    const wrapper = mount(SuggestedProgress, {
      props: { assignmentId: 'a1' },
      global: { plugins: [createPinia(), i18n, ElementPlus] },
    });
    await flushPromises();
    expect(wrapper.find('[data-testid="plan-suggested-adopt"]').exists()).toBe(false);
    expect(wrapper.text()).toContain('此项数据不能换算为进度');
  });
});
