// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { h } from 'vue';
import { flushPromises } from '@vue/test-utils';
import { mountInApp } from '../../../test-support/mount-in-app.ts';
import TeamMembersDialog from './TeamMembersDialog.vue';

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

/** Per table row whether its account is marked wrong, then the list's own problem if any. */
const shownProblems = () => ({
  rows: [...document.querySelectorAll('.el-table__body tr')].map(
    (tr) => tr.querySelector('.is-error') !== null,
  ),
  list: document.querySelector('.list-problem')?.textContent?.trim() ?? null,
});

describe('TeamMembersDialog', () => {
  it('after 保存 finds a problem, the problems follow the rows as one is removed', async () => {
    const calls: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string) => {
        calls.push(url);
        const body = { members: [{ userId: 'u1', name: '张三', leader: true, phone: null }], candidates: [] };
        return Promise.resolve(
          new Response(JSON.stringify(body), {
            status: 200,
            headers: { 'content-type': 'application/json' },
          }),
        );
      }),
    );
    mountInApp(
      () => null,
      () => h(TeamMembersDialog, { team: { id: 't1', name: '救援一队' } }),
    );
    await flushPromises();
    const button = (testid: string, index = 0) =>
      document.querySelectorAll<HTMLElement>(`[data-testid="${testid}"]`)[index]!;

    button('team-member-add').click();
    await flushPromises();
    button('team-members-save').click();
    await flushPromises();
    expect(shownProblems()).toEqual({ rows: [false, true], list: null });
    expect(calls).toEqual(['/api/v1/emergency/resources/t1/members']);

    // Removing the leader leaves the empty row first: its problem moves with it, and a leader is missing.
    button('team-member-remove', 0).click();
    await flushPromises();
    expect(shownProblems()).toEqual({ rows: [true], list: '请至少指定一名队长' });
  });
});
