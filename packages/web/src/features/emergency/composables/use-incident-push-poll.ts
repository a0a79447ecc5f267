import { onBeforeUnmount, watch, type Ref, type ShallowRef } from 'vue';
import type { Incident } from '@anjian/domain';
import { useIncidents } from './use-incidents.ts';

/**
 * The dispatch pushes go out from the server's worker: re-read the incident while one is on its way
 * (every 5 s while one waits for its first try, every 30 s while a failed one waits for its retry).
 */
export function useIncidentPushPoll(incident: ShallowRef<Incident | null>, id: Readonly<Ref<string>>): void {
  const incidents = useIncidents();
  let pushPoll: ReturnType<typeof setTimeout> | null = null;
  watch(incident, (value) => {
    if (pushPoll) clearTimeout(pushPoll);
    pushPoll = null;
    const pushes = (value?.tasks ?? []).flatMap((task) => task.pushes);
    const wait = pushes.some((p) => p.status === 'pending')
      ? 5_000
      : pushes.some((p) => p.status === 'retrying')
        ? 30_000
        : null;
    if (wait === null) return;
    pushPoll = setTimeout(() => {
      incidents
        .get(id.value)
        .then((fresh) => (incident.value = fresh))
        .catch(() => undefined);
    }, wait);
  });
  onBeforeUnmount(() => {
    if (pushPoll) clearTimeout(pushPoll);
  });
}
