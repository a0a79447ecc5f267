import { ref } from 'vue';
import type { Page } from '@anjian/domain';
import { api, ApiError } from '../../../lib/api.ts';
import type { InspectionDetail, InspectionRow } from '../lib/inspection-types.ts';
import { useInspectionQueue } from './use-inspection-queue.ts';

const isOpen = (row: InspectionRow) => row.status === 'planned' || row.status === 'in_progress';

/**
 * The inspections the signed-in inspector is paired with. Open ones are copied to the device as
 * they are listed, so the inspector can open and fill them in without a connection; offline, the
 * list is the device's copy.
 */
export function useMyInspections() {
  const queue = useInspectionQueue();
  const rows = ref<InspectionRow[]>([]);
  const loading = ref(false);
  const fromDevice = ref(false);

  async function keepOnDevice(open: readonly InspectionRow[]): Promise<void> {
    const { inspections } = await queue.ready();
    for (const row of open) {
      const detail = await api.get<InspectionDetail>(
        `/enforcement/inspections/${encodeURIComponent(row.id)}`,
      );
      await inspections.put(detail.id, detail);
    }
  }

  async function load(): Promise<void> {
    loading.value = true;
    try {
      const page = await api.get<Page<InspectionRow>>('/enforcement/inspections', { mine: 1, pageSize: 100 });
      rows.value = page.items;
      fromDevice.value = false;
      void keepOnDevice(page.items.filter(isOpen)).catch(() => undefined);
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 0) throw error;
      const { inspections } = await queue.ready();
      rows.value = await inspections.values();
      fromDevice.value = true;
    } finally {
      loading.value = false;
    }
  }

  return { rows, loading, fromDevice, load, isOpen };
}
