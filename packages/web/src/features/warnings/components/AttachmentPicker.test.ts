// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { h, ref } from 'vue';
import { flushPromises } from '@vue/test-utils';
import { MAX_WARNING_ATTACHMENT_BYTES } from '@anjian/domain';
import { mountInApp } from '../../../test-support/mount-in-app.ts';
import AttachmentPicker from './AttachmentPicker.vue';
import PendingAttachments from './PendingAttachments.vue';

afterEach(() => {
  document.body.innerHTML = '';
});

const byTestid = <T extends Element = HTMLElement>(id: string) =>
  document.querySelector<T>(`[data-testid="${id}"]`)!;

/** Element Plus puts the test id on the native input. */
const descriptionInput = (prefix: string) => byTestid<HTMLInputElement>(`${prefix}-description`);

async function describeAs(prefix: string, text: string) {
  const input = descriptionInput(prefix);
  input.value = text;
  input.dispatchEvent(new Event('input'));
  await flushPromises();
}

async function choose(prefix: string, file: File) {
  const input = byTestid(`${prefix}-file`).querySelector<HTMLInputElement>('input[type="file"]')!;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change'));
  await flushPromises();
}

const chooseButton = (prefix: string) =>
  byTestid(`${prefix}-file`).querySelector<HTMLButtonElement>('button')!;
const messages = () => [...document.querySelectorAll('.el-message')].map((m) => m.textContent?.trim());
const pdf = (name: string, bytes = 1024) =>
  new File([new Uint8Array(bytes)], name, { type: 'application/pdf' });

function mountPicker() {
  const picked: [string, string][] = [];
  const picker = ref<InstanceType<typeof AttachmentPicker> | null>(null);
  mountInApp(
    () => null,
    () =>
      h(AttachmentPicker, {
        ref: picker,
        testidPrefix: 'attachment',
        buttonLabel: '选择文件并上传',
        hint: '不超过 5 MB',
        onPick: (file: File, description: string) => picked.push([file.name, description]),
      }),
  );
  return { picked, picker };
}

describe('AttachmentPicker', () => {
  it('lets a file be chosen only once a description is written, and passes both on', async () => {
    const { picked, picker } = mountPicker();
    expect(chooseButton('attachment').disabled).toBe(true);
    expect(byTestid('attachment-file').querySelector('input')!.accept).toBe(
      'image/jpeg,image/png,application/pdf',
    );

    await describeAs('attachment', '  疏散路线图 ');
    expect(chooseButton('attachment').disabled).toBe(false);
    await choose('attachment', pdf('guide.pdf'));
    expect(picked).toEqual([['guide.pdf', '疏散路线图']]);
    expect(messages()).toEqual([]);

    // The parent clears the description once it has taken the file: the button is gated again.
    picker.value!.clear();
    await flushPromises();
    expect(descriptionInput('attachment').value).toBe('');
    expect(chooseButton('attachment').disabled).toBe(true);
  });

  it('refuses a file of the wrong type with the Chinese reason and passes nothing on', async () => {
    const { picked } = mountPicker();
    await describeAs('attachment', '现场照片');
    await choose('attachment', new File(['x'], 'notes.txt', { type: 'text/plain' }));
    expect(picked).toEqual([]);
    expect(messages()).toEqual(['只能上传 JPEG、PNG 图片或 PDF 文件']);
  });

  it('refuses a file over 5 MB with the Chinese reason', async () => {
    const { picked } = mountPicker();
    await describeAs('attachment', '厂区平面图');
    await choose('attachment', pdf('plan.pdf', MAX_WARNING_ATTACHMENT_BYTES + 1));
    expect(picked).toEqual([]);
    expect(messages()).toEqual(['文件超过 5 MB']);
  });
});

describe('PendingAttachments', () => {
  it('keeps the chosen files with their descriptions under the pending test ids', async () => {
    mountInApp(
      () => null,
      () => h(PendingAttachments),
    );
    expect(byTestid('pending-attachments')).not.toBeNull();
    await describeAs('pending', '泄漏点位示意图');
    await choose('pending', pdf('sketch.pdf'));
    const rows = [...byTestid('pending-list').querySelectorAll('.el-table__body tr')].map((tr) =>
      [...tr.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent?.trim()),
    );
    expect(rows).toEqual([['泄漏点位示意图', 'sketch.pdf', '1 KB']]);
    expect(descriptionInput('pending').value).toBe('');
  });
});
