import { computed, ref, shallowRef } from 'vue';
import { api, ApiError } from '../../../lib/api.ts';
import { useSessionStore } from '../../../stores/session.ts';
import {
  draftProblems,
  newInspectionDraft,
  updateFinding,
  withServerItems,
  type InspectionDraft,
  type ItemFinding,
} from '../offline/inspection-draft.ts';
import type { InspectionDetail } from '../lib/inspection-types.ts';
import { newUuid } from '../lib/uuid.ts';
import { useInspectionQueue } from './use-inspection-queue.ts';

/** Today in China Standard Time, YYYY-MM-DD: the earliest rectification deadline allowed. */
export function beijingToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * One inspection on the phone: the server's copy (or the device's when offline) and the draft the
 * inspector fills in, saved on the device after every change; finishing queues it for sync.
 */
export function useInspectionForm(id: () => string) {
  const queue = useInspectionQueue();
  const session = useSessionStore();
  // Shallow: the draft goes to IndexedDB as is, and a deep reactive proxy cannot be cloned there.
  const detail = shallowRef<InspectionDetail | null>(null);
  const draft = shallowRef<InspectionDraft | null>(null);
  const fromDevice = ref(false);
  const loading = ref(false);
  let saving: Promise<void> = Promise.resolve();

  const queued = computed(() => queue.itemFor(id()));
  const editable = computed(
    () =>
      !!detail.value &&
      !!draft.value &&
      !queued.value &&
      !queue.state.synced.includes(id()) &&
      (detail.value.status === 'planned' || detail.value.status === 'in_progress'),
  );
  const problems = computed(() => (draft.value ? draftProblems(draft.value, beijingToday()) : []));

  async function fetchDetail(): Promise<InspectionDetail> {
    const { inspections } = await queue.ready();
    try {
      const answer = await api.get<InspectionDetail>(`/enforcement/inspections/${encodeURIComponent(id())}`);
      await inspections.put(answer.id, answer);
      fromDevice.value = false;
      return answer;
    } catch (error) {
      const kept = error instanceof ApiError && error.status === 0 ? await inspections.get(id()) : undefined;
      if (!kept) throw error;
      fromDevice.value = true;
      return kept;
    }
  }

  async function load(): Promise<void> {
    loading.value = true;
    try {
      const { store } = await queue.ready();
      detail.value = await fetchDetail();
      const open = detail.value.status === 'planned' || detail.value.status === 'in_progress';
      let current = (await store.draft(id())) ?? null;
      if (!current && open && !queued.value) {
        current = newInspectionDraft({
          inspectionId: detail.value.id,
          userId: session.user?.id ?? '',
          enterpriseId: detail.value.enterpriseId,
          county: detail.value.county,
          itemIds: detail.value.items.map((item) => item.id),
          now: new Date(),
          newId: newUuid,
        });
        await store.saveDraft(current);
      }
      // Findings recorded on the server since (a certificate gap) join the draft as failed items.
      if (current && open && !fromDevice.value) {
        const merged = withServerItems(current, detail.value.items, new Date());
        if (merged !== current) await store.saveDraft(merged);
        current = merged;
      }
      draft.value = current;
      // 四不两直: the visit begins when the inspector opens the form on site. Offline, the submit
      // starts it later; a failure here changes nothing on the device.
      if (detail.value.status === 'planned' && !fromDevice.value) {
        void api
          .post(`/enforcement/inspections/${encodeURIComponent(id())}/start`, {})
          .catch(() => undefined);
      }
    } finally {
      loading.value = false;
    }
  }

  function persist(next: InspectionDraft): void {
    draft.value = next;
    saving = saving.then(async () => {
      const { store } = await queue.ready();
      await store.saveDraft(next);
    });
  }

  function change(itemId: string, change: Partial<Omit<ItemFinding, 'itemId'>>): void {
    if (draft.value) persist(updateFinding(draft.value, itemId, change, new Date()));
  }

  async function addPhoto(itemId: string, file: File): Promise<void> {
    const type = file.type === 'image/png' ? 'image/png' : 'image/jpeg';
    const { store } = await queue.ready();
    const key = newUuid();
    await store.addPhoto(id(), file, type, key);
    const keys = draft.value?.findings[itemId]?.photoKeys ?? [];
    change(itemId, { photoKeys: [...keys, key] });
  }

  async function removePhoto(itemId: string, key: string): Promise<void> {
    const keys = draft.value?.findings[itemId]?.photoKeys ?? [];
    change(itemId, { photoKeys: keys.filter((k) => k !== key) });
    const { store } = await queue.ready();
    await store.removePhoto(key);
  }

  async function setSignature(png: Blob): Promise<void> {
    if (!draft.value) return;
    const { store } = await queue.ready();
    const key = newUuid();
    await store.addPhoto(id(), png, 'image/png', key);
    const previous = draft.value.signatureKey;
    persist({ ...draft.value, signatureKey: key, updatedAt: new Date().toISOString() });
    if (previous) await store.removePhoto(previous);
  }

  function setRemarks(remarks: string): void {
    if (draft.value) persist({ ...draft.value, remarks, updatedAt: new Date().toISOString() });
  }

  /** Queues the finished inspection; it is sent now if online, else when the connection returns. */
  async function finish(): Promise<void> {
    if (!draft.value || problems.value.length > 0) return;
    const finished = { ...draft.value, finishedAt: new Date().toISOString() };
    draft.value = finished;
    await saving;
    await queue.enqueue(finished);
  }

  return {
    detail,
    draft,
    fromDevice,
    loading,
    queued,
    editable,
    problems,
    load,
    change,
    addPhoto,
    removePhoto,
    setSignature,
    setRemarks,
    finish,
  };
}
