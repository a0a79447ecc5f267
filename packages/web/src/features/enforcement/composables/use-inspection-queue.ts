import { reactive } from 'vue';
import { api } from '../../../lib/api.ts';
import { useSessionStore } from '../../../stores/session.ts';
import { createIndexedDbStore, openDatabase } from '../offline/indexed-db-store.ts';
import { createMemoryStore } from '../offline/key-value-store.ts';
import {
  createOfflineStore,
  type OfflineStore,
  type OfflineStores,
  type QueuedSubmission,
} from '../offline/offline-store.ts';
import type { InspectionDraft } from '../offline/inspection-draft.ts';
import { submissionBody } from '../offline/submission-body.ts';
import type { KeyValueStore } from '../offline/key-value-store.ts';
import type { InspectionDetail } from '../lib/inspection-types.ts';
import { createSyncEngine, type SyncEngine } from '../offline/sync-engine.ts';
import { startSyncLoop } from '../offline/sync-loop.ts';

const DATABASE = 'anjian-enforcement';
const STORES = ['drafts', 'photos', 'queue', 'inspections'] as const;

/** The queue as the phone pages show it; one per tab, shared by every page. */
export const queueState = reactive({
  ready: false,
  /** False when IndexedDB is unavailable (private mode): work then lives only as long as the tab. */
  persistent: true,
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  items: [] as QueuedSubmission[],
  /** Inspections acknowledged by the server in this tab, newest last. */
  synced: [] as string[],
});

interface DeviceStores extends OfflineStores {
  /** Inspections last loaded from the server, so they open without a connection. */
  readonly inspections: KeyValueStore<InspectionDetail>;
}

async function openStores(): Promise<DeviceStores> {
  try {
    if (typeof indexedDB === 'undefined') throw new Error('no IndexedDB');
    const database = await openDatabase(indexedDB, DATABASE, 1, STORES);
    return {
      drafts: createIndexedDbStore(database, 'drafts'),
      photos: createIndexedDbStore(database, 'photos'),
      queue: createIndexedDbStore(database, 'queue'),
      inspections: createIndexedDbStore(database, 'inspections'),
    };
  } catch {
    queueState.persistent = false;
    return {
      drafts: createMemoryStore(),
      photos: createMemoryStore(),
      queue: createMemoryStore(),
      inspections: createMemoryStore(),
    };
  }
}

/** One sync pass at a time across the tabs of this browser, where Web Locks exist. */
function acrossTabs<T>(pass: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  // request() resolves with the callback's own promise result (the types nest it once more).
  return locks ? (locks.request('anjian-enforcement-sync', pass) as unknown as Promise<T>) : pass();
}

interface Runtime {
  store: OfflineStore;
  engine: SyncEngine;
  inspections: KeyValueStore<InspectionDetail>;
  refresh: () => Promise<void>;
}

let runtime: Promise<Runtime> | null = null;

async function start(currentUserId: () => string | null): Promise<Runtime> {
  const stores = await openStores();
  const store = createOfflineStore(stores);
  const refresh = async () => {
    queueState.items = await store.queued();
  };
  const engine = createSyncEngine({
    store,
    now: () => Date.now(),
    random: Math.random,
    currentUserId,
    runExclusive: acrossTabs,
    onChange: () => void refresh(),
    onSynced: (item) => queueState.synced.push(item.inspectionId),
    transport: {
      async uploadPhoto(photo, item) {
        const query = { county: item.draft.county, enterpriseId: item.draft.enterpriseId };
        return (await api.upload<{ id: string }>('/uploads', photo.blob, photo.contentType, query)).id;
      },
      async submit(item, uploadIds) {
        const path = `/enforcement/inspections/${encodeURIComponent(item.inspectionId)}/submit`;
        await api.post(path, submissionBody(item.draft, uploadIds));
      },
    },
  });
  window.addEventListener('online', () => (queueState.online = true));
  window.addEventListener('offline', () => (queueState.online = false));
  startSyncLoop(engine, window);
  await refresh();
  queueState.ready = true;
  return { store, engine, inspections: stores.inspections, refresh };
}

/**
 * The device's store of drafts, photos and finished inspections, and the loop that sends them.
 * Started by the first phone page and kept for the life of the tab, so a queued inspection is
 * sent while the inspector is on any page.
 */
export function useInspectionQueue() {
  const session = useSessionStore();
  runtime ??= start(() => session.user?.id ?? null);
  return {
    state: queueState,
    ready: () => runtime!,
    async syncNow(): Promise<void> {
      const { engine } = await runtime!;
      await engine.syncDue({ ignoreBackoff: true });
    },
    /** Queues a finished draft and tries to send it at once (it stays queued when offline). */
    async enqueue(draft: InspectionDraft): Promise<void> {
      const { store, engine, refresh } = await runtime!;
      await store.saveDraft(draft);
      await store.enqueue(draft, new Date());
      await refresh();
      void engine.syncDue({ ignoreBackoff: true }).catch(() => undefined);
    },
    async retry(clientSubmissionId: string): Promise<void> {
      const { engine } = await runtime!;
      await engine.retry(clientSubmissionId);
      await engine.syncDue();
    },
    itemFor: (inspectionId: string) => queueState.items.find((item) => item.inspectionId === inspectionId),
  };
}
