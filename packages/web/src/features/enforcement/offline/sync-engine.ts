import { draftPhotoKeys } from './inspection-draft.ts';
import type { LocalPhoto, OfflineStore, QueueError, QueuedSubmission } from './offline-store.ts';
import { decideOnFailure, retryDelayMs } from './retry-policy.ts';

/** How the engine reaches the server; errors carry the HTTP status (0 = no answer), like ApiError. */
export interface SubmissionTransport {
  /** Uploads one photo; resolves with the server's upload id. */
  uploadPhoto(photo: LocalPhoto, item: QueuedSubmission): Promise<string>;
  /** Sends the submission with its clientSubmissionId; resolves once the server has stored it. */
  submit(item: QueuedSubmission, uploadIds: ReadonlyMap<string, string>): Promise<void>;
}

export interface SyncEngineOptions {
  readonly store: OfflineStore;
  readonly transport: SubmissionTransport;
  readonly now: () => number;
  /** In [0, 1): jitter of the back-off. */
  readonly random: () => number;
  /** Only this user's items are sent; null = nobody signed in, nothing is sent. */
  readonly currentUserId: () => string | null;
  /** Called after every change of an item's state (for the page to re-read the queue). */
  readonly onChange?: () => void;
  /** Called with the inspection id when the server acknowledged a submission. */
  readonly onSynced?: (item: QueuedSubmission) => void;
  /** Runs one pass at a time across tabs (navigator.locks in the browser); default: this tab only. */
  readonly runExclusive?: <T>(pass: () => Promise<T>) => Promise<T>;
}

export interface SyncPass {
  readonly synced: readonly string[];
  readonly retrying: readonly string[];
  readonly failed: readonly string[];
}

/** A problem on the phone itself (a photo gone from storage): retrying would only repeat it. */
class LocalSyncError extends Error {
  readonly status = -1;
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function errorOf(error: unknown): QueueError {
  const known = error as Partial<QueueError> | null;
  if (known && typeof known.status === 'number') {
    return {
      status: known.status,
      code: String(known.code ?? 'unknown'),
      message: String(known.message ?? ''),
    };
  }
  // Not an answer of the server: a bug on the phone, which retrying would only repeat.
  return {
    status: -1,
    code: 'client.error',
    message: error instanceof Error ? error.message : String(error),
  };
}

/**
 * Sends queued submissions: photos first (each upload id is saved as soon as the server returns
 * it, so a retry does not upload it again), then the submission itself. An item leaves the device
 * only after the server acknowledged it; a transient failure schedules a retry with back-off;
 * a request the server refuses for good marks the item failed with the server's reason.
 */
export function createSyncEngine(options: SyncEngineOptions) {
  const { store, transport } = options;
  const exclusive = options.runExclusive ?? (<T>(pass: () => Promise<T>) => pass());
  let running: Promise<SyncPass> | null = null;
  let again: { ignoreBackoff: boolean } | null = null;

  async function save(item: QueuedSubmission): Promise<void> {
    await store.updateQueued(item);
    options.onChange?.();
  }

  async function uploadPhotos(item: QueuedSubmission): Promise<Map<string, string>> {
    const uploadIds = new Map<string, string>();
    for (const key of draftPhotoKeys(item.draft)) {
      const photo = await store.photo(key);
      if (!photo) throw new LocalSyncError('client.photo_missing', key);
      let uploadId = photo.uploadId;
      if (!uploadId) {
        uploadId = await transport.uploadPhoto(photo, item);
        await store.stores.photos.put(key, { ...photo, uploadId });
      }
      uploadIds.set(key, uploadId);
    }
    return uploadIds;
  }

  async function send(item: QueuedSubmission): Promise<'synced' | 'retrying' | 'failed'> {
    const attempt = { ...item, state: 'syncing' as const, attempts: item.attempts + 1 };
    await save(attempt);
    try {
      await transport.submit(attempt, await uploadPhotos(attempt));
    } catch (error) {
      const lastError = errorOf(error);
      const decision = lastError.status === -1 ? 'fail' : decideOnFailure(lastError.status, lastError.code);
      if (decision === 'fail') {
        await save({ ...attempt, state: 'failed', lastError });
        return 'failed';
      }
      const state = decision === 'wait_for_sign_in' ? 'waiting_sign_in' : 'pending';
      const nextAttemptAt = options.now() + retryDelayMs(attempt.attempts, options.random());
      await save({ ...attempt, state, lastError, nextAttemptAt });
      return 'retrying';
    }
    await store.forget(attempt);
    options.onChange?.();
    options.onSynced?.(attempt);
    return 'synced';
  }

  async function pass(ignoreBackoff: boolean): Promise<SyncPass> {
    const userId = options.currentUserId();
    const result = { synced: [] as string[], retrying: [] as string[], failed: [] as string[] };
    if (!userId) return result;
    const due = (await store.queued()).filter(
      (item) =>
        item.userId === userId &&
        item.state !== 'failed' &&
        (ignoreBackoff || item.nextAttemptAt <= options.now()),
    );
    for (const item of due) {
      const outcome = await send(item);
      result[outcome].push(item.clientSubmissionId);
      // No connection: the rest would fail the same way; wait for the next tick or `online`.
      if (
        outcome === 'retrying' &&
        (await store.queuedItem(item.clientSubmissionId))?.lastError?.status === 0
      )
        break;
    }
    return result;
  }

  /**
   * One pass over the due items (all of them with ignoreBackoff, e.g. when the connection comes
   * back). A call during a pass runs one more pass after it rather than a second one beside it.
   */
  function syncDue(request: { ignoreBackoff?: boolean } = {}): Promise<SyncPass> {
    const ignoreBackoff = request.ignoreBackoff ?? false;
    if (running) {
      again = { ignoreBackoff: ignoreBackoff || (again?.ignoreBackoff ?? false) };
      return running;
    }
    running = exclusive(() => pass(ignoreBackoff)).finally(() => {
      running = null;
      const next = again;
      again = null;
      if (next) void syncDue(next);
    });
    return running;
  }

  return {
    syncDue,
    /** At start-up: an item left `syncing` by a closed tab is pending again (the id makes a resend safe). */
    async recover(): Promise<void> {
      for (const item of await store.queued()) {
        if (item.state === 'syncing') await save({ ...item, state: 'pending' });
      }
    },
    /** The inspector asks to try a failed item again. */
    async retry(clientSubmissionId: string): Promise<void> {
      const item = await store.queuedItem(clientSubmissionId);
      if (item) await save({ ...item, state: 'pending', attempts: 0, nextAttemptAt: options.now() });
    },
  };
}

export type SyncEngine = ReturnType<typeof createSyncEngine>;
