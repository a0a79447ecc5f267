// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { ApiError } from '../lib/api.ts';
import { mountInApp } from '../test-support/mount-in-app.ts';
import { useBusyAction } from './use-busy-action.ts';

const messages = () =>
  [...document.querySelectorAll('.el-message .el-message__content')].map((m) => m.textContent?.trim());

describe('useBusyAction', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('is busy while the action runs and hands its result on', async () => {
    const results: string[] = [];
    let finish: (name: string) => void = () => undefined;
    const { state } = mountInApp(() =>
      useBusyAction(
        () => new Promise<string>((resolve) => (finish = resolve)),
        (name) => void results.push(name),
      ),
    );
    const running = state.run();
    expect(state.busy.value).toBe(true);
    finish('audit.xlsx');
    await running;
    expect(state.busy.value).toBe(false);
    expect(results).toEqual(['audit.xlsx']);
  });

  it('shows the server’s refusal and is no longer busy', async () => {
    const { state } = mountInApp(() =>
      useBusyAction(() => Promise.reject(new ApiError(403, 'auth.forbidden', '无权导出'))),
    );
    await state.run();
    await flushPromises();
    expect(state.busy.value).toBe(false);
    expect(messages()).toEqual(['无权导出']);
  });
});
