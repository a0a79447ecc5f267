// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { ApiError } from '../lib/api.ts';
import { mountInApp } from '../test-support/mount-in-app.ts';
import { useConfirmAction } from './use-confirm-action.ts';

const messages = () =>
  [...document.querySelectorAll('.el-message .el-message__content')].map((m) => m.textContent?.trim());

/** Clicks 确定 or 取消 in the open message box. */
async function answer(button: '确定' | '取消') {
  await flushPromises();
  const buttons = [...document.querySelectorAll<HTMLButtonElement>('.el-message-box button')];
  buttons.find((b) => b.textContent?.trim() === button)!.click();
  await flushPromises();
}

describe('useConfirmAction', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('acts, says so and reloads only when the user confirms', async () => {
    const done: string[] = [];
    const { state } = mountInApp(() => useConfirmAction());
    const confirmed = state.confirmAndRun('删除“甲”？', async () => void done.push('deleted'), {
      danger: true,
      success: '已删除',
      then: () => void done.push('reloaded'),
    });
    await answer('确定');
    expect(await confirmed).toBe(true);
    expect(done).toEqual(['deleted', 'reloaded']);
    expect(messages()).toEqual(['已删除']);
  });

  it('does nothing when the user cancels', async () => {
    const done: string[] = [];
    const { state } = mountInApp(() => useConfirmAction());
    const cancelled = state.confirmAndRun('删除“甲”？', async () => void done.push('deleted'));
    await answer('取消');
    expect(await cancelled).toBe(false);
    expect(done).toEqual([]);
  });

  it('shows the server’s refusal and does not reload', async () => {
    const done: string[] = [];
    const { state } = mountInApp(() => useConfirmAction());
    const refused = state.confirmAndRun(
      '删除“甲”？',
      () => Promise.reject(new ApiError(409, 'plan.in_use', '预案已被演练引用')),
      { then: () => void done.push('reloaded') },
    );
    await answer('确定');
    expect(await refused).toBe(false);
    expect(done).toEqual([]);
    expect(messages()).toEqual(['预案已被演练引用']);
  });
});
