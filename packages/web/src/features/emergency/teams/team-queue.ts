import type { TeamOperation } from '@anjian/domain';
import type { KeyValueStore } from '../../enforcement/offline/key-value-store.ts';

/*
 * 应急联动's offline queue: every status step, position and on-scene report the phone makes is kept
 * on the device under an id the phone generated, and sent to the server's one sync route in order.
 * The server stores each id once, so a batch sent again after a lost answer changes nothing; an item
 * leaves the device only after the server acknowledged it. Photos are uploaded first and their
 * upload ids saved at once, so a retry does not upload them again.
 */

export interface QueuedPhoto {
  readonly blob: Blob;
  readonly contentType: string;
  readonly uploadId: string | null;
}

/** An operation as queued: a report's photos are blobs until uploaded. */
export type QueuedOperation =
  | Exclude<TeamOperation, { kind: 'report' }>
  | (Omit<Extract<TeamOperation, { kind: 'report' }>, 'photoIds'> & { photos: QueuedPhoto[] });

export interface QueueItem {
  /** Sort key: task, then time, then id (the store returns values in key order). */
  readonly key: string;
  readonly taskId: string;
  readonly userId: string;
  /** The incident's county: where the report's photos are filed. */
  readonly county: string;
  readonly operation: QueuedOperation;
  readonly attempts: number;
  readonly nextAttemptAt: number;
  readonly state: 'pending' | 'waiting_sign_in' | 'failed';
  readonly lastError: { status: number; code: string; message: string } | null;
}

export interface TeamTransport {
  uploadPhoto(photo: QueuedPhoto, county: string): Promise<string>;
  /** Statuses and reports (and positions among them), audited. */
  sync(taskId: string, operations: TeamOperation[]): Promise<unknown>;
  /** A run of positions alone: the track route. */
  positions(taskId: string, operations: TeamOperation[]): Promise<unknown>;
}

/** The answers that will never succeed however often they are sent. */
const FINAL = new Set(['team.task_done', 'team.operation_conflict', 'team.task_not_found']);

export type TeamFailure = 'retry' | 'wait_for_sign_in' | 'fail';

/** 0 = no answer (offline); 401 = the session ended (waits for the next sign-in); 5xx, 408, 429: retry. */
export function decideTeamFailure(status: number, code: string): TeamFailure {
  if (status === 401) return 'wait_for_sign_in';
  if (FINAL.has(code)) return 'fail';
  if (status >= 400 && status < 500 && ![408, 409, 429].includes(status)) return 'fail';
  return 'retry';
}

/** 2 s, 4 s, 8 s … at most a minute: a rescue team's position is worth sending soon. */
export function teamRetryDelayMs(attempts: number, random: number): number {
  const ceiling = Math.min(60_000, 2_000 * 2 ** Math.max(0, Math.min(attempts - 1, 10)));
  return Math.round(ceiling * (0.5 + Math.min(Math.max(random, 0), 0.999_999) / 2));
}

const BATCH = 50;

