// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { ApiError } from '../lib/api.ts';
import { mountInApp } from '../test-support/mount-in-app.ts';
import { useFormDialog } from './use-form-dialog.ts';

interface Item {
  id: string;
  name: string;
  note: string | null;
}

function dialogWith(
  submit: (form: { name: string; note: string }, editing: Item | null) => Promise<unknown>,
) {
  const saved: string[] = [];
  const { state } = mountInApp(() =>
    useFormDialog<{ name: string; note: string }, Item>({
      blank: () => ({ name: '', note: '' }),
      fill: (item) => ({ name: item.name, note: item.note ?? '' }),
      submit,
      savedMessage: () => '已保存',
      afterSave: () => {
        saved.push('reloaded');
      },
    }),
  );
  return { dialog: state, saved };
}

const messages = () =>
  [...document.querySelectorAll('.el-message .el-message__content')].map((m) => m.textContent?.trim());

describe('useFormDialog', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('opens empty to create and filled to edit, leaving no value of the last record behind', () => {
    const { dialog } = dialogWith(() => Promise.resolve());
    dialog.show({ id: 'a', name: '甲', note: '备注' });
    expect(dialog.open.value).toBe(true);
    expect(dialog.creating.value).toBe(false);
    expect({ ...dialog.form }).toEqual({ name: '甲', note: '备注' });
    dialog.show(null);
    expect(dialog.creating.value).toBe(true);
    expect({ ...dialog.form }).toEqual({ name: '', note: '' });
  });

  it('saves with the record being edited, closes, says so and reloads', async () => {
    const calls: [string, string | null][] = [];
    const { dialog, saved } = dialogWith((form, editing) => {
      calls.push([form.name, editing?.id ?? null]);
      return Promise.resolve();
    });
    dialog.show({ id: 'a', name: '甲', note: null });
    dialog.form.name = '乙';
    expect(await dialog.save()).toBe(true);
    await flushPromises();
    expect(calls).toEqual([['乙', 'a']]);
    expect(dialog.open.value).toBe(false);
    expect(dialog.busy.value).toBe(false);
    expect(saved).toEqual(['reloaded']);
    expect(messages()).toEqual(['已保存']);
  });

  it('stays open with the server’s message when the save is refused, and does not reload', async () => {
    const { dialog, saved } = dialogWith(() =>
      Promise.reject(new ApiError(400, 'validation.failed', '名称不能为空')),
    );
    dialog.show(null);
    expect(await dialog.save()).toBe(false);
    await flushPromises();
    expect(dialog.open.value).toBe(true);
    expect(dialog.busy.value).toBe(false);
    expect(saved).toEqual([]);
    expect(messages()).toEqual(['名称不能为空']);
  });

  it('ignores a second 保存 while the first is under way', async () => {
    let release!: () => void;
    let count = 0;
    const { dialog } = dialogWith(() => {
      count += 1;
      return new Promise<void>((resolve) => (release = resolve));
    });
    dialog.show(null);
    const first = dialog.save();
    expect(dialog.busy.value).toBe(true);
    expect(await dialog.save()).toBe(false);
    release();
    expect(await first).toBe(true);
    expect(count).toBe(1);
  });
});
