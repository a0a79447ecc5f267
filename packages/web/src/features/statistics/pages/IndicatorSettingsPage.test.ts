// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import ElementPlus from 'element-plus';
import type { IndicatorSetting } from '@anjian/domain';
import { deathsIndicatorSetting } from '@anjian/domain/statistics.test-support';
import { listKit } from '../../../components/list-kit.ts';
import { i18n } from '../../../i18n/index.ts';
import { useSessionStore } from '../../../stores/session.ts';
import IndicatorSettingsPage from './IndicatorSettingsPage.vue';

const note = '《玉溪市“十四五”安全生产规划》专栏1';
const deaths: IndicatorSetting = {
  ...deathsIndicatorSetting,
  targetChange: -0.2,
  decimals: 1,
  publishedBaseline: 12,
  publishedBaselineNote: note,
};
const larger: IndicatorSetting = {
  ...deaths,
  id: 'major_accidents',
  code: 'major_accidents',
  nameZh: '较大生产安全事故起数',
  nameEn: 'Larger work-safety accidents',
  unit: '起',
  formula: 'major_accidents',
  comparison: 'period_average',
  baselineFrom: 2016,
  decimals: 2,
  position: 2,
  publishedBaseline: null,
  publishedBaselineNote: null,
};

let puts: { url: string; body: Record<string, unknown> }[] = [];

function answer(url: string, init?: RequestInit): unknown {
  if (init?.method === 'PUT') {
    puts.push({ url, body: JSON.parse(String(init.body)) as Record<string, unknown> });
    return deaths;
  }
  if (url === '/api/v1/statistics/indicator-settings') return { items: [deaths, larger] };
  if (url === '/api/v1/cockpit/plan-targets') return { items: [] };
  throw new Error(`unexpected ${url}`);
}

async function openPage() {
  const pinia = createPinia();
  setActivePinia(pinia);
  const session = useSessionStore();
  session.state = {
    user: { id: 'u1', permissions: ['stats:read', 'registry:configure'] },
  } as unknown as typeof session.state;
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/statistics/settings', component: IndicatorSettingsPage }],
  });
  await router.push('/statistics/settings');
  const wrapper = mount(IndicatorSettingsPage, {
    attachTo: document.body,
    global: { plugins: [pinia, i18n, ElementPlus, router, listKit] },
  });
  await flushPromises();
  return wrapper;
}

const find = <T extends Element>(testid: string) => document.querySelector<T>(`[data-testid="${testid}"]`)!;
/** The native input of a field (Element Plus puts a test id on the input itself or on its wrapper). */
const inputOf = (testid: string) => {
  const found = find<HTMLElement>(testid);
  return found instanceof HTMLInputElement ? found : found.querySelector('input')!;
};
const baselineInput = () => inputOf('indicator-setting-published-baseline');
const noteInput = () => inputOf('indicator-setting-published-baseline-note');

async function type(input: HTMLInputElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event('input'));
  input.dispatchEvent(new Event('change'));
  await flushPromises();
}

describe('指标与目标设置: the published baseline', () => {
  beforeEach(() => {
    puts = [];
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string, init?: RequestInit) =>
        Promise.resolve(
          new Response(JSON.stringify(answer(url, init)), {
            status: 200,
            headers: { 'content-type': 'application/json' },
          }),
        ),
      ),
    );
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('lists each indicator’s baseline with where it comes from', async () => {
    await openPage();
    const published = find<HTMLElement>('indicator-setting-baseline-deaths');
    expect(published.textContent).toBe('12.0（规划公布）');
    expect(published.title).toBe(note);
    expect(find<HTMLElement>('indicator-setting-baseline-major_accidents').textContent).toBe(
      '按 2016–2020 年数据计算',
    );
  });

  it('edits the figure and its source, and an emptied figure goes back to computed', async () => {
    await openPage();
    find<HTMLElement>('indicator-setting-edit-deaths').click();
    await flushPromises();
    const labels = [...document.querySelectorAll('.el-dialog .el-form-item__label')].map(
      (l) => l.textContent,
    );
    expect(labels).toContain('规划公布的基期值');
    expect(labels).toContain('基期值出处');
    expect([baselineInput().value, noteInput().value]).toEqual(['12', note]);

    await type(baselineInput(), '11.5');
    await type(noteInput(), '《玉溪市安全生产“十三五”规划》终期评估');
    find<HTMLElement>('indicator-setting-save').click();
    await flushPromises();
    expect(puts).toHaveLength(1);
    expect(puts[0]!.url).toBe('/api/v1/statistics/indicator-settings/deaths');
    expect(puts[0]!.body).toMatchObject({
      targetChange: -0.2,
      decimals: 1,
      publishedBaseline: 11.5,
      publishedBaselineNote: '《玉溪市安全生产“十三五”规划》终期评估',
    });

    find<HTMLElement>('indicator-setting-edit-deaths').click();
    await flushPromises();
    await type(baselineInput(), '');
    expect(noteInput().disabled).toBe(true);
    find<HTMLElement>('indicator-setting-save').click();
    await flushPromises();
    expect(puts[1]!.body).toMatchObject({ publishedBaseline: null, publishedBaselineNote: null });
  });
});
