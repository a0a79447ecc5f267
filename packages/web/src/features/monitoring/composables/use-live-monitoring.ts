import { computed, ref, shallowRef } from 'vue';
import { sortAlarmQueue } from '../lib/alarm-order.ts';
import {
  monitoringApi,
  type MonitoringAlarm,
  type MonitoringPoint,
  type MonitoringSite,
} from './use-monitoring-data.ts';

/** Runs `task` once after a short pause however often it is asked for meanwhile (a burst of events). */
function coalesced(task: () => Promise<void>, delayMs = 250) {
  let timer: ReturnType<typeof setTimeout> | null = null;
  return () => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      void task();
    }, delayMs);
  };
}

/**
 * What the monitoring page shows: the sites with their warning, the open alarms in queue order,
 * and the chosen site's points. The stream tells it what changed; it refetches that part.
 */
export function useLiveMonitoring(onError: (error: unknown) => void) {
  const sites = shallowRef<MonitoringSite[]>([]);
  const alarms = shallowRef<MonitoringAlarm[]>([]);
  const sitePoints = shallowRef<MonitoringPoint[]>([]);
  const selectedSiteId = ref<string | null>(null);
  const selectedPointId = ref<string | null>(null);
  const loadedAt = ref(0);

  const queue = computed(() => sortAlarmQueue(alarms.value));
  const selectedSite = computed(() => sites.value.find((s) => s.objectId === selectedSiteId.value) ?? null);
  const selectedPoint = computed(() => sitePoints.value.find((p) => p.id === selectedPointId.value) ?? null);

  async function loadSites(): Promise<void> {
    try {
      sites.value = (await monitoringApi.sites()).items;
    } catch (error) {
      onError(error);
    }
  }

  async function loadAlarms(): Promise<void> {
    try {
      alarms.value = (await monitoringApi.alarms({ open: true, page: 1, pageSize: 200 })).items;
      loadedAt.value = Date.now();
    } catch (error) {
      onError(error);
    }
  }

  async function loadSitePoints(): Promise<void> {
    const objectId = selectedSiteId.value;
    if (!objectId) {
      sitePoints.value = [];
      return;
    }
    try {
      const answer = await monitoringApi.points({ objectId, page: 1, pageSize: 200 });
      if (objectId === selectedSiteId.value) sitePoints.value = answer.items;
    } catch (error) {
      onError(error);
    }
  }

  async function selectSite(objectId: string | null, pointId: string | null = null): Promise<void> {
    if (objectId !== selectedSiteId.value) {
      selectedSiteId.value = objectId;
      sitePoints.value = [];
      selectedPointId.value = null;
      await loadSitePoints();
    }
    const chosen = pointId ?? selectedPointId.value;
    selectedPointId.value =
      chosen ?? sitePoints.value.find((p) => p.level)?.id ?? sitePoints.value[0]?.id ?? null;
  }

  function replaceAlarm(updated: MonitoringAlarm): void {
    const open = ['pending', 'firing', 'acknowledged', 'handling'].includes(updated.status);
    const others = alarms.value.filter((a) => a.id !== updated.id);
    alarms.value = open ? [...others, updated] : others;
  }

  return {
    sites,
    alarms,
    queue,
    sitePoints,
    selectedSiteId,
    selectedPointId,
    selectedSite,
    selectedPoint,
    loadedAt,
    loadSites,
    loadAlarms,
    loadSitePoints,
    selectSite,
    replaceAlarm,
    refreshSites: coalesced(loadSites),
    refreshAlarms: coalesced(loadAlarms),
    refreshSitePoints: coalesced(loadSitePoints),
  };
}
