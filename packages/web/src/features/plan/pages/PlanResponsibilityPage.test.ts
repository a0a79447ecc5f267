// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { createPinia } from 'pinia';
import { listKit } from '../../../components/list-kit.ts';
import { i18n } from '../../../i18n/index.ts';
import type { ResponsibilityListDetail } from '../lib/responsibility-lists.ts';
import PlanResponsibilityPage from './PlanResponsibilityPage.vue';

const summary = {
  id: 'l1',
  kind: 'department' as const,
  organisationId: 'o-housing',
  organisationName: '市住房和城乡建设局',
  holder: '市住房和城乡建设局',
  title: '市住房和城乡建设局安全生产责任清单',
  version: 2,
  publishedAt: '2026-10-30T02:00:00.000Z',
  publishedBy: '安委办',
  itemCount: 3,
  demo: false,
};

const detail = (allowedActions: 'revise'[]): ResponsibilityListDetail => ({
  ...summary,
  items: [
    '负责建筑施工安全监督管理',
    '负责城镇燃气安全监督管理，推进老旧管道更新改造',
    '督促自建房安全专项整治',
  ],
  note: '按治本攻坚三年行动修订',
  versions: [
    {
      version: 2,
      publishedAt: '2026-10-30T02:00:00.000Z',
      publishedBy: '安委办',
      note: '按治本攻坚三年行动修订',
      itemCount: 3,
    },
    {
      version: 1,
      publishedAt: '2026-05-13T02:00:00.000Z',
      publishedBy: '安委办',
      note: '依据成员单位职责',
      itemCount: 2,
    },
  ],
  allowedActions,
});

const versions: Record<string, object> = {
  '2': {
    ...detail([]).versions[0],
    items: detail([]).items,
    added: ['负责城镇燃气安全监督管理，推进老旧管道更新改造', '督促自建房安全专项整治'],
    removed: ['负责城镇燃气安全监督管理'],
  },
  '1': {
    ...detail([]).versions[1],
    items: ['负责建筑施工安全监督管理', '负责城镇燃气安全监督管理'],
    added: ['负责建筑施工安全监督管理', '负责城镇燃气安全监督管理'],
    removed: [],
  },
};

let mounted: VueWrapper | null = null;
const sent: [string, unknown][] = [];

function mountPage(allowedActions: 'revise'[], revised?: ResponsibilityListDetail) {
  sent.length = 0;
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init: RequestInit) => {
      const path = url.replace('/api/v1', '');
      sent.push([`${init.method} ${path}`, init.body ? JSON.parse(init.body as string) : undefined]);
      const version = /\/versions\/(\d+)$/.exec(path)?.[1];
      const body =
        init.method === 'PUT'
          ? revised
          : path === '/plan/responsibility-lists'
            ? [summary]
            : path === '/plan/responsibility-lists/l1'
              ? detail(allowedActions)
              : version
                ? versions[version]
                : [];
      return Promise.resolve(
        new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } }),
      );
    }),
  );
  mounted = mount(PlanResponsibilityPage, {
    attachTo: document.body,
    global: { plugins: [createPinia(), i18n, ElementPlus, listKit] },
  });
}

const all = (testid: string) => [...document.querySelectorAll<HTMLElement>(`[data-testid="${testid}"]`)];
/** The field of an el-input (its test id lands on the wrapper or on the field itself). */
const field = (testid: string) => {
  const el = all(testid)[0]!;
  return (el.matches('input, textarea') ? el : el.querySelector('input, textarea')) as HTMLInputElement;
};
const text = (el: Element | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim();

afterEach(() => {
  mounted?.unmount();
  mounted = null;
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('责任清单 page', () => {
  it('lists the current version; 历史版本 shows what each version added and removed', async () => {
    mountPage([]);
    await flushPromises();
    const row = document.querySelector('[data-testid="plan-responsibility-table"] .el-table__body tr')!;
    expect([...row.querySelectorAll('td')].map((td) => text(td))).toEqual([
      '市住房和城乡建设局安全生产责任清单',
      '部门',
      '市住房和城乡建设局',
      '第 2 版',
      '2026-10-30 10:00:00',
      '安委办',
      '3',
    ]);
    (row as HTMLElement).click();
    await flushPromises();
    expect(all('plan-responsibility-items')[0]!.querySelectorAll('li')).toHaveLength(3);
    // A unit reads; only the 安委办 is offered 修订.
    expect(all('plan-responsibility-revise')).toHaveLength(0);

    all('plan-responsibility-history-open')[0]!.click();
    await flushPromises();
    expect(text(all('plan-responsibility-summary')[0])).toBe('新增 2 · 删除 1');
    expect(all('plan-responsibility-diff-row').map((r) => [r.className, text(r)])).toEqual([
      ['kept', '1负责建筑施工安全监督管理'],
      ['added', '+2负责城镇燃气安全监督管理，推进老旧管道更新改造'],
      ['added', '+3督促自建房安全专项整治'],
      ['removed', '−负责城镇燃气安全监督管理'],
    ]);
    all('plan-responsibility-version')[1]!.click();
    await flushPromises();
    expect(text(all('plan-responsibility-summary')[0])).toBe('首次发布');
    expect(all('plan-responsibility-diff-row')).toHaveLength(2);
  });

  it('the 安委办 revises the items from the current version, which publishes the next one', async () => {
    const revised = {
      ...detail(['revise']),
      version: 3,
      items: ['负责建筑施工安全监督管理', '督促自建房安全专项整治'],
    };
    mountPage(['revise'], revised);
    await flushPromises();
    (
      document.querySelector('[data-testid="plan-responsibility-table"] .el-table__body tr') as HTMLElement
    ).click();
    await flushPromises();
    all('plan-responsibility-revise')[0]!.click();
    await flushPromises();
    const items = field('plan-responsibility-revise-items');
    expect(items.value.split('\n')).toHaveLength(3);
    items.value = '负责建筑施工安全监督管理\n\n 督促自建房安全专项整治 ';
    items.dispatchEvent(new Event('input'));
    const note = field('plan-responsibility-revise-note');
    note.value = '燃气职责移交';
    note.dispatchEvent(new Event('input'));
    all('plan-responsibility-revise-save')[0]!.click();
    await flushPromises();
    expect(sent.filter(([key]) => key.startsWith('PUT'))).toEqual([
      [
        'PUT /plan/responsibility-lists/l1',
        {
          baseVersion: 2,
          items: ['负责建筑施工安全监督管理', '督促自建房安全专项整治'],
          note: '燃气职责移交',
        },
      ],
    ]);
    expect(all('plan-responsibility-items')[0]!.querySelectorAll('li')).toHaveLength(2);
  });
});
