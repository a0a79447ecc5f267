// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { ApiError } from '../lib/api.ts';
import { mountInApp } from '../test-support/mount-in-app.ts';
import { useListPage } from './use-list-page.ts';

const messages = () =>
  [...document.querySelectorAll('.el-message .el-message__content')].map((m) => m.textContent?.trim());

function recordingList(fail?: Error) {
  const calls: string[] = [];
  const step = (name: string) => () => {
    calls.push(name);
    return fail ? Promise.reject(fail) : Promise.resolve();
  };
  return { calls, list: { load: step('load'), search: step('search'), reset: step('reset') } };
}

describe('useListPage', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('loads once on mount, and 查询 / 重置 / 刷新 call the list’s own steps', async () => {
    const { calls, list } = recordingList();
    const { state } = mountInApp(() => useListPage(list));
    await flushPromises();
    expect(calls).toEqual(['load']);
    await state.search();
    await state.reset();
    await state.reload();
    expect(calls).toEqual(['load', 'search', 'reset', 'load']);
  });

  it('does not load on mount when told, and a list without search or reset reloads instead', async () => {
    const calls: string[] = [];
    const { state } = mountInApp(() =>
      useListPage({ load: async () => void calls.push('load') }, { loadOnMount: false }),
    );
    await flushPromises();
    expect(calls).toEqual([]);
    await state.search();
    await state.reset();
    expect(calls).toEqual(['load', 'load']);
  });

  it('shows a failed load’s message instead of throwing', async () => {
    const { list } = recordingList(new ApiError(403, 'auth.forbidden', '没有权限'));
    const { state } = mountInApp(() => useListPage(list));
    await flushPromises();
    await expect(state.search()).resolves.toBeUndefined();
    await flushPromises();
    expect(messages()[0]).toBe('没有权限');
  });

  it('shows the search form on a desktop and folds it with the toolbar’s toggle', () => {
    const { list } = recordingList();
    const { state } = mountInApp(() => useListPage(list, { loadOnMount: false }));
    expect(state.searchVisible.value).toBe(true);
    state.toggleSearch();
    expect(state.searchVisible.value).toBe(false);
  });
});
