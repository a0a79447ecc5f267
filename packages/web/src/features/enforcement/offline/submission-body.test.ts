import { describe, expect, it } from 'vitest';
import { updateFinding } from './inspection-draft.ts';
import { finishedDraft, T0 } from './offline.test-support.ts';
import { submissionBody } from './submission-body.ts';

const uploads = new Map([
  ['photo-1', 'u-photo'],
  ['sign-1', 'u-sign'],
]);

describe('the submission body', () => {
  it('carries the clientSubmissionId, the results with upload ids, the signature and the finish time', () => {
    const draft = { ...finishedDraft('photo-1', 'sign-1'), remarks: ' 现场检查发现 1 项问题 ' };
    expect(submissionBody(draft, uploads)).toEqual({
      clientSubmissionId: 'csid-1',
      results: [
        { itemId: 'item-a', result: 'pass' },
        {
          itemId: 'item-b',
          result: 'fail',
          note: '消防通道堵塞',
          photoIds: ['u-photo'],
          deadline: '2026-12-10',
        },
      ],
      signatureUploadId: 'u-sign',
      notes: '现场检查发现 1 项问题',
      finishedAt: '2026-11-29T02:30:00.000Z',
      final: true,
    });
  });

  it('sends 不适用 as na and is the same on every resend', () => {
    const draft = updateFinding(
      finishedDraft('photo-1', 'sign-1'),
      'item-a',
      { result: 'not_applicable' },
      new Date(T0),
    );
    const first = JSON.stringify(submissionBody(draft, uploads));
    expect(JSON.parse(first).results[0]).toEqual({ itemId: 'item-a', result: 'na' });
    expect(JSON.stringify(submissionBody(structuredClone(draft), new Map(uploads)))).toBe(first);
  });

  it('refuses to build a body with a photo that was not uploaded', () => {
    expect(() => submissionBody(finishedDraft('photo-1', 'sign-1'), new Map([['sign-1', 'u']]))).toThrow(
      'photo photo-1 has no upload id',
    );
  });
});
