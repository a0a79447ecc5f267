// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import ElementPlus from 'element-plus';
import type { IndicatorStatus } from '@anjian/domain';
import { i18n } from '../../../i18n/index.ts';
import IndicatorCard from './IndicatorCard.vue';

// The chart is ECharts on a canvas, which happy-dom has not; the card's text is what is tested here.
vi.mock('../lib/cockpit-echarts.ts', () => ({ useCockpitChart: () => ({ render: () => undefined }) }));

const note = '《玉溪市“十四五”安全生产规划》专栏1';
const deaths: IndicatorStatus = {
  code: 'deaths',
  nameZh: '生产安全事故死亡人数',
  nameEn: 'Deaths in work-safety accidents',
  unit: '人',
  kind: 'binding',
  decimals: 1,
  baselineValue: 12,
  baselineSource: 'published',
  baselineNote: note,
  baselineFrom: 2020,
  baselineTo: 2020,
  targetValue: 9.6,
  milestone: 11.5,
  actual: 11,
  projected: 11,
  projectedLow: null,
  projectedHigh: null,
  status: 'on_track',
  reasonZh: '年末预计 11.0，达到本年目标值 11.5',
  reasonEn: 'Projected 11.0 for the year end, within this year’s milestone 11.5',
  trajectory: [],
};

async function factsOf(indicator: IndicatorStatus) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/:any(.*)', component: {} }],
  });
  const wrapper = mount(IndicatorCard, {
    props: { indicator, year: 2021 },
    global: { plugins: [i18n, ElementPlus, router] },
  });
  await flushPromises();
  return wrapper.find(`[data-testid="cockpit-indicator-facts-${indicator.code}"]`);
}

describe('the cockpit’s indicator card', () => {
  afterEach(() => {
    i18n.global.locale.value = 'zh-CN';
  });

  it('says the baseline is the plan’s published figure, its source on hover', async () => {
    const facts = await factsOf(deaths);
    expect(facts.text()).toBe('基期 12（规划公布），目标 9.6，本年里程碑 11.5，年内累计 11，年末预测 11 人');
    expect(facts.attributes('title')).toBe(note);
  });

  it('or the years it was computed from, in English too', async () => {
    const computed = {
      ...deaths,
      baselineSource: 'computed',
      baselineNote: null,
      baselineFrom: 2016,
    } as const;
    expect((await factsOf(computed)).text()).toContain('基期 12（按 2016–2020 年数据计算）');
    i18n.global.locale.value = 'en';
    expect((await factsOf(computed)).text()).toContain('Baseline 12 (computed from 2016–2020)');
  });
});