export function createTeamQueue(options: {
  store: KeyValueStore<QueueItem>;
  transport: TeamTransport;
  now: () => number;
  random: () => number;
  currentUserId: () => string | null;
  onChange?: () => void;
}) {
  const { store, transport } = options;
  let running: Promise<void> | null = null;
  let again = false;

  async function add(taskId: string, county: string, operation: QueuedOperation): Promise<void> {
    const userId = options.currentUserId();
    if (!userId) return;
    const item: QueueItem = {
      key: `${taskId}|${operation.at}|${operation.id}`,
      taskId,
      userId,
      county,
      operation,
      attempts: 0,
      nextAttemptAt: 0,
      state: 'pending',
      lastError: null,
    };
    await store.put(item.key, item);
    options.onChange?.();
  }

  /** The operation as the server takes it: photos uploaded (each once), replaced by their ids. */
  async function ready(item: QueueItem): Promise<TeamOperation> {
    const op = item.operation;
    if (op.kind !== 'report') return op;
    const photos: QueuedPhoto[] = [];
    for (const photo of op.photos) {
      const uploadId = photo.uploadId ?? (await transport.uploadPhoto(photo, item.county));
      photos.push({ ...photo, uploadId });
      if (!photo.uploadId)
        await store.put(item.key, { ...item, operation: { ...op, photos } as QueuedOperation });
    }
    const { photos: _photos, ...rest } = op;
    return { ...rest, photoIds: photos.map((p) => p.uploadId!) };
  }

  /** Sends the first batch of a task's items; answers how many left the device (0 on failure). */
  async function sendTask(items: QueueItem[]): Promise<number> {
    // A leading run of positions goes to the track route; anything else, in order, to sync.
    const isPosition = (item: QueueItem) => item.operation.kind === 'position';
    const trackOnly = isPosition(items[0]!);
    const run = items.findIndex((item) => isPosition(item) !== trackOnly);
    const batch = items.slice(0, Math.min(BATCH, run < 0 ? items.length : run));
    try {
      const operations: TeamOperation[] = [];
      for (const item of batch) operations.push(await ready(item));
      if (trackOnly) await transport.positions(batch[0]!.taskId, operations);
      else await transport.sync(batch[0]!.taskId, operations);
    } catch (error) {
      const known = error as { status?: unknown; code?: unknown; message?: unknown };
      const lastError = {
        status: typeof known?.status === 'number' ? known.status : -1,
        code: String(known?.code ?? 'client.error'),
        message: String(known?.message ?? error),
      };
      const decision = lastError.status === -1 ? 'fail' : decideTeamFailure(lastError.status, lastError.code);
      for (const item of batch) {
        const attempts = item.attempts + 1;
        const current = (await store.get(item.key)) ?? item;
        await store.put(item.key, {
          ...current,
          attempts,
          lastError,
          state:
            decision === 'fail' ? 'failed' : decision === 'wait_for_sign_in' ? 'waiting_sign_in' : 'pending',
          nextAttemptAt: options.now() + teamRetryDelayMs(attempts, options.random()),
        });
      }
      options.onChange?.();
      return 0;
    }
    for (const item of batch) await store.delete(item.key);
    options.onChange?.();
    return batch.length;
  }

  async function pass(ignoreBackoff: boolean): Promise<void> {
    const userId = options.currentUserId();
    if (!userId) return;
    const waiting = (await store.values()).filter(
      (item) => item.userId === userId && item.state !== 'failed',
    );
    const byTask = new Map<string, QueueItem[]>();
    for (const item of waiting) byTask.set(item.taskId, [...(byTask.get(item.taskId) ?? []), item]);
    for (const items of byTask.values()) {
      // A task's items leave in order: while its oldest backs off, the later ones wait with it.
      if (!ignoreBackoff && items[0]!.nextAttemptAt > options.now()) continue;
      let rest = items;
      while (rest.length > 0) {
        const sent = await sendTask(rest);
        if (sent === 0) break;
        rest = rest.slice(sent);
      }
    }
  }

  /** One pass over the due items; a call during a pass runs one more after it, never two at once. */
  function sync(ignoreBackoff = false): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = pass(ignoreBackoff).finally(() => {
      running = null;
      if (again) {
        again = false;
        void sync(ignoreBackoff);
      }
    });
    return running;
  }

  return {
    add,
    sync,
    async items(taskId?: string): Promise<QueueItem[]> {
      const userId = options.currentUserId();
      return (await store.values()).filter((i) => i.userId === userId && (!taskId || i.taskId === taskId));
    },
    /** The team member drops an item the server refused for good (its reason was shown). */
    async discard(key: string): Promise<void> {
      await store.delete(key);
      options.onChange?.();
    },
  };
}

export type TeamQueue = ReturnType<typeof createTeamQueue>;
