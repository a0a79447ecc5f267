// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { h, nextTick, ref } from 'vue';
import { flushPromises } from '@vue/test-utils';
import { ApiError } from '../../../lib/api.ts';
import { mountInApp } from '../../../test-support/mount-in-app.ts';
import WhistleStepDialog from './WhistleStepDialog.vue';

const saveButton = () => document.querySelector<HTMLButtonElement>('[data-testid="whistle-step-save"]')!;
const labels = () =>
  [...document.querySelectorAll('.el-dialog .el-form-item__label')].map((l) => l.textContent?.trim());

function mountDialog(submit: (path: string, body: object) => Promise<void>) {
  const dialog = ref<InstanceType<typeof WhistleStepDialog> | null>(null);
  mountInApp(
    () => ({}),
    () => h(WhistleStepDialog, { ref: dialog, submit }),
  );
  return dialog;
}

describe('WhistleStepDialog', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('asks a verification for its conclusion and note, and sends them as the verification step', async () => {
    const sent: [string, object][] = [];
    const dialog = mountDialog(async (path, body) => void sent.push([path, body]));
    await nextTick();
    dialog.value!.show('verify');
    await flushPromises();
    expect(document.querySelector('.el-dialog__title')?.textContent).toBe('登记核查结论');
    expect(labels()).toEqual(['核查结论', '核查情况']);
    document.querySelectorAll<HTMLInputElement>('.el-radio input')[1]!.click();
    const note = document.querySelector<HTMLTextAreaElement>('.el-dialog textarea')!;
    note.value = '  现场核实，部分属实。 ';
    note.dispatchEvent(new Event('input'));
    await nextTick();
    saveButton().click();
    await flushPromises();
    expect(sent).toEqual([['verification', { outcome: 'partly_true', note: '现场核实，部分属实。' }]]);
  });

  it('asks nothing for an acceptance but a confirmation, and stays open when the server refuses', async () => {
    const dialog = mountDialog(async () => {
      throw new ApiError(409, 'whistle.wrong_status', '该举报当前状态不能办理这一步');
    });
    await nextTick();
    dialog.value!.show('accept');
    await flushPromises();
    expect(labels()).toEqual([]);
    expect(document.querySelector('.el-dialog .confirm')?.textContent).toBe('确认办理这一步吗？');
    saveButton().click();
    await flushPromises();
    expect(document.querySelector('.el-message')?.textContent).toContain('该举报当前状态不能办理这一步');
    expect(document.querySelector<HTMLElement>('.el-overlay')?.style.display).not.toBe('none');
  });

  it('reviews an objection: rejected with the reason the reporter sees, upheld without one', async () => {
    const sent: [string, object][] = [];
    const dialog = mountDialog(async (path, body) => void sent.push([path, body]));
    await nextTick();
    dialog.value!.show('review_objection');
    await flushPromises();
    expect(document.querySelector('.el-dialog__title')?.textContent).toBe('复核异议');
    expect(labels()).toEqual(['复核结论', '理由']);
    const reason = document.querySelector<HTMLTextAreaElement>('.el-dialog textarea')!;
    reason.value = ' 复查监控记录，出口未锁闭 ';
    reason.dispatchEvent(new Event('input'));
    await nextTick();
    saveButton().click();
    await flushPromises();
    dialog.value!.show('review_objection');
    await flushPromises();
    document.querySelectorAll<HTMLInputElement>('.el-radio input')[0]!.click();
    await nextTick();
    saveButton().click();
    await flushPromises();
    expect(sent).toEqual([
      ['objection/review', { decision: 'reject', reason: '复查监控记录，出口未锁闭' }],
      ['objection/review', { decision: 'uphold' }],
    ]);
  });
});
