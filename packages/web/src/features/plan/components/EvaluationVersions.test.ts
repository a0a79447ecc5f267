// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { createPinia } from 'pinia';
import { i18n } from '../../../i18n/index.ts';
import EvaluationVersions from './EvaluationVersions.vue';

const version = (n: number, note: string, nextSteps: string) => ({
  id: `v${n}`,
  planId: 'p1',
  kind: 'mid',
  year: 2023,
  version: n,
  note,
  text: { overall: '总体顺利。', problems: '', nextSteps },
  createdBy: '安委办张三',
  createdAt: `2026-11-2${n}T02:00:00.000Z`,
  size: 12000,
});
const newest = version(2, '送审稿', '加快重点工程建设。');
const older = version(1, '征求意见稿', '推进示范城市创建。');

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

/** The versions on a server answering `listed` to the list and `posted` to a save. */
function mountWithServer(listed: object[], posted: object) {
  const calls: { url: string; method: string; body: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init?: RequestInit) => {
      calls.push({
        url,
        method: init?.method ?? 'GET',
        body: init?.body ? JSON.parse(String(init.body)) : null,
      });
      const body = init?.method === 'POST' ? posted : { items: listed };
      return Promise.resolve(
        new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } }),
      );
    }),
  );
  const wrapper = mount(EvaluationVersions, {
    props: { planId: 'p1' },
    attachTo: document.body,
    global: { plugins: [createPinia(), i18n, ElementPlus] },
  });
  return { calls, wrapper };
}

describe('the evaluation report versions', () => {
  it('lists the saved versions newest first and starts the authors’ text from the newest', async () => {
    const { calls, wrapper } = mountWithServer([newest, older], newest);
    await flushPromises();
    expect(calls[0]!.url).toContain('/api/v1/plan/plans/p1/evaluation/versions?kind=mid');
    const rows = wrapper.findAll('[data-testid="plan-evaluation-version-table"] .el-table__body tr');
    expect(rows.map((r) => r.findAll('td')[0]!.text())).toEqual(['第 2 版', '第 1 版']);
    expect(rows[0]!.text()).toContain('送审稿');
    expect(rows[0]!.text()).toContain('2023');
    expect(rows[0]!.text()).toContain('安委办张三');
    const nextSteps = wrapper.find('[data-testid="plan-evaluation-nextSteps"]');
    expect((nextSteps.element as HTMLTextAreaElement).value).toBe('加快重点工程建设。');
  });

  it('saves the edited text with a note as the next version and lists it', async () => {
    const third = version(3, '定稿', '开展终期评估准备。');
    const { calls, wrapper } = mountWithServer([newest, older], third);
    await flushPromises();
    await wrapper.find('[data-testid="plan-evaluation-nextSteps"]').setValue('开展终期评估准备。');
    await wrapper.find('[data-testid="plan-evaluation-note"]').setValue('定稿');
    await wrapper.find('[data-testid="plan-evaluation-save"]').trigger('click');
    await flushPromises();
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.url).toContain('/api/v1/plan/plans/p1/evaluation/versions');
    expect(post.body).toEqual({
      kind: 'mid',
      note: '定稿',
      text: { overall: '总体顺利。', problems: '', nextSteps: '开展终期评估准备。' },
    });
    // The list is read again after the save.
    expect(calls.filter((c) => c.method === 'GET')).toHaveLength(2);
  });

  it('says so when no version is saved yet', async () => {
    const { wrapper } = mountWithServer([], newest);
    await flushPromises();
    expect(wrapper.find('[data-testid="plan-evaluation-version-table"]').text()).toContain('尚未保存版本');
    const overall = wrapper.find('[data-testid="plan-evaluation-overall"]');
    expect((overall.element as HTMLTextAreaElement).value).toBe('');
  });
});
