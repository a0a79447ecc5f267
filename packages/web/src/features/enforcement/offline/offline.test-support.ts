import { newInspectionDraft, updateFinding, type InspectionDraft } from './inspection-draft.ts';
import { createMemoryStore } from './key-value-store.ts';
import { createOfflineStore, type LocalPhoto, type QueuedSubmission } from './offline-store.ts';
import type { SubmissionTransport } from './sync-engine.ts';

export const T0 = Date.parse('2026-11-29T02:00:00Z');

export function memoryOfflineStore() {
  return createOfflineStore({
    drafts: createMemoryStore(),
    photos: createMemoryStore(),
    queue: createMemoryStore(),
  });
}

export function sequentialIds(prefix: string): () => string {
  let n = 0;
  return () => `${prefix}-${String(++n).padStart(4, '0')}`;
}

/** A finished draft with one passed item and one failed item carrying a photo, and a signature. */
export function finishedDraft(
  photoKey: string,
  signatureKey: string,
  userId = 'u-inspector',
): InspectionDraft {
  const now = new Date(T0);
  let draft = newInspectionDraft({
    inspectionId: 'insp-1',
    userId,
    enterpriseId: 'ent-1',
    county: '530403',
    itemIds: ['item-a', 'item-b'],
    now,
    newId: () => 'csid-1',
  });
  draft = updateFinding(draft, 'item-a', { result: 'pass' }, now);
  draft = updateFinding(
    draft,
    'item-b',
    { result: 'fail', note: '消防通道堵塞', photoKeys: [photoKey], rectificationDeadline: '2026-12-10' },
    now,
  );
  return { ...draft, signatureKey, finishedAt: '2026-11-29T02:30:00.000Z' };
}

export interface Answer {
  status: number;
  code?: string;
  message?: string;
  /** The server stored the submission but the answer never reached the phone. */
  committed?: boolean;
}

/**
 * A stand-in for the server's side of the contract: uploads get ids, submissions are stored once
 * per clientSubmissionId (a repeat answers like the first). Scripted answers simulate failures.
 */
export function fakeServer() {
  const records = new Map<string, { inspectionId: string; photos: string[] }>();
  const uploads: string[] = [];
  const submitAnswers: Answer[] = [];
  const uploadAnswers: Answer[] = [];
  let submitCalls = 0;
  const fail = (answer: Answer) => ({
    status: answer.status,
    code: answer.code ?? `http.${answer.status}`,
    message: answer.message ?? `answered ${answer.status}`,
  });
  const transport: SubmissionTransport = {
    async uploadPhoto(photo: LocalPhoto) {
      const answer = uploadAnswers.shift();
      if (answer) throw fail(answer);
      const id = `upload-${uploads.length + 1}`;
      uploads.push(`${id}:${photo.key}`);
      return id;
    },
    async submit(item: QueuedSubmission, uploadIds: ReadonlyMap<string, string>) {
      submitCalls += 1;
      const answer = submitAnswers.shift();
      const store = () => {
        if (!records.has(item.clientSubmissionId))
          records.set(item.clientSubmissionId, {
            inspectionId: item.inspectionId,
            photos: [...uploadIds.values()],
          });
      };
      if (answer?.committed) store();
      if (answer) throw fail(answer);
      store();
    },
  };
  return {
    transport,
    records,
    uploads,
    /** Answers for the next submit calls, in order; then success. */
    answerSubmits: (...answers: Answer[]) => submitAnswers.push(...answers),
    answerUploads: (...answers: Answer[]) => uploadAnswers.push(...answers),
    submitCalls: () => submitCalls,
  };
}
