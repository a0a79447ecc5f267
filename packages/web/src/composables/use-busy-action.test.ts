// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { ApiError } from '../lib/api.ts';
import { mountInApp } from '../test-support/mount-in-app.ts';
import { useBusyAction } from './use-busy-action.ts';

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

  it('resolves without handing anything on when the action fails, and is no longer busy', async () => {
    const results: unknown[] = [];
    const { state } = mountInApp(() =>
      useBusyAction(
        async () => {
          throw new ApiError(409, 'plan.in_use', '预案已被演练引用');
        },
        (result) => void results.push(result),
      ),
    );
    await expect(state.run()).resolves.toBeUndefined();
    await flushPromises();
    expect(state.busy.value).toBe(false);
    expect(results).toEqual([]);
  });
});
