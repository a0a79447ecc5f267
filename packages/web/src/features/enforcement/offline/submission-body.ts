import type { InspectionDraft, ItemResult } from './inspection-draft.ts';

/** Body of POST /api/v1/enforcement/inspections/:id/submit (docs/enforcement.md). */
export interface SubmissionBody {
  readonly clientSubmissionId: string;
  readonly results: readonly {
    readonly itemId: string;
    readonly result: 'pass' | 'fail' | 'na';
    readonly note?: string;
    readonly photoIds?: readonly string[];
    readonly deadline?: string;
  }[];
  readonly signatureUploadId?: string;
  readonly notes?: string;
  readonly finishedAt: string;
  readonly final: true;
}

const wireResult: Record<ItemResult, 'pass' | 'fail' | 'na'> = {
  pass: 'pass',
  fail: 'fail',
  not_applicable: 'na',
};

/**
 * The submission for a finished draft, photo keys replaced by the server's upload ids. The server
 * refuses a clientSubmissionId resent with a different body, so this is a pure function of the
 * stored draft: every resend is identical.
 */
export function submissionBody(
  draft: InspectionDraft,
  uploadIds: ReadonlyMap<string, string>,
): SubmissionBody {
  const uploaded = (key: string) => {
    const id = uploadIds.get(key);
    if (!id) throw new Error(`photo ${key} has no upload id`);
    return id;
  };
  if (!draft.finishedAt) throw new Error('the draft is not finished');
  const results = Object.values(draft.findings).map((finding) => {
    if (!finding.result) throw new Error(`item ${finding.itemId} has no result`);
    const note = finding.note.trim();
    return {
      itemId: finding.itemId,
      result: wireResult[finding.result],
      ...(note ? { note } : {}),
      ...(finding.photoKeys.length > 0 ? { photoIds: finding.photoKeys.map(uploaded) } : {}),
      ...(finding.result === 'fail' && finding.rectificationDeadline
        ? { deadline: finding.rectificationDeadline }
        : {}),
    };
  });
  const notes = draft.remarks.trim();
  return {
    clientSubmissionId: draft.clientSubmissionId,
    results,
    ...(draft.signatureKey ? { signatureUploadId: uploaded(draft.signatureKey) } : {}),
    ...(notes ? { notes } : {}),
    finishedAt: draft.finishedAt,
    final: true,
  };
}
