import { reactive } from 'vue';
import type { TeamTask, TeamTaskDetail } from '@anjian/domain';
import { api } from '../../../lib/api.ts';
import { useSessionStore } from '../../../stores/session.ts';
import { createIndexedDbStore, openDatabase } from '../../enforcement/offline/indexed-db-store.ts';
import { createMemoryStore, type KeyValueStore } from '../../enforcement/offline/key-value-store.ts';
import { createTeamQueue, type QueuedOperation, type QueueItem, type TeamQueue } from './team-queue.ts';

const DATABASE = 'anjian-teams';
const SYNC_INTERVAL_MS = 5_000;

/** The queue as the phone pages show it; one per tab, shared by the team pages. */
export const teamQueueState = reactive({
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  persistent: true,
  items: [] as QueueItem[],
});

interface Runtime {
  queue: TeamQueue;
  /** Dispatches last loaded from the server, so a task opens without a connection. */
  tasks: KeyValueStore<TeamTaskDetail>;
  refresh(): Promise<void>;
}

let runtime: Promise<Runtime> | null = null;

async function start(currentUserId: () => string | null): Promise<Runtime> {
  let queueStore: KeyValueStore<QueueItem>;
  let tasks: KeyValueStore<TeamTaskDetail>;
  try {
    if (typeof indexedDB === 'undefined') throw new Error('no IndexedDB');
    const database = await openDatabase(indexedDB, DATABASE, 1, ['queue', 'tasks']);
    queueStore = createIndexedDbStore(database, 'queue');
    tasks = createIndexedDbStore(database, 'tasks');
  } catch {
    teamQueueState.persistent = false;
    queueStore = createMemoryStore();
    tasks = createMemoryStore();
  }
  const refresh = async () => {
    teamQueueState.items = await queue.items();
  };
  const queue = createTeamQueue({
    store: queueStore,
    now: () => Date.now(),
    random: Math.random,
    currentUserId,
    onChange: () => void refresh(),
    transport: {
      async uploadPhoto(photo, county) {
        return (await api.upload<{ id: string }>('/uploads', photo.blob, photo.contentType, { county })).id;
      },
      sync: (taskId, operations) =>
        api.post(`/teams/tasks/${encodeURIComponent(taskId)}/sync`, { operations }),
      positions: (taskId, operations) =>
        api.post(`/teams/tasks/${encodeURIComponent(taskId)}/positions`, { operations }),
    },
  });
  const swallow = (pass: Promise<unknown>) => void pass.catch(() => undefined);
  window.addEventListener('online', () => {
    teamQueueState.online = true;
    swallow(queue.sync(true));
  });
  window.addEventListener('offline', () => (teamQueueState.online = false));
  setInterval(() => swallow(queue.sync()), SYNC_INTERVAL_MS);
  await refresh();
  swallow(queue.sync(true));
  return { queue, tasks, refresh };
}

/**
 * The rescue team's queue and its dispatches on the device. Started by the first team page and kept
 * for the life of the tab, so what was queued is sent while the member is on any page.
 */
export function useTeamQueue() {
  const session = useSessionStore();
  runtime ??= start(() => session.user?.id ?? null);
  return {
    state: teamQueueState,
    /** Queues an operation and tries to send it at once (it stays queued when offline). */
    async add(taskId: string, county: string, operation: QueuedOperation): Promise<void> {
      const { queue } = await runtime!;
      await queue.add(taskId, county, operation);
      void queue.sync(true).catch(() => undefined);
    },
    async syncNow(): Promise<void> {
      await (await runtime!).queue.sync(true);
    },
    async discard(key: string): Promise<void> {
      await (await runtime!).queue.discard(key);
    },
    async myTasks(): Promise<TeamTask[]> {
      return (await api.get<{ items: TeamTask[] }>('/teams/tasks')).items;
    },
    /** The task from the server, kept on the device; the kept copy when there is no connection. */
    async task(taskId: string): Promise<TeamTaskDetail> {
      const { tasks } = await runtime!;
      try {
        const fresh = await api.get<TeamTaskDetail>(`/teams/tasks/${encodeURIComponent(taskId)}`);
        await tasks.put(taskId, fresh);
        return fresh;
      } catch (error) {
        const kept = (error as { status?: number }).status === 0 ? await tasks.get(taskId) : undefined;
        if (kept) return kept;
        throw error;
      }
    },
  };
}
