import type { InspectionDraft } from './inspection-draft.ts';
import { draftPhotoKeys } from './inspection-draft.ts';
import type { KeyValueStore } from './key-value-store.ts';

/** A photo (or the signature) kept on the device; `uploadId` is set once the server has it. */
export interface LocalPhoto {
  readonly key: string;
  readonly inspectionId: string;
  readonly blob: Blob;
  readonly contentType: 'image/jpeg' | 'image/png';
  readonly uploadId: string | null;
}

export type QueueState = 'pending' | 'syncing' | 'failed' | 'waiting_sign_in';

export interface QueueError {
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

/** A finished inspection waiting for the server to acknowledge it. */
export interface QueuedSubmission {
  readonly clientSubmissionId: string;
  readonly inspectionId: string;
  readonly userId: string;
  /** The draft as it was when the inspector finished. */
  readonly draft: InspectionDraft;
  readonly state: QueueState;
  readonly attempts: number;
  /** Epoch ms; the interval tick does not try before this. */
  readonly nextAttemptAt: number;
  readonly lastError: QueueError | null;
  readonly queuedAt: string;
}

export interface OfflineStores {
  readonly drafts: KeyValueStore<InspectionDraft>;
  readonly photos: KeyValueStore<LocalPhoto>;
  readonly queue: KeyValueStore<QueuedSubmission>;
}

export type OfflineStore = ReturnType<typeof createOfflineStore>;

/** Drafts, photos and the submission queue on the device. */
export function createOfflineStore(stores: OfflineStores) {
  return {
    stores,
    draft: (inspectionId: string) => stores.drafts.get(inspectionId),
    saveDraft: (draft: InspectionDraft) => stores.drafts.put(draft.inspectionId, draft),

    async addPhoto(
      inspectionId: string,
      blob: Blob,
      contentType: LocalPhoto['contentType'],
      key: string,
    ): Promise<LocalPhoto> {
      const photo: LocalPhoto = { key, inspectionId, blob, contentType, uploadId: null };
      await stores.photos.put(key, photo);
      return photo;
    },
    photo: (key: string) => stores.photos.get(key),
    removePhoto: (key: string) => stores.photos.delete(key),

    /**
     * Queues the finished draft. Finishing again (a double tap, or after an edit while still queued)
     * keeps the same clientSubmissionId and replaces the snapshot, so there is still one item.
     */
    async enqueue(draft: InspectionDraft, now: Date): Promise<QueuedSubmission> {
      const item: QueuedSubmission = {
        clientSubmissionId: draft.clientSubmissionId,
        inspectionId: draft.inspectionId,
        userId: draft.userId,
        draft,
        state: 'pending',
        attempts: 0,
        nextAttemptAt: now.getTime(),
        lastError: null,
        queuedAt: now.toISOString(),
      };
      await stores.queue.put(item.clientSubmissionId, item);
      return item;
    },
    queued: () => stores.queue.values(),
    queuedItem: (clientSubmissionId: string) => stores.queue.get(clientSubmissionId),
    updateQueued: (item: QueuedSubmission) => stores.queue.put(item.clientSubmissionId, item),

    /** After the server acknowledged: the item, its photos and the draft leave the device. */
    async forget(item: QueuedSubmission): Promise<void> {
      // The queue entry first: a crash half-way leaves only orphan photos, never an item without them.
      await stores.queue.delete(item.clientSubmissionId);
      for (const key of draftPhotoKeys(item.draft)) await stores.photos.delete(key);
      const draft = await stores.drafts.get(item.inspectionId);
      if (draft?.clientSubmissionId === item.clientSubmissionId)
        await stores.drafts.delete(item.inspectionId);
    },
  };
}
