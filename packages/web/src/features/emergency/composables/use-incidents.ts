import { onBeforeUnmount, onMounted, ref } from 'vue';
import type {
  EmergencyResource,
  EmergencyResourceKind,
  Incident,
  IncidentFollowUp,
  IncidentReport,
  IncidentZoneSet,
  IncidentZoneSetInput,
  MajorHazardUnit,
  RecordLabel,
} from '@anjian/domain';
import { ApiError, api } from '../../../lib/api.ts';
import type { ConsequenceCall } from '../lib/incident-consequence.ts';

export type NearbyResource = EmergencyResource & { distanceM: number };
export type TaskStatus = Incident['tasks'][number]['status'];

const path = (id: string, tail = '') => `/incidents/${encodeURIComponent(id)}${tail}`;

/** The incidents API: reports, follow-ups, reporting steps, dispatch, notes and the timeline. */
export function useIncidents() {
  return {
    list: async (status?: 'open' | 'closed', securityLabel?: RecordLabel) =>
      (await api.get<{ items: Incident[] }>('/incidents', { status, securityLabel })).items,
    get: (id: string) => api.get<Incident>(path(id)),
    report: (input: IncidentReport) => api.post<Incident>('/incidents', input),
    followUp: (id: string, input: IncidentFollowUp) => api.post<Incident>(path(id, '/follow-ups'), input),
    reportSent: (id: string, stepId: string) => api.post<Incident>(path(id, '/reports-sent'), { stepId }),
    dispatch: (id: string, resourceId: string, note?: string) =>
      api.post<Incident>(path(id, '/dispatch'), { resourceId, ...(note ? { note } : {}) }),
    taskStatus: (id: string, taskId: string, status: TaskStatus) =>
      api.post<Incident>(path(id, `/tasks/${encodeURIComponent(taskId)}/status`), { status }),
    note: (id: string, text: string) => api.post<Incident>(path(id, '/notes'), { text }),
    /** Keeps the computed zones with the incident (a new version; its summary goes to the timeline). */
    recordZones: async (id: string, zones: IncidentZoneSetInput) => {
      await api.post<IncidentZoneSet>(path(id, '/zones'), zones);
      return api.get<Incident>(path(id));
    },
    close: (id: string, text: string) => api.post<Incident>(path(id, '/close'), { text }),
    setSecurityLabel: (id: string, securityLabel: RecordLabel) =>
      api.put<Incident>(path(id, '/security-label'), { securityLabel }),
  };
}

/** Resources within a radius of the site, nearest first (GET /emergency/resources/nearby). */
export async function findNearbyResources(query: {
  lon: number;
  lat: number;
  radiusM: number;
  kinds: readonly EmergencyResourceKind[];
  material?: string;
}): Promise<NearbyResource[]> {
  const answer = await api.get<{ items: NearbyResource[] }>('/emergency/resources/nearby', {
    lon: query.lon,
    lat: query.lat,
    radiusM: query.radiusM,
    kinds: query.kinds.join(','),
    material: query.material?.trim(),
    limit: 200,
  });
  return answer.items;
}

/**
 * The GB 18218 units an enterprise declared, with their inventories (GET /major-hazards/units); empty
 * when it declared none or the caller may not read declarations (registry:read).
 */
export async function findDeclaredUnits(enterpriseId: string): Promise<MajorHazardUnit[]> {
  try {
    const answer = await api.get<{ items: MajorHazardUnit[] }>('/major-hazards/units', {
      enterpriseId,
      pageSize: 200,
    });
    return answer.items;
  } catch (e) {
    if (e instanceof ApiError && (e.status === 403 || e.status === 404)) return [];
    throw e;
  }
}

/** A public consequence calculator. */
export function runConsequenceCalculator(call: ConsequenceCall): Promise<unknown> {
  return api.post<unknown>(call.path, call.body);
}

/** The current time, ticking every second while the component lives (for the reporting timers). */
export function useTicker(intervalMs = 1000) {
  const now = ref(Date.now());
  let timer: ReturnType<typeof setInterval> | undefined;
  onMounted(() => {
    timer = setInterval(() => (now.value = Date.now()), intervalMs);
  });
  onBeforeUnmount(() => clearInterval(timer));
  return now;
}
